import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { count, fixture, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

describe('share-table importer', () => {
  it('detects the CooRTweet header and stores each share as a post with its object', async () => {
    const r = await importFile(p.db, fixture('coortweet-shares.csv'));
    expect(r.format).toBe('share-table');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([10, 10, 0]);
    // 10 rows; the last two are one share (content 77f7…) acting on two objects.
    expect(r.added).toEqual({ accounts: 9, posts: 9, interactions: 0, follows: 0 });
    expect(count(p.db, "SELECT count(*) FROM post_objects WHERE kind = 'object'")).toBe(10);
    const post = p.db
      .prepare(
        `SELECT p.platform, p.kind, p.time, a.ext_id AS author FROM posts p JOIN accounts a ON a.id = p.author_id
         WHERE p.ext_id = ?`,
      )
      .get('114e22f1b2b648528277b76f0b0224e7');
    expect(post).toEqual({
      platform: 'generic',
      kind: 'share',
      time: 1623881091,
      author: '0fb4232d1b7b37069c13ee17579bd10e',
    });
    const objects = p.db
      .prepare(
        `SELECT o.value FROM post_objects o JOIN posts p ON p.id = o.post_id WHERE p.ext_id = ? ORDER BY o.value`,
      )
      .pluck()
      .all('77f7a2d01238779cf4f9c84e57dce19a');
    expect(objects).toEqual(['2afeb8a2e0ae4a0bda0604e6997be3a9', 'bb1fe038be0d8fde2ec6b8d5173b0f2b']);
  });

  it('records the platform given with --platform', async () => {
    await importFile(p.db, fixture('coortweet-shares.csv'), { platform: 'twitter' });
    expect(p.db.prepare('SELECT DISTINCT platform FROM accounts').pluck().all()).toEqual(['twitter']);
  });

  it('reports each bad row with its line and reason, and imports the rest', async () => {
    const r = await importFile(p.db, fixture('share-bad-rows.csv'));
    expect(r.errors).toEqual([
      { line: 3, message: 'bad timestamp_share "yesterday": expected Unix seconds or an ISO 8601 time' },
      { line: 4, message: 'empty timestamp_share: expected a time (Unix seconds or ISO 8601)' },
      { line: 5, message: 'empty account_id' },
      { line: 6, message: 'expected 4 columns as in the header, found 5' },
    ]);
    expect([r.rowsRead, r.rowsImported, r.rowsSkipped, r.errorCount]).toEqual([6, 2, 4, 4]);
    expect(p.db.prepare('SELECT ext_id FROM posts ORDER BY ext_id').pluck().all()).toEqual(['share1', 'share6']);
    expect(p.db.prepare('SELECT line, message FROM import_errors ORDER BY line').all()).toHaveLength(4);
  });
});
