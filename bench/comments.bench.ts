/**
 * npm run bench:comments [-- --comments N] [--seed S] [--keep]
 *
 * Issue 11's comment benchmark. Generates a seeded comment world of about N comments (1,000,000 by default;
 * test/fixtures/comment-rings, scale fitted to N) as an investigator has it — minet's Facebook comments CSV
 * and a CrowdTangle posts export — in a temporary folder, then measures side by side, each in its own process:
 *   raw      the limit: csv-parse over both files, one prepared better-sqlite3 INSERT per row into a bare table,
 *            one transaction per file (bench/comments-measure.ts);
 *   import   `claque import PROJECT comments.csv posts.csv` through the built CLI (bin/claque.js); when the
 *            CLI cannot tell minet's layout from its content yet, `--format comments --map …` for the
 *            comments file instead, and says so;
 *   analyze  `claque analyze PROJECT --out DIR`.
 * Seconds and peak RSS (each child's own maxRSS, via bench/peak-rss.mjs) beside the targets: import < 60 s and
 * analysis < 20 s for 1M comments (projected linearly when N is not 1M). Exits non-zero when a target is
 * missed or a step fails. The temporary folder is removed at the end unless --keep.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEAK_RSS, runMeasured, type ChildRun } from './measured-child';
import { generateCommentWorld, type CommentWorld } from '../test/fixtures/comment-rings/generate';
import { writeCommentWorld } from '../test/fixtures/comment-rings/write-world';

const TARGET_IMPORT_S = 60;
const TARGET_ANALYZE_S = 20;
const MILLION = 1_000_000;

/** The mapping a user would type for minet's comments CSV when detection does not know it (issue 11, item 1). */
const FALLBACK_COMMENT_FLAGS = [
  '--format',
  'comments',
  '--platform',
  'facebook',
  // user_id is empty for accounts with a username; user_url always names the account.
  '--map',
  'commenter_id=user_url',
  '--map',
  'commenter_handle=user_handle',
  '--map',
  'commenter_name=user_label',
  '--map',
  'post_id=post_id',
  '--map',
  'comment_id=id',
  '--map',
  'time=date',
  '--map',
  'text=text',
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'claque.js');
const builtCli = join(root, 'out', 'cli', 'claque.js');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const claque = (args: string[], rssFile: string) => runMeasured(['--import', PEAK_RSS, cli, ...args], rssFile);

function firstError(run: ChildRun): string {
  const line = run.stderr
    .split('\n')
    .map((l) => l.replace(/\r/g, '').trim())
    .find((l) => l.startsWith('claque') || /error/i.test(l));
  return (line ?? run.stderr.trim().split('\n').pop() ?? '').slice(0, 300);
}

interface ImportJson {
  rowsRead: number;
  rowsImported: number;
  errorCount: number;
  format: string;
}

function importedRows(run: ChildRun): { read: number; imported: number; formats: string[] } | undefined {
  try {
    const results = JSON.parse(run.stdout) as ImportJson[];
    return {
      read: results.reduce((a, r) => a + r.rowsRead, 0),
      imported: results.reduce((a, r) => a + r.rowsImported, 0),
      formats: results.map((r) => r.format),
    };
  } catch {
    return undefined;
  }
}

/** Newest source file newer than the built CLI, if any: the build the bench measures may not be the code in src/. */
function staleSources(): number {
  const built = statSync(builtCli).mtimeMs;
  let newer = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') && statSync(p).mtimeMs > built) newer++;
    }
  };
  walk(join(root, 'src'));
  return newer;
}

/** A world of about `target` comments: two small probes fit count ≈ a·scale^b, then one full generation. */
function worldOf(target: number, seed: number): { world: CommentWorld; scale: number } {
  const c1 = generateCommentWorld({ seed, scale: 0.5 }).comments.length;
  const c2 = generateCommentWorld({ seed, scale: 1 }).comments.length;
  const b = Math.log(c2 / c1) / Math.log(2);
  const scale = Math.min(50, Math.max(0.02, Math.pow(target / c2, 1 / b)));
  return {
    world: generateCommentWorld({ seed, scale: Math.round(scale * 1000) / 1000 }),
    scale: Math.round(scale * 1000) / 1000,
  };
}

const target = Number(arg('comments') ?? MILLION);
const seed = Number(arg('seed') ?? 11);
if (!Number.isInteger(target) || target < 1000)
  throw new Error(`--comments: expected an integer ≥ 1000, found ${arg('comments')}`);
if (!Number.isInteger(seed)) throw new Error(`--seed: expected an integer, found ${arg('seed')}`);
if (!existsSync(builtCli)) {
  console.error('bench:comments measures the built CLI: run `npm run build:cli` (or `npm run build`) first.');
  process.exit(2);
}

const n = (x: number) => Math.round(x).toLocaleString('en');
const mb = (b: number | undefined) => (b === undefined ? '?' : `${(b / 1024 ** 2).toFixed(0)} MB`);
const dir = mkdtempSync(join(tmpdir(), 'claque-bench-comments-'));
try {
  const stale = staleSources();
  console.log(
    `CLI built ${new Date(statSync(builtCli).mtimeMs).toISOString().slice(0, 16)}Z` +
      (stale ? ` — ${stale} source file(s) changed since; \`npm run build:cli\` to measure them` : ''),
  );
  const g0 = performance.now();
  const { world, scale } = worldOf(target, seed);
  const files = writeCommentWorld(dir, world);
  const c = world.counts;
  console.log(
    `generated seed ${seed} scale ${scale}: ${n(c.comments)} comments (${n(c.replies)} replies) by ${n(c.commenters)} accounts ` +
      `on ${n(c.posts)} posts of ${c.monitoredPages} Pages; comments.csv ${mb(files.comments.bytes)}, posts.csv ` +
      `${mb(files.posts.bytes)}, in ${((performance.now() - g0) / 1000).toFixed(1)} s (${dir})`,
  );
  const rows = files.comments.rows + files.posts.rows;
  const rss = join(dir, 'rss.json');
  const project = join(dir, 'comments.claque');

  // (a) the raw limit
  const raw = await runMeasured(
    [
      '--import',
      'tsx',
      join(root, 'bench', 'comments-measure.ts'),
      join(dir, 'raw.claque'),
      files.comments.path,
      files.posts.path,
    ],
    rss,
  );
  if (raw.code !== 0) throw new Error(`raw measurement failed (${raw.code}): ${firstError(raw)}`);

  // (b) claque import, detected; else with the mapping
  let imp = await claque(['import', project, files.comments.path, files.posts.path, '--json'], rss);
  let importNote = 'formats detected from content';
  let counted = importedRows(imp);
  if (imp.code !== 0 || !counted || counted.imported < rows * 0.9) {
    const why =
      imp.code !== 0
        ? firstError(imp)
        : `only ${n(counted?.imported ?? 0)} of ${n(rows)} rows imported (${counted?.formats.join(', ')})`;
    console.log(`\nclaque import without flags: ${why}`);
    console.log(
      `falling back to: claque import PROJECT comments.csv ${FALLBACK_COMMENT_FLAGS.join(' ')}; then posts.csv detected`,
    );
    rmSync(project, { force: true });
    const a = await claque(['import', project, files.comments.path, ...FALLBACK_COMMENT_FLAGS, '--json'], rss);
    if (a.code !== 0) throw new Error(`import of comments.csv with --map failed: ${firstError(a)}`);
    const b = await claque(['import', project, files.posts.path, '--json'], rss);
    if (b.code !== 0) throw new Error(`import of posts.csv failed: ${firstError(b)}`);
    const ca = importedRows(a);
    const cb = importedRows(b);
    counted =
      ca && cb
        ? { read: ca.read + cb.read, imported: ca.imported + cb.imported, formats: [...ca.formats, ...cb.formats] }
        : undefined;
    imp = {
      code: 0,
      ms: a.ms + b.ms,
      maxRssBytes: Math.max(a.maxRssBytes ?? 0, b.maxRssBytes ?? 0) || undefined,
      stdout: '',
      stderr: '',
    };
    importNote = 'comments.csv with --format comments --map …, posts.csv detected (two runs, times added)';
  }

  // (c) claque analyze
  const ana = await claque(['analyze', project, '--out', join(dir, 'out')], rss);
  if (ana.code !== 0) throw new Error(`claque analyze failed (${ana.code}): ${firstError(ana)}`);

  const perMillion = (ms: number) => (ms / 1000) * (MILLION / c.comments);
  const projected = Math.abs(c.comments - MILLION) / MILLION > 0.05 ? ' (projected to 1M)' : '';
  console.log('');
  console.log(`                                seconds   per 1M comments      rows/s   peak RSS   target (1M)`);
  const line = (what: string, run: ChildRun, targetS?: number) =>
    console.log(
      `${what.padEnd(30)} ${(run.ms / 1000).toFixed(1).padStart(8)} ${perMillion(run.ms).toFixed(1).padStart(12)} s ` +
        `${n(rows / (run.ms / 1000)).padStart(11)} ${mb(run.maxRssBytes).padStart(10)}   ${targetS ? `< ${targetS} s` : '—'}`,
    );
  line('raw parse + insert (limit)', raw);
  line('claque import', imp, TARGET_IMPORT_S);
  line('claque analyze', ana, TARGET_ANALYZE_S);
  console.log(
    `(import: ${importNote}; ${n(counted?.imported ?? 0)} of ${n(rows)} rows imported; ${(imp.ms / raw.ms).toFixed(1)}× the raw limit)`,
  );

  const checks: [string, boolean][] = [
    [
      `import ${perMillion(imp.ms).toFixed(1)} s per 1M comments${projected} (target < ${TARGET_IMPORT_S} s)`,
      perMillion(imp.ms) < TARGET_IMPORT_S,
    ],
    [
      `analysis ${perMillion(ana.ms).toFixed(1)} s per 1M comments${projected} (target < ${TARGET_ANALYZE_S} s)`,
      perMillion(ana.ms) < TARGET_ANALYZE_S,
    ],
    [`all ${n(rows)} rows imported`, counted?.imported === rows],
  ];
  console.log('');
  for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
