// `npm run audit:electron [-- --input DIR]`: runs @doyensec/electronegativity over the Electron code
// (src/main/app, src/preload, src/renderer, copied into a scratch folder so nothing else is scanned) and
// fails on every MEDIUM or HIGH finding not explained in scripts/electronegativity-allow.json.
// Works offline: the tool's release lookup fails and it goes on with the Electron version given by -e.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['src/main/app', 'src/preload', 'src/renderer'];
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

const argAt = process.argv.indexOf('--input');
const input = argAt >= 0 ? resolve(process.argv[argAt + 1]) : undefined;
const allowAt = process.argv.indexOf('--allow');
const allowFile =
  allowAt >= 0 ? resolve(process.argv[allowAt + 1]) : join(repo, 'scripts/electronegativity-allow.json');

const scratch = mkdtempSync(join(tmpdir(), 'claque-electronegativity-'));
// process.exit() below skips `finally`: remove the scratch folder on every way out.
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
try {
  let target = input;
  if (!target) {
    target = join(scratch, 'app');
    for (const rel of SCANNED)
      if (existsSync(join(repo, rel))) cpSync(join(repo, rel), join(target, rel), { recursive: true });
  }
  const electronVersion = JSON.parse(readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8')).version;
  const report = join(scratch, 'report.csv');
  // electronegativity through a wrapper that writes its findings whole (see electronegativity-run.mjs).
  const bin = join(repo, 'scripts/electronegativity-run.mjs');
  const run = spawnSync(
    process.execPath,
    [bin, '-i', target, '-o', report, '-r', '-e', electronVersion, '-v', 'false'],
    {
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  if (run.status !== 0 || !existsSync(report)) {
    process.stderr.write(
      `audit:electron: electronegativity failed (${run.status ?? run.signal})\n${run.stdout}\n${run.stderr}\n`,
    );
    process.exit(2);
  }
  const findings = JSON.parse(readFileSync(report, 'utf8'));
  const { allow } = JSON.parse(readFileSync(allowFile, 'utf8'));
  const unexplained = [];
  for (const a of allow) {
    if (!a.check || !a.file || !a.reason || a.reason.trim().length < 20) {
      process.stderr.write(`audit:electron: allow-list entry ${JSON.stringify(a)} needs check, file and a reason\n`);
      process.exit(1);
    }
  }
  const used = new Set();
  for (const f of findings) {
    if (!FAILING.has(f.severity)) continue;
    const entry = allow.find((a) => a.check === f.issue && a.file === f.filename);
    if (entry) used.add(entry);
    else unexplained.push(f);
  }
  const counts = findings.reduce((m, f) => ((m[f.severity] = (m[f.severity] ?? 0) + 1), m), {});
  process.stdout.write(
    `audit:electron: ${findings.length} findings ${JSON.stringify(counts)} in ${input ?? SCANNED.join(', ')}; ${used.size} explained in the allow-list\n`,
  );
  for (const a of allow)
    if (!used.has(a))
      process.stdout.write(`audit:electron: note: allow-list entry ${a.check} ${a.file} matched nothing (stale?)\n`);
  if (unexplained.length > 0) {
    for (const f of unexplained) {
      process.stderr.write(
        `  ${f.severity} ${f.issue} ${f.filename}:${f.location} ${f.sample}\n    ${f.description} (${f.url})\n`,
      );
    }
    process.stderr.write(
      `audit:electron: ${unexplained.length} MEDIUM/HIGH finding(s) not explained in ${allowFile}\n`,
    );
    process.exit(1);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
