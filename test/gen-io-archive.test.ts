import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIoArchive, IO_TWEET_HEADER } from '../bench/gen-io-archive';
import { importFile } from '../src/main/import/run-import';
import { openProject } from '../src/main/store/project';
import { IO_TWEET_COLUMNS } from '../src/shared/io/io-archive-row';
import { snowflakeTimeMs } from '../src/shared/io/snowflake';

const dir = mkdtempSync(join(tmpdir(), 'claque-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark IO-archive generator', () => {
  it('is deterministic per seed and writes the published columns with a realistic mix', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    await generateIoArchive(a, { rows: 3000, seed: 7 });
    await generateIoArchive(b, { rows: 3000, seed: 7 });
    await generateIoArchive(c, { rows: 3000, seed: 8 });
    const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash(c));

    const rows = parse(readFileSync(a), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...IO_TWEET_COLUMNS]);
    expect([...IO_TWEET_HEADER]).toEqual([...IO_TWEET_COLUMNS]);
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r.userid)).size).toBeGreaterThan(100);
    const retweets = rows.filter((r) => r.is_retweet === 'True').length / rows.length;
    expect(retweets).toBeGreaterThan(0.55);
    expect(retweets).toBeLessThan(0.65);
    expect(rows.some((r) => r.in_reply_to_tweetid !== '')).toBe(true);
    expect(rows.some((r) => /^\['[^']+'(, '[^']+')*\]$/.test(r.hashtags))).toBe(true);
    for (const r of rows) {
      // The snowflake's time falls in the tweet_time minute, as in the real archives.
      const ms = snowflakeTimeMs(r.tweetid) as number;
      expect(new Date(ms).toISOString().slice(0, 16).replace('T', ' ')).toBe(r.tweet_time);
    }
  });

  it('produces a file the io-tweets importer takes without a single row error', async () => {
    const file = join(dir, 'import.csv');
    await generateIoArchive(file, { rows: 2000, seed: 1 });
    const db = openProject(join(dir, 'gen.claque'));
    try {
      const r = await importFile(db, file);
      expect(r.format).toBe('io-tweets');
      expect([r.rowsImported, r.errorCount]).toEqual([2000, 0]);
      expect(r.added.posts).toBe(2000);
    } finally {
      db.close();
    }
  });
});
