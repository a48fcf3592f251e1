/**
 * npm run bench:soak [-- --rows N] [--seed S] [--keep]
 *
 * The load test of issue 6: generates a seeded IO-archive tweets CSV (5,000,000 rows by default, with
 * bench/gen-io-archive.ts), imports it into a fresh project, then runs the one analysis pipeline (runAnalysis)
 * on that project. Import and analysis each run in their own child process, so each peak RSS is its own.
 * Prints time and peak RSS per stage; exits non-zero when the import's peak RSS passes 1.5 GB.
 * A benchmark, not a CI test: it needs minutes and a few GB of disk.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIoArchive } from './gen-io-archive';

const IMPORT_RSS_TARGET = 1.5 * 1024 ** 3;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function measure(args: string[]): Promise<Record<string, unknown> & { ms: number; maxRssBytes: number }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'soak-measure.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`soak-measure ${args[0]} exited with code ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() as string));
    });
  });
}

const rows = Number(arg('rows') ?? 5_000_000);
const seed = Number(arg('seed') ?? 20240601);
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows: expected a positive integer, found ${arg('rows')}`);
const keep = process.argv.includes('--keep');
const mb = (b: number) => `${Math.round(b / 1048576).toLocaleString('en')} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const dir = mkdtempSync(join(tmpdir(), 'claque-soak-'));
try {
  const csv = join(dir, 'io-tweets.csv');
  const project = join(dir, 'soak.claque');
  console.log(`soak: ${rows.toLocaleString('en')} rows, seed ${seed}, in ${dir}`);

  const g0 = performance.now();
  const gen = await generateIoArchive(csv, { rows, seed });
  const genMs = performance.now() - g0;
  console.log(`generate: ${s(genMs)}, ${mb(gen.bytes)} CSV, ${gen.accounts.toLocaleString('en')} accounts`);

  const imp = await measure(['import', csv, project]);
  console.log(
    `import:   ${s(imp.ms)} (${Math.round((Number(imp.rowsRead) / imp.ms) * 1000).toLocaleString('en')} rows/s), ` +
      `peak RSS ${mb(imp.maxRssBytes)}; ${JSON.stringify({ read: imp.rowsRead, imported: imp.rowsImported, errors: imp.errors, added: imp.added })}`,
  );

  try {
    const ana = await measure(['analyze', project]);
    console.log(`analyse:  ${s(ana.ms)}, peak RSS ${mb(ana.maxRssBytes)}; ${JSON.stringify(ana.counts)}`);
    const timings = ana.timings as Record<string, number>;
    const peaks = ana.stagePeaks as Record<string, number>;
    for (const [stage, ms] of Object.entries(timings)) {
      console.log(
        `  ${stage.padEnd(14)} ${s(ms).padStart(8)}${peaks[stage] ? `   peak RSS by its end ${mb(peaks[stage])}` : ''}`,
      );
    }
  } catch (err) {
    // Still report the import's numbers: an analysis that fails at this size is a finding, not a crash.
    console.log(`analyse:  FAILED (${(err as Error).message}; its error is printed above)`);
    process.exitCode = 1;
  }

  const ok = imp.maxRssBytes <= IMPORT_RSS_TARGET;
  console.log(`target: import peak RSS ≤ ${mb(IMPORT_RSS_TARGET)}: ${ok ? 'met' : 'MISSED'} (${mb(imp.maxRssBytes)})`);
  if (!ok) process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
