/**
 * Analysis benchmark (issue 4, item 9): a seeded X/Twitter IO-archive file of 1M posts (bench/gen-io-archive.ts)
 * imported into a project, then runAnalysis from the project to every output, timing each stage with the heap
 * left after it (after gc) and the process's max RSS reached by its end, against the 15 s target.
 *
 *   npm run bench:analyze [-- --rows N] [--seed S] [--fresh] [--layout-iterations K] [--runs R] [--offload auto|always|never]
 *                         [--coretweet-shares N]
 *
 * Then the co-retweet projection on 10M shares (bench/coretweet.bench.ts), in a process of its own.
 *
 * The imported project is kept in the temp folder (claque-bench-analyze-<rows>-<seed>.claque) and reused, so a
 * rerun measures the analysis only; --fresh regenerates it. Setup (generation, import) is timed but not
 * counted: the target is "1M posts from project to all outputs".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseDataset } from '../src/shared/analysis/analyse-dataset';
import { loadDataset } from '../src/main/analysis/load-dataset';
import { needsTexts } from '../src/main/analysis/pipeline';
import { startOffloading, type OffloadMode } from '../src/main/analysis/stage-offload';
import { writeOutputs } from '../src/main/analysis/write-outputs';
import { importFile } from '../src/main/import/run-import';
import { openProject } from '../src/main/store/project';
import { generateIoArchive } from './gen-io-archive';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with node --expose-gc (npm run bench:analyze does) for heap-after-stage numbers');
const heapNow = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (b: number) => (b / 2 ** 20).toFixed(0);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const rows = arg('--rows', 1_000_000);
const seed = arg('--seed', 20240601);
// Louvain runs: the pipeline's own default (louvainRuns) unless given.
const runs = process.argv.includes('--runs') ? arg('--runs', 1) : undefined;
const offloadAt = process.argv.indexOf('--offload');
const offloadMode = (offloadAt >= 0 ? process.argv[offloadAt + 1] : 'auto') as OffloadMode;
const layoutIterations = process.argv.includes('--layout-iterations') ? arg('--layout-iterations', 0) : undefined;
const TARGET_MS = 15_000;

const project = join(tmpdir(), `claque-bench-analyze-${rows}-${seed}.claque`);
if (process.argv.includes('--fresh')) rmSync(project, { force: true });
if (!existsSync(project)) {
  const dir = mkdtempSync(join(tmpdir(), 'claque-bench-gen-'));
  try {
    const csv = join(dir, 'tweets.csv');
    let t = performance.now();
    const gen = await generateIoArchive(csv, { rows, seed });
    console.log(`setup: generated ${gen.rows} rows by ${gen.accounts} accounts (${mb(gen.bytes)} MB) in ${ms(t)} ms`);
    t = performance.now();
    const db = openProject(project + '.partial');
    const r = await importFile(db, csv, { format: 'io-tweets' });
    db.close();
    rmSync(project, { force: true });
    renameSync(project + '.partial', project);
    console.log(`setup: imported ${r.rowsImported} rows (${r.errorCount} errors) in ${ms(t)} ms → ${project}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else console.log(`setup: reusing ${project} (--fresh to rebuild)`);

function ms(since: number): string {
  return (performance.now() - since).toFixed(0);
}

interface Row {
  stage: string;
  ms: number;
  heap: number;
  maxRss: number;
}
const rowsOut: Row[] = [];
const base = heapNow();
const db = openProject(project, { readonly: true });
const out = join(mkdtempSync(join(tmpdir(), 'claque-bench-out-')), 'out');
const t0 = performance.now();

// The steps of runAnalysis (src/main/analysis/pipeline.ts), taken apart so each gets its heap and RSS.
let t = performance.now();
const offloading = startOffloading(db, offloadMode);
// As runAnalysis does: without texts when the worker groups them and the analysis reads none itself.
const texts = !offloading || needsTexts({});
const ds = loadDataset(db, { texts });
rowsOut.push({ stage: 'load', ms: performance.now() - t, heap: heapNow(), maxRss: maxRss() });
let current: string | null = null;
let stageStart = 0;
let paused = 0;
const close = () => {
  if (current) rowsOut.push({ stage: current, ms: performance.now() - stageStart, heap: 0, maxRss: maxRss() });
};
const output = await analyseDataset(
  ds,
  {},
  {
    runs,
    layoutIterations,
    offload: offloading?.forDataset(ds, texts),
    onProgress: (stage) => {
      // Measuring the heap (a full gc) is bookkeeping: it is kept out of the stage times and the total.
      const p = performance.now();
      close();
      if (rowsOut.length) rowsOut[rowsOut.length - 1].heap = heapNow();
      current = stage === 'done' ? null : stage;
      paused += performance.now() - p;
      stageStart = performance.now();
    },
  },
);
offloading?.close();
t = performance.now();
const written = await writeOutputs(out, output);
rowsOut.push({ stage: 'write outputs', ms: performance.now() - t, heap: heapNow(), maxRss: maxRss() });
const total = performance.now() - t0 - paused;
db.close();

const c = output.summary.counts;
console.log(
  `\n${c.posts} posts, ${c.accounts} accounts, ${c.interactions} interactions → graph of ${c.nodes} nodes, ` +
    `${c.edges} edges; ${c.communities} communities (modularity ${output.summary.modularity.toFixed(4)}), ` +
    `${c.flagged} flagged; ${c.cascades} cascades; ${written.length} files`,
);
console.log('\nstage'.padEnd(17) + 'ms'.padStart(9) + 'heap after MB'.padStart(16) + 'max RSS MB'.padStart(13));
for (const r of rowsOut) {
  console.log(
    r.stage.padEnd(16) + r.ms.toFixed(0).padStart(9) + mb(r.heap - base).padStart(16) + mb(r.maxRss).padStart(13),
  );
}
console.log(`(pipeline's own stage times: ${JSON.stringify(output.summary.timings)})`);
console.log(
  offloading
    ? `layout, post parents and text groups on a second thread (--offload ${offloadMode}): ${JSON.stringify(offloading.timings)}`
    : `all stages on one thread (--offload ${offloadMode})`,
);
console.log(
  `\ntotal, project → all outputs: ${total.toFixed(0)} ms   target < ${TARGET_MS} ms ` +
    (total < TARGET_MS ? 'PASS' : 'FAIL'),
);
rmSync(join(out, '..'), { recursive: true, force: true });

// The co-retweet projection on 10M shares, the other half of issue 4's benchmark, in its own process (its own
// peak RSS); --coretweet-shares N for another size, 0 to skip.
const coretweet = arg('--coretweet-shares', 10_000_000);
if (coretweet > 0) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./coretweet.bench.ts', import.meta.url)), String(coretweet)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) process.exitCode = 1;
}
