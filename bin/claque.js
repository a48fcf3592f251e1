#!/usr/bin/env node
// Thin launcher: the CLI itself is built to out/cli by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../out/cli/claque.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('claque: the CLI is not built yet. Run `npm run build` in the Claque folder first.\n');
  process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`claque: needs Node >= 22.12 (this is ${process.version}); see README "Set-up".\n`);
  process.exit(2);
}
await import(pathToFileURL(entry).href);
