import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { count, fixture, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

const objectsOf = (t: TempProject, platform: string, id: string) =>
  t.db
    .prepare(
      `SELECT o.kind || ':' || o.value FROM post_objects o JOIN posts p ON p.id = o.post_id
       WHERE p.platform = ? AND p.ext_id = ? ORDER BY 1`,
    )
    .pluck()
    .all(platform, id);

describe('multi-object importer', () => {
  it('maps fb_/tw_ accounts to their platform and each id column to its object kind', async () => {
    const r = await importFile(p.db, fixture('german-subset.csv'));
    expect(r.format).toBe('multi-object');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([11, 11, 0]);
    // 8 posts: 6 Facebook posts, 1 id-less Facebook row, 1 tweet given on 4 rows.
    expect(r.added).toEqual({ accounts: 5, posts: 8, interactions: 0, follows: 0 });
    expect(p.db.prepare("SELECT platform || ':' || ext_id FROM accounts ORDER BY 1").pluck().all()).toEqual([
      'facebook:fb_12670',
      'facebook:fb_45',
      'facebook:fb_5966',
      'facebook:fb_9045',
      'twitter:tw_29114',
    ]);
    expect(objectsOf(p, 'facebook', '129235')).toEqual(['domain:3498', 'url:23678']);
    expect(objectsOf(p, 'facebook', '84445')).toEqual(['image:9280']);
    expect(objectsOf(p, 'twitter', '37775')).toEqual(['hashtag:7465', 'image:26215']);
    expect(count(p.db, 'SELECT count(*) FROM post_objects')).toBe(12);
    const tweet = p.db.prepare("SELECT kind, time FROM posts WHERE platform = 'twitter' AND ext_id = '37775'").get();
    expect(tweet).toEqual({ kind: 'original', time: 1632368806 });
    // The row without a post id is kept as fb_45's post under a derived, stable id.
    const derived = p.db
      .prepare("SELECT p.ext_id FROM posts p JOIN accounts a ON a.id = p.author_id WHERE a.ext_id = 'fb_45'")
      .pluck()
      .all() as string[];
    expect(derived).toHaveLength(1);
    expect(derived[0]).toMatch(/^row-[0-9a-f]{8}$/);
  });
});
