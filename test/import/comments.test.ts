import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { count, fixture, tableCounts, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

const post = (t: TempProject, platform: string, id: string) =>
  t.db
    .prepare(
      `SELECT p.kind, p.time, p.text, p.parent_ext_id AS parent, a.ext_id AS author, pa.ext_id AS parentAuthor
       FROM posts p JOIN accounts a ON a.id = p.author_id LEFT JOIN accounts pa ON pa.id = p.parent_author_id
       WHERE p.platform = ? AND p.ext_id = ?`,
    )
    .get(platform, id);

const interactions = (t: TempProject) =>
  t.db
    .prepare(
      `SELECT s.platform || ':' || s.ext_id || '>' || d.ext_id || ' ' || i.kind || ' ' || ifnull(p.ext_id, '-') || ' ' || ifnull(i.time, '-')
       FROM interactions i JOIN accounts s ON s.id = i.source_id JOIN accounts d ON d.id = i.target_id
       LEFT JOIN posts p ON p.id = i.post_id ORDER BY 1`,
    )
    .pluck()
    .all();

const objects = (t: TempProject, kind: string) =>
  t.db.prepare('SELECT value FROM post_objects WHERE kind = ? ORDER BY value').pluck().all(kind);

describe('comments importer', () => {
  it('imports canonical-header comments: comment posts, comment interactions, page objects', async () => {
    const r = await importFile(p.db, fixture('comments-facebook.csv'));
    expect(r.format).toBe('comments');
    expect(r.errors).toEqual([
      { line: 7, message: 'bad time "last tuesday": expected Unix seconds or an ISO 8601 time' },
    ]);
    expect([r.rowsRead, r.rowsImported]).toEqual([6, 5]);
    expect(post(p, 'facebook', '200500_901_2')).toEqual({
      kind: 'comment',
      time: Date.UTC(2021, 8, 1, 8, 15, 30) / 1000,
      text: 'Exactly.\nNobody else reports it.',
      parent: '200500_901',
      author: '100002',
      parentAuthor: '200500',
    });
    expect(post(p, 'instagram', '200777_55_10')).toMatchObject({ time: Date.UTC(2021, 8, 1, 8) / 1000, text: null });
    // The page answering on its own post is a comment but no interaction.
    expect(interactions(p)).toEqual([
      'facebook:100001>200500 comment 200500_901_1 1630484100',
      'facebook:100001>200777 comment 200777_55_9 1630484400',
      'facebook:100002>200500 comment 200500_901_2 1630484130',
      'instagram:100004>200777 comment 200777_55_10 1630483200',
    ]);
    expect(objects(p, 'page')).toEqual(['200500', '200500', '200500', '200777', '200777']);
    const names = p.db
      .prepare("SELECT ext_id, display_name FROM accounts WHERE platform = 'facebook' ORDER BY ext_id")
      .all();
    expect(names).toEqual([
      { ext_id: '100001', display_name: 'Anna Berg' },
      { ext_id: '100002', display_name: 'Jonas Weber' },
      { ext_id: '200500', display_name: 'Daily Truth Page' },
      { ext_id: '200777', display_name: 'Free Voices' },
    ]);
  });

  it("maps CrowdTangle's dashboard CSV: page posts with their links, times in the export's zone", async () => {
    const r = await importFile(p.db, fixture('crowdtangle-facebook.csv'));
    expect(r.format).toBe('comments');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([3, 3, 0]);
    // Keyed by the numeric post id in its URL, as comment files (minet's post_id) name the post.
    expect(post(p, 'facebook', '901')).toEqual({
      kind: 'original',
      time: Date.UTC(2021, 8, 1, 12, 0, 0) / 1000, // 08:00 EDT
      text: 'Read it before it is deleted',
      parent: null,
      author: '200500',
      parentAuthor: null,
    });
    expect(objects(p, 'url')).toEqual(['https://example.org/story?id=7', 'https://www.Example.org/story?id=7']);
    expect(objects(p, 'domain')).toEqual(['example.org', 'example.org']);
    expect(count(p.db, 'SELECT count(*) FROM interactions')).toBe(0);
    const page = p.db.prepare("SELECT screen_name, display_name FROM accounts WHERE ext_id = '200500'").get();
    expect(page).toEqual({ screen_name: 'dailytruthpage', display_name: 'Daily Truth Page' });
  });

  it("maps 4CAT's Telegram export: message ids scoped by chat, replies as comments in the chat", async () => {
    const r = await importFile(p.db, fixture('4cat-telegram.csv'));
    expect([r.format, r.rowsImported, r.errorCount]).toEqual(['comments', 4, 0]);
    expect(post(p, 'telegram', 'truthchat/1202')).toEqual({
      kind: 'comment',
      time: 1646128840,
      text: 'Agreed, share it',
      parent: 'truthchat/1201',
      author: '5550002',
      parentAuthor: 'truthchat',
    });
    expect(count(p.db, "SELECT count(*) FROM posts WHERE platform = 'telegram'")).toBe(4);
    expect(interactions(p)).toHaveLength(4);
    expect(p.db.prepare("SELECT screen_name FROM accounts WHERE ext_id = '5550003'").pluck().get()).toBe('petr_bot');
  });

  it('refuses an unknown header without a mapping, naming the canonical fields and the columns found', async () => {
    const before = tableCounts(p.db);
    await expect(importFile(p.db, fixture('vk-comments.csv'), { format: 'comments' })).rejects.toThrow(
      /vk-comments\.csv:1: wrong columns for comments: .*commenter_id, commenter_name, commenter_handle, target_id, target_name, post_id, comment_id, time, text, url, platform.*found id, from_id, owner_id, post_id, date, text/,
    );
    expect(tableCounts(p.db)).toEqual(before);
  });

  it('imports a VK comment dump through --map field=column', async () => {
    const mapping = {
      commenter_id: 'from_id',
      target_id: 'owner_id',
      post_id: 'post_id',
      comment_id: 'id',
      time: 'date',
    };
    const r = await importFile(p.db, fixture('vk-comments.csv'), { format: 'comments', mapping, platform: 'vk' });
    expect([r.rowsImported, r.errorCount]).toEqual([3, 0]);
    expect(post(p, 'vk', '5002')).toEqual({
      kind: 'comment',
      time: 1640995260,
      text: null, // text was not mapped
      parent: '771',
      author: '302',
      parentAuthor: '-4040',
    });
    expect(interactions(p)).toEqual([
      'vk:301>-4040 comment 5001 1640995200',
      'vk:301>-5050 comment 5003 1640995320',
      'vk:302>-4040 comment 5002 1640995260',
    ]);
  });

  it('refuses a mapping to a column that is not there, or to an unknown field', async () => {
    await expect(
      importFile(p.db, fixture('vk-comments.csv'), { format: 'comments', mapping: { commenter_id: 'author' } }),
    ).rejects.toThrow(/--map commenter_id=author: no column "author"; found id, from_id/);
    await expect(
      importFile(p.db, fixture('vk-comments.csv'), { format: 'comments', mapping: { who: 'from_id' } }),
    ).rejects.toThrow(/unknown field "who" in --map/);
  });
});
