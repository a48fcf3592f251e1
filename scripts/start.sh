#!/usr/bin/env bash
# The README's first command: install and build (scripts/setup.sh), then start Claque on the bundled demo.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec npm start -- "$@"
