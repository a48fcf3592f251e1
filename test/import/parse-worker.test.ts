import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportCancelled, ImportError } from '../../src/main/import/errors';
import { importFile, type ImportOptions } from '../../src/main/import/run-import';
import { ioTweets } from '../../src/main/import/formats/io-tweets';
import { openRowReader, workerEntry } from '../../src/main/import/row-reader';
import { readSample } from '../../src/main/import/source';
import type { Db } from '../../src/main/store/project';
import { fixture, REPO, tableCounts, tempProject, type TempProject } from './helpers';

// The worker path must give exactly what the in-thread path gives: same rows, ids, errors, counts and hash.

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

const twitter = (name: string) => join(REPO, 'test/fixtures/twitter', name);
const graphs = (name: string) => join(REPO, 'test/fixtures/graphs', name);

const FILES: [string, ImportOptions][] = [
  [twitter('io_tweets.csv'), {}],
  [twitter('io_tweets_malformed.csv'), {}],
  [twitter('io_users.csv'), {}],
  [twitter('twitter_v2_pages.jsonl'), {}],
  [twitter('twitter_v1.jsonl'), {}],
  [fixture('coortweet-shares.csv'), {}],
  [fixture('share-bad-rows.csv'), {}],
  [fixture('crowdtangle-facebook.csv'), {}],
  [fixture('follows.csv'), {}],
  [fixture('friends.tsv'), { platform: 'twitter' }],
  [fixture('edges.csv'), {}],
  [graphs('gephi-mentions.gexf'), {}],
  [graphs('networkx-retweets.graphml'), {}],
];

/** Every stored row of every table, imports' timings left out. */
function dump(db: Db): Record<string, unknown[]> {
  const q = (sql: string) => db.prepare(sql).all();
  return {
    accounts: q('SELECT * FROM accounts ORDER BY id'),
    posts: q('SELECT * FROM posts ORDER BY id'),
    post_objects: q('SELECT * FROM post_objects ORDER BY post_id, kind, value'),
    interactions: q('SELECT * FROM interactions ORDER BY id'),
    follows: q('SELECT * FROM follows ORDER BY follower_id, followed_id'),
    imports: q(`SELECT id, file, format, content_hash, size_bytes, rows_read, rows_imported, rows_skipped, error_count,
                  added_accounts, added_posts, added_interactions, added_follows, options FROM imports ORDER BY id`),
    import_errors: q('SELECT * FROM import_errors ORDER BY import_id, line'),
  };
}

async function importAll(worker: boolean): Promise<{ results: unknown[]; tables: Record<string, unknown[]> }> {
  const t = tempProject();
  try {
    const results = [];
    // Twice: the second round proves re-imports add nothing on either path.
    for (let round = 0; round < 2; round++) {
      for (const [file, options] of FILES) {
        const { durationMs: _d, importId: _i, ...r } = await importFile(t.db, file, { ...options, worker });
        results.push(r);
      }
    }
    return { results, tables: dump(t.db) };
  } finally {
    t.cleanup();
  }
}

describe('parsing on a worker thread', () => {
  it('finds its entry from source (TypeScript, loaded through tsx)', () => {
    expect(workerEntry()).toEqual({ path: join(REPO, 'src/main/import/parse-worker.ts'), typescript: true });
  });

  it('reads on the worker when asked, in chunks, with the hash and the bytes of the file', async () => {
    const file = twitter('io_tweets.csv');
    const sample = await readSample(file);
    const readers = await Promise.all(
      [true, false].map((worker) => openRowReader({ file, format: ioTweets, options: {}, sample, worker })),
    );
    expect(readers.map((r) => r.mode)).toEqual(['worker', 'thread']);
    const rows = [];
    for (const r of readers) {
      const all = [];
      for await (const chunk of r.chunks()) all.push(...chunk);
      rows.push(all);
      r.close();
    }
    expect(rows[0].length).toBeGreaterThan(0);
    expect(rows[0]).toEqual(rows[1]);
    expect(readers[0].contentHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(readers[0].contentHash()).toBe(readers[1].contentHash());
    expect(readers[0].bytesRead()).toBe(readers[1].bytesRead());
  });

  it('stores exactly what the in-thread path stores, for every format, errors and re-imports included', async () => {
    const onWorker = await importAll(true);
    const inThread = await importAll(false);
    expect(onWorker.tables.posts.length).toBeGreaterThan(0);
    expect(onWorker.tables.import_errors.length).toBeGreaterThan(0);
    expect(onWorker.results).toEqual(inThread.results);
    expect(onWorker.tables).toEqual(inThread.tables);
  }, 60_000);

  it('reports a fatal error with its file and line, and --strict stops at the first bad row as before', async () => {
    for (const [file, options] of [
      [fixture('unbalanced-quotes.csv'), {}],
      [fixture('wrong-columns.csv'), {}],
      [twitter('io_tweets_malformed.csv'), { strict: true }],
      [fixture('share-bad-rows.csv'), { strict: true }],
    ] as [string, ImportOptions][]) {
      const errs = [];
      for (const worker of [true, false]) {
        const e = await importFile(p.db, file, { ...options, worker }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ImportError);
        errs.push((e as ImportError).message);
      }
      expect(errs[0]).toBe(errs[1]);
      expect(errs[0]).toContain(file);
    }
    expect(tableCounts(p.db)).toEqual(tableCounts(tempProject().db));
  });

  it('cancels through its AbortSignal and reports progress up to the whole file', async () => {
    const big = join(p.dir, 'big.csv');
    const lines = ['object_id,account_id,content_id,timestamp_share'];
    for (let i = 0; i < 30_000; i++) lines.push(`obj${i % 500},acct${i % 70},c${i},${1600000000 + i}`);
    writeFileSync(big, lines.join('\n') + '\n');
    const before = tableCounts(p.db);
    const controller = new AbortController();
    const cancelled = importFile(p.db, big, {
      worker: true,
      signal: controller.signal,
      onProgress: (q) => q.rows >= 10_000 && controller.abort(),
    });
    await expect(cancelled).rejects.toBeInstanceOf(ImportCancelled);
    expect(tableCounts(p.db)).toEqual(before);

    const seen: { rows: number; bytes: number; totalBytes: number }[] = [];
    const r = await importFile(p.db, big, { worker: true, onProgress: (q) => seen.push(q) });
    expect(r.rowsImported).toBe(30_000);
    expect(seen.map((q) => q.rows)).toEqual([10_000, 20_000, 30_000, 30_000]);
    expect(seen.at(-1)?.bytes).toBe(seen.at(-1)?.totalBytes);
  });

  it('falls back to this thread when the worker cannot start', async () => {
    const broken = join(p.dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('no worker here');\n");
    const file = join(p.dir, 'io_tweets.csv');
    copyFileSync(twitter('io_tweets.csv'), file);
    const sample = await readSample(file);
    for (const entry of [
      { path: broken, typescript: false },
      { path: join(p.dir, 'missing-worker.js'), typescript: false },
    ]) {
      const r = await openRowReader({ file, format: ioTweets, options: {}, sample, worker: true, workerEntry: entry });
      expect(r.mode).toBe('thread');
      let n = 0;
      for await (const chunk of r.chunks()) for (const _ of chunk) n++;
      r.close();
      expect(n).toBeGreaterThan(0);
    }
  });
});
