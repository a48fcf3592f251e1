/**
 * npm run bench:malformed [-- --rows N] [--keep]
 *
 * Issue 16, item 6: memory on bad files. Generates malformed files of about N bad rows each (1,000,000 by
 * default) in a temporary folder and imports each with the built CLI (`claque import P FILE --json`) in its
 * own process, reading that process's peak RSS back through bench/peak-rss.mjs (worker threads included).
 * Prints rows, row errors, seconds and peak RSS beside the target: < 300 MB for any malformed file, whatever
 * its size, since rows that fail are counted and only the first 1,000 kept. The two cases are the
 * first and the last: a million wrong-width rows (4 MB; were 743 MB and 41 s) and a 63 MB GraphML of 1M nodes
 * and 1M edges (were 938 MB); its nodes are good rows, so its memory is what a million accounts cost, and
 * graphml-all-bad.graphml (the same graph with every row bad) isolates what the bad rows cost.
 * Exits non-zero when a target is missed or an import fails. Needs `npm run build:cli` first (the npm script
 * does it).
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEAK_RSS, runMeasured } from './measured-child';

const TARGET_RSS = 300 * 1024 ** 2;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'claque.js');
const builtCli = join(root, 'out', 'cli', 'claque.js');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Writes `lines(i)` for i < n after `head`, streaming with backpressure (no file is held whole). */
async function write(file: string, head: string, n: number, line: (i: number) => string, tail = ''): Promise<void> {
  const out = createWriteStream(file);
  out.write(head);
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += line(i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf + tail);
  await once(out, 'finish');
}

const SHARE = 'object_id,account_id,content_id,timestamp_share\n';
const GRAPHML_HEAD =
  '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
  '<key id="f" for="node" attr.name="followers"/>\n<graph edgedefault="directed">\n';
const GRAPHML_TAIL = '</graph>\n</graphml>\n';

interface Case {
  file: string;
  what: string;
  make(path: string, n: number): Promise<void>;
}

const CASES: Case[] = [
  {
    file: 'share-wrong-width.csv',
    what: 'rows of 2 cells under a 4-column header',
    make: (p, n) => write(p, SHARE, n, () => 'a,b\n'),
  },
  {
    file: 'share-bad-times.csv',
    what: 'rows whose time is not a time',
    make: (p, n) => write(p, SHARE, n, (i) => `o${i % 97},a${i % 1013},c${i},yesterday\n`),
  },
  {
    file: 'io-tweets-wrong-width.csv',
    what: 'IO archive tweets rows of 3 cells',
    make: async (p, n) => {
      const header = readFileSync(join(root, 'test/fixtures/twitter/io_tweets.csv'), 'utf8').split('\n', 1)[0];
      await write(p, header + '\n', n, (i) => `${i},u${i % 501},x\n`);
    },
  },
  {
    file: 'tweets-invalid.jsonl',
    what: 'JSONL lines that are not JSON',
    make: (p, n) =>
      write(
        p,
        '{"id":"1","author_id":"2","created_at":"2021-11-01T08:00:00Z","text":"ok"}\n',
        n,
        (i) => `{"id":"${i}",\n`,
      ),
  },
  {
    file: 'share-undecodable.csv',
    what: 'UTF-8 rows with a byte that is not',
    make: async (p, n) => {
      // A valid UTF-8 start (so the file is read as UTF-8), then rows each holding a lone 0xFF byte.
      const good = Array.from({ length: 4000 }, (_, i) => `o1,café${i},g${i},1600000000\n`).join('');
      const out = createWriteStream(p);
      out.write(SHARE + good);
      const bad = Buffer.concat([Buffer.from('o1,a'), Buffer.from([0xff]), Buffer.from(',c,1600000000\n')]);
      const block = Buffer.concat(Array.from({ length: 4096 }, () => bad));
      for (let i = 0; i < n; i += 4096) if (!out.write(block)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    },
  },
  {
    file: 'graphml-all-bad.graphml',
    what: 'nodes with a bad count, edges to them',
    make: async (p, n) => {
      const half = Math.ceil(n / 2);
      await write(
        p,
        GRAPHML_HEAD,
        2 * half,
        (i) =>
          i < half
            ? `<node id="n${i}"><data key="f">many</data></node>\n`
            : `<edge source="n${i - half}" target="n${((i - half) * 7919) % half}"/>\n`,
        GRAPHML_TAIL,
      );
    },
  },
  {
    file: 'graphml-bad-edges.graphml',
    what: 'good nodes; edges to nodes never declared',
    make: (p, n) =>
      write(
        p,
        GRAPHML_HEAD,
        2 * n,
        (i) => (i < n ? `<node id="n${i}"/>\n` : `<edge source="x${i - n}" target="n${((i - n) * 7919) % n}"/>\n`),
        GRAPHML_TAIL,
      ),
  },
];

const claque = (args: string[], rssFile: string) => runMeasured(['--import', PEAK_RSS, cli, ...args], rssFile);

const rows = Number(arg('rows') ?? 1_000_000);
if (!Number.isInteger(rows) || rows < 1000) throw new Error(`--rows: expected an integer ≥ 1000, found ${arg('rows')}`);
if (!existsSync(builtCli)) {
  console.error('bench:malformed measures the built CLI: run `npm run build:cli` first.');
  process.exit(2);
}
const mb = (b: number | undefined) => (b === undefined ? '?' : `${Math.round(b / 1024 ** 2)} MB`);
const n = (x: number) => x.toLocaleString('en');
const dir = mkdtempSync(join(tmpdir(), 'claque-bench-malformed-'));
let failed = false;
try {
  console.log(`${n(rows)} bad rows a file, in ${dir}; target: peak RSS < ${mb(TARGET_RSS)}\n`);
  console.log(
    `${'file'.padEnd(28)} ${'size'.padStart(7)} ${'rows read'.padStart(11)} ${'row errors'.padStart(11)} ${'seconds'.padStart(8)} ${'peak RSS'.padStart(9)}  target`,
  );
  for (const c of CASES) {
    const file = join(dir, c.file);
    await c.make(file, rows);
    const project = join(dir, `${c.file}.claque`);
    const run = await claque(['import', project, file, '--json'], join(dir, 'rss.json'));
    let read = '?';
    let errors = '?';
    if (run.code === 0) {
      const [r] = JSON.parse(run.stdout) as { rowsRead: number; errorCount: number }[];
      read = n(r.rowsRead);
      errors = n(r.errorCount);
    }
    const ok = run.code === 0 && run.maxRssBytes !== undefined && run.maxRssBytes < TARGET_RSS;
    if (!ok) failed = true;
    console.log(
      `${c.file.padEnd(28)} ${mb(statSync(file).size).padStart(7)} ${read.padStart(11)} ${errors.padStart(11)} ` +
        `${(run.ms / 1000).toFixed(1).padStart(8)} ${mb(run.maxRssBytes).padStart(9)}  ${ok ? 'met' : 'MISSED'}  (${c.what})`,
    );
    if (run.code !== 0) console.log(`  import failed (${run.code}): ${run.stderr.trim().split('\n').pop()}`);
    rmSync(file, { force: true });
    rmSync(project, { force: true });
  }
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
