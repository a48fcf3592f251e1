import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { fixture, REPO, tempProject, type TempProject } from './helpers';

// importFile turns foreign-key checks off and enlarges the page cache for its own transaction only.

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

const settings = () => ({
  foreignKeys: p.db.pragma('foreign_keys', { simple: true }),
  cacheSize: p.db.pragma('cache_size', { simple: true }),
});

describe('bulk-load settings', () => {
  it('are restored after an import, a failed one and a cancelled one', async () => {
    const before = settings();
    expect(before.foreignKeys).toBe(1);
    await importFile(p.db, join(REPO, 'test/fixtures/twitter/io_tweets.csv'));
    expect(settings()).toEqual(before);
    await expect(importFile(p.db, fixture('unbalanced-quotes.csv'))).rejects.toThrow(/unbalanced-quotes\.csv/);
    expect(settings()).toEqual(before);
    const big = join(p.dir, 'big.csv');
    const lines = ['object_id,account_id,content_id,timestamp_share'];
    for (let i = 0; i < 25_000; i++) lines.push(`obj${i % 500},acct${i % 70},c${i},${1600000000 + i}`);
    writeFileSync(big, lines.join('\n') + '\n');
    const controller = new AbortController();
    const cancelled = importFile(p.db, big, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    expect(settings()).toEqual(before);
  });

  it('leave no broken reference behind: every id the writer stored points at a stored row', async () => {
    for (const f of [
      join(REPO, 'test/fixtures/twitter/io_tweets.csv'),
      join(REPO, 'test/fixtures/twitter/io_tweets_malformed.csv'),
      join(REPO, 'test/fixtures/twitter/twitter_v2_pages.jsonl'),
      join(REPO, 'test/fixtures/twitter/twitter_v1.jsonl'),
      fixture('coortweet-shares.csv'),
      fixture('crowdtangle-facebook.csv'),
      fixture('follows.csv'),
      fixture('edges.csv'),
      join(REPO, 'test/fixtures/graphs/gephi-mentions.gexf'),
    ]) {
      await importFile(p.db, f);
    }
    expect(p.db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBeGreaterThan(0);
    expect(p.db.pragma('foreign_key_check')).toEqual([]);
  });
});
