/**
 * npm run bench:import [-- --rows N] [--seed S] [--keep]
 *
 * Generates a seeded IO-archive tweets CSV (1,000,000 rows by default) in a temporary folder, then measures in
 * the same run, each in its own child process: the raw limit (same file, same CSV parser, one prepared INSERT
 * into one table in one transaction) and the real import (importFile with format io-tweets). Prints rows/s and
 * peak RSS side by side and checks the targets of issue 3: real ≥ 50 % of raw, 1M rows < 30 s, peak RSS < 1.5 GB.
 * Exits non-zero when a target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIoArchive } from './gen-io-archive';

interface Measurement {
  mode: string;
  rows: number;
  errors: number;
  ms: number;
  maxRssBytes: number;
}

const TARGET_RATIO = 0.5;
const TARGET_SECONDS_PER_MILLION = 30;
const TARGET_RSS_BYTES = 1.5 * 1024 ** 3;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function measure(mode: 'raw' | 'real', csv: string, project: string): Promise<Measurement> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'import-measure.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, mode, csv, project], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${mode} measurement exited with code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() as string) as Measurement);
    });
  });
}

const rows = Number(arg('rows') ?? 1_000_000);
const seed = Number(arg('seed') ?? 20240601);
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows: expected a positive integer, found ${arg('rows')}`);

const dir = mkdtempSync(join(tmpdir(), 'claque-bench-'));
try {
  const csv = join(dir, 'io-tweets.csv');
  const g0 = performance.now();
  const gen = await generateIoArchive(csv, { rows, seed });
  const mb = (b: number) => (b / 1024 ** 2).toFixed(0);
  console.log(
    `generated ${gen.rows.toLocaleString('en')} rows by ${gen.accounts.toLocaleString('en')} accounts, ` +
      `${mb(gen.bytes)} MB, seed ${seed}, in ${((performance.now() - g0) / 1000).toFixed(1)} s (${csv})`,
  );

  const raw = await measure('raw', csv, join(dir, 'raw.claque'));
  const real = await measure('real', csv, join(dir, 'real.claque'));
  const rate = (m: Measurement) => m.rows / (m.ms / 1000);

  console.log('');
  console.log('                         rows     seconds      rows/s   peak RSS');
  for (const m of [raw, real]) {
    console.log(
      `${(m.mode === 'raw' ? 'raw limit' : 'real import').padEnd(14)} ${m.rows.toLocaleString('en').padStart(14)} ` +
        `${(m.ms / 1000).toFixed(2).padStart(11)} ${Math.round(rate(m)).toLocaleString('en').padStart(11)} ` +
        `${mb(m.maxRssBytes).padStart(7)} MB`,
    );
  }
  if (real.errors > 0) console.log(`(real import skipped ${real.errors} rows as errors)`);

  const ratio = rate(real) / rate(raw);
  const secondsPerMillion = (real.ms / 1000) * (1_000_000 / real.rows);
  const checks: [string, boolean][] = [
    [`real/raw = ${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %)`, ratio >= TARGET_RATIO],
    [
      `1M rows in ${secondsPerMillion.toFixed(1)} s${rows === 1_000_000 ? '' : ' (projected)'} (target < ${TARGET_SECONDS_PER_MILLION} s)`,
      secondsPerMillion < TARGET_SECONDS_PER_MILLION,
    ],
    [`real peak RSS ${mb(real.maxRssBytes)} MB (target < 1536 MB)`, real.maxRssBytes < TARGET_RSS_BYTES],
    [`all ${rows.toLocaleString('en')} rows imported`, real.rows === rows],
  ];
  console.log('');
  for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
