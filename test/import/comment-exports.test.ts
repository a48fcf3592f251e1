/**
 * Comment exports as investigators get them (fixtures in ../fixtures/tables/comments, see its README):
 * detected with no flags, resolved to one account per account, reply threads linked after the rows are
 * stored (parent in a later row or another file), re-imports adding nothing, zone-less times read in --tz.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { importFile } from '../../src/main/import/run-import';
import { projectInfo } from '../../src/main/store/info';
import { count, FIXTURES, fixture, memoryIo, tableCounts, tempProject, type TempProject } from './helpers';
import { tempDir } from '../helpers/temp-dir';

const comments = (name: string) => join(FIXTURES, 'comments', name);

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

const post = (platform: string, id: string) =>
  p.db
    .prepare(
      `SELECT p.kind, p.time, p.parent_ext_id AS parent, p.root_ext_id AS root, a.ext_id AS author,
              pa.ext_id AS parentAuthor, p.reactions, p.reply_count AS replies
       FROM posts p JOIN accounts a ON a.id = p.author_id LEFT JOIN accounts pa ON pa.id = p.parent_author_id
       WHERE p.platform = ? AND p.ext_id = ?`,
    )
    .get(platform, id);

const interactions = () =>
  p.db
    .prepare(
      `SELECT s.ext_id || '>' || d.ext_id || ' ' || i.kind || ' ' || ifnull(q.ext_id, '-')
       FROM interactions i JOIN accounts s ON s.id = i.source_id JOIN accounts d ON d.id = i.target_id
       LEFT JOIN posts q ON q.id = i.post_id ORDER BY 1`,
    )
    .pluck()
    .all();

const account = (platform: string, id: string) =>
  p.db
    .prepare(
      'SELECT screen_name AS screenName, display_name AS name, account_type AS type FROM accounts WHERE platform = ? AND ext_id = ?',
    )
    .get(platform, id);

describe('comment exports, detected from their content', () => {
  it.each([
    ['minet-facebook-comments.csv', 'comments', 7],
    ['minet-facebook-comments-graphql.csv', 'comments', 3],
    ['facepager-comments.csv', 'comments', 6],
    ['4cat-instagram.csv', 'comments', 3],
    ['vk-wall-getcomments.json', 'vk-comments', 4],
    ['Xv8sBf3zk2Q.json', 'youtube-comments', 3],
    ['2021-09-01_08-00-00_UTC_comments.json', 'instaloader-comments', 3],
    ['zeeschuimer-instagram.ndjson', 'zeeschuimer', 4],
    ['zeeschuimer-facebook-comments.ndjson', 'zeeschuimer', 3],
  ])('%s is %s with no flags', async (name, format, rows) => {
    const r = await importFile(p.db, comments(name));
    expect([r.format, r.rowsRead]).toEqual([format, rows]);
  });
});

describe("minet's Facebook comments", () => {
  it("finds its columns by name behind the investigator's own, and resolves id, handle and link to one account", async () => {
    const r = await importFile(p.db, comments('minet-facebook-comments.csv'));
    expect([r.rowsImported, r.errorCount]).toEqual([7, 0]);
    // The investigator's own `id` column comes first; minet's comment id is the later one.
    expect(post('facebook', '7001')).toMatchObject({
      kind: 'comment',
      parent: '901',
      author: '100001',
      reactions: 12,
      replies: 1,
    });
    // facebook.com/jane.doe, m.facebook.com/Jane.Doe/ and the handle jane.doe are one account.
    expect(post('facebook', '7003')).toMatchObject({ author: 'jane.doe' });
    expect(post('facebook', '7006')).toMatchObject({ author: 'jane.doe' });
    expect(count(p.db, "SELECT count(*) FROM accounts WHERE platform = 'facebook'")).toBe(4);
    expect(account('facebook', '100002')).toMatchObject({ name: 'Jonas Weber' });
    // "1.2K" as the page showed it.
    expect(post('facebook', '7002')).toMatchObject({ reactions: 1200 });
  });

  it("reads `date`, never the display text, as the collector's zone-less local time: UTC unless --tz says", async () => {
    const utc = await importFile(p.db, comments('minet-facebook-comments.csv'));
    expect(utc.zonelessTimes).toEqual({ rows: 7, readAs: 'UTC' });
    expect(post('facebook', '7001')).toMatchObject({ time: Date.UTC(2021, 0, 11, 6, 18) / 1000 });
    const stored = JSON.parse(
      p.db.prepare('SELECT options FROM imports WHERE id = ?').pluck().get(utc.importId) as string,
    );
    expect(stored.zonelessTimes).toEqual({ rows: 7, readAs: 'UTC' });

    const q = tempProject();
    try {
      const paris = await importFile(q.db, comments('minet-facebook-comments.csv'), { timeZone: 'Europe/Paris' });
      expect(paris.zonelessTimes).toEqual({ rows: 7, readAs: 'Europe/Paris' });
      const time = (id: string) => q.db.prepare('SELECT time FROM posts WHERE ext_id = ?').pluck().get(id);
      expect(time('7001')).toBe(Date.UTC(2021, 0, 11, 5, 18) / 1000); // CET, UTC+1
      expect(time('7006')).toBe(Date.UTC(2021, 6, 11, 4, 18) / 1000); // CEST, UTC+2
    } finally {
      q.cleanup();
    }
  });

  it("reads CrowdTangle API posts' zone-less times as the UTC they are, whatever --tz says for the comments", async () => {
    const file = join(tempDir('claque-ct-utc-'), 'ct.csv');
    writeFileSync(
      file,
      'id,platform,date,datetime,link,post_url,message,account_id,account_name,account_handle,account_type\n' +
        '200500_901,Facebook,2021-07-09,2021-07-09 22:59:12,,https://www.facebook.com/200500/posts/901,Hello,200500,Ganja News,ganjanews,facebook_page\n',
    );
    const r = await importFile(p.db, file, { timeZone: 'Asia/Baku' });
    expect(r.format).toBe('comments');
    expect(r.zonelessTimes.rows).toBe(0);
    expect(post('facebook', '901')).toMatchObject({ time: Date.UTC(2021, 6, 9, 22, 59, 12) / 1000 });
  });

  it('gives the same records and counts when parsed on the worker thread', async () => {
    const r = await importFile(p.db, comments('minet-facebook-comments.csv'), {
      worker: true,
      timeZone: 'Europe/Paris',
    });
    expect(r.zonelessTimes).toEqual({ rows: 7, readAs: 'Europe/Paris' });
    expect(post('facebook', '7002')).toMatchObject({
      kind: 'reply',
      parentAuthor: '100003',
      reactions: 1200,
      replies: 0,
    });
    expect(post('facebook', '7001')).toMatchObject({ time: Date.UTC(2021, 0, 11, 5, 18) / 1000 });
  });

  it('links each reply to its parent comment, also when the parent is a later row; a self-reply is no interaction', async () => {
    await importFile(p.db, comments('minet-facebook-comments.csv'));
    // 7002 answers 7004, which comes two rows later.
    expect(post('facebook', '7002')).toMatchObject({
      kind: 'reply',
      parent: '7004',
      root: '901',
      parentAuthor: '100003',
    });
    expect(post('facebook', '7007')).toMatchObject({ kind: 'reply', parent: '7006', parentAuthor: 'jane.doe' });
    expect(interactions()).toEqual(['100001>jane.doe reply 7005', '100002>100003 reply 7002']);
  });

  it("gets each comment's Page from a posts file imported later, and a re-import adds nothing", async () => {
    const first = await importFile(p.db, comments('minet-facebook-comments.csv'));
    expect(first.threads).toEqual({ resolved: 3, unresolved: 4 });
    const posts = await importFile(p.db, fixture('crowdtangle-facebook.csv'));
    expect(posts.threads.resolved).toBe(4);
    expect(posts.added.interactions).toBe(4);
    expect(post('facebook', '7001')).toMatchObject({ parentAuthor: '200500' });
    expect(post('facebook', '7006')).toMatchObject({ parentAuthor: '200777' });
    expect(interactions()).toEqual([
      '100001>200500 comment 7001',
      '100001>jane.doe reply 7005',
      '100002>100003 reply 7002',
      '100003>200500 comment 7004',
      'jane.doe>200500 comment 7003',
      'jane.doe>200777 comment 7006',
    ]);
    expect(account('facebook', '200500')).toMatchObject({ type: 'page' });
    const before = tableCounts(p.db);
    const again = await importFile(p.db, comments('minet-facebook-comments.csv'));
    const againPosts = await importFile(p.db, fixture('crowdtangle-facebook.csv'));
    expect([again.added, againPosts.added]).toEqual([
      { accounts: 0, posts: 0, interactions: 0, follows: 0 },
      { accounts: 0, posts: 0, interactions: 0, follows: 0 },
    ]);
    expect({ ...tableCounts(p.db), imports: before.imports }).toEqual(before);
  });

  it("reads the emulated scraper's GraphQL ids as the numeric ids other exports use", async () => {
    await importFile(p.db, comments('minet-facebook-comments-graphql.csv'));
    expect(post('facebook', '8002')).toMatchObject({
      kind: 'reply',
      parent: '8001',
      root: '901',
      author: 'jane.doe',
      parentAuthor: '100001',
    });
    expect(post('facebook', '8003')).toMatchObject({ kind: 'comment', parent: '901', author: '100003' });
  });
});

describe('other comment exports', () => {
  it("Facepager: a node's parent row makes it a Page's post, a comment on it, or a reply; no from.id is a row error", async () => {
    const r = await importFile(p.db, comments('facepager-comments.csv'));
    expect(r.errors).toEqual([{ line: 6, message: expect.stringMatching(/^empty from\.id: /) }]);
    expect(post('facebook', '901')).toMatchObject({ kind: 'original', author: '200500', reactions: 200, replies: 60 });
    expect(post('facebook', '901_5551')).toMatchObject({ kind: 'comment', parent: '901', parentAuthor: '200500' });
    expect(post('facebook', '901_5553')).toMatchObject({ kind: 'reply', parent: '901_5551', parentAuthor: '100001' });
    expect(interactions()).toEqual([
      '100001>200500 comment 901_5551',
      '100002>100001 reply 901_5553',
      '100002>200500 comment 901_5553',
    ]);
  });

  it("4CAT's Instagram CSV: parent_id equal to the thread is a comment, another comment's id a reply", async () => {
    await importFile(p.db, comments('4cat-instagram.csv'), { platform: 'instagram' });
    expect(post('instagram', 'CSaBc123')).toMatchObject({ kind: 'original', author: 'freevoices' });
    expect(post('instagram', '17900002')).toMatchObject({
      kind: 'reply',
      parent: '17900001',
      author: 'jonas.weber',
      parentAuthor: 'anna.berg',
    });
    expect(interactions()).toEqual(['anna.berg>freevoices comment 17900001', 'jonas.weber>anna.berg reply 17900002']);
  });

  it('VK wall.getComments: thread items reply to their comment, communities are Pages, deleted comments are skipped', async () => {
    const r = await importFile(p.db, comments('vk-wall-getcomments.json'));
    expect([r.rowsImported, r.errorCount]).toEqual([4, 0]);
    expect(post('vk', '-4040_5001')).toMatchObject({
      kind: 'comment',
      parent: '-4040_771',
      parentAuthor: '-4040',
      reactions: 3,
      replies: 2,
    });
    // In the thread of 5001: 5004 answers the thread's comment, 5005 answers 5004 (reply_to_comment).
    expect(post('vk', '-4040_5004')).toMatchObject({ kind: 'reply', parent: '-4040_5001', parentAuthor: '301' });
    expect(post('vk', '-4040_5005')).toMatchObject({ kind: 'reply', parent: '-4040_5004', parentAuthor: '-5050' });
    expect(post('vk', '-4040_5006')).toBeUndefined();
    expect(account('vk', '-5050')).toEqual({ screenName: 'pozitiv', name: 'Позитив', type: 'page' });
    expect(account('vk', '301')).toEqual({ screenName: 'ivan_petrov', name: 'Иван Петров', type: 'user' });
    expect(interactions().filter((i) => (i as string).includes(' reply '))).toEqual([
      '-5050>301 reply -4040_5004',
      '302>-5050 reply -4040_5005',
    ]);
  });

  it('youtube-comment-downloader: the file names the video, `PARENT.CHILD` cids are replies, display times are never read', async () => {
    await importFile(p.db, comments('Xv8sBf3zk2Q.json'));
    expect(post('youtube', 'UgzAbC123')).toMatchObject({
      kind: 'comment',
      parent: 'Xv8sBf3zk2Q',
      time: 1630483200,
      reactions: 1200,
      replies: 2,
    });
    expect(post('youtube', 'UgzAbC123.9xYz1')).toMatchObject({
      kind: 'reply',
      parent: 'UgzAbC123',
      root: 'Xv8sBf3zk2Q',
      author: 'UCannabergBBBBBBBBBBBBBB',
      parentAuthor: 'UCfreevoicesAAAAAAAAAAAA',
    });
  });

  it('Instaloader: answers reply to their comment, ids beyond 2^53 kept exact, the file names the post', async () => {
    await importFile(p.db, comments('2021-09-01_08-00-00_UTC_comments.json'));
    expect(post('instagram', '17900000000000002')).toMatchObject({
      kind: 'reply',
      parent: '17900000000000001',
      root: '2021-09-01_08-00-00_UTC',
      author: '7654321',
      parentAuthor: '1234567',
    });
    expect(account('instagram', '1234567')).toMatchObject({ screenName: 'anna.berg' });
  });

  it('Zeeschuimer: Instagram comments under the post captured with them; other captures refused by line', async () => {
    const r = await importFile(p.db, comments('zeeschuimer-instagram.ndjson'));
    expect(r.errors).toEqual([{ line: 4, message: expect.stringMatching(/does not read \(tiktok\.com /) }]);
    expect(post('instagram', '17900000000000011')).toMatchObject({
      kind: 'comment',
      parent: '3141592653589793238',
      parentAuthor: '55555',
      reactions: 7,
    });
    expect(post('instagram', '17900000000000012')).toMatchObject({ kind: 'reply', parentAuthor: '1234567' });
  });

  it('Zeeschuimer: Facebook comment nodes with their nested replies, Pages told from people by __typename', async () => {
    await importFile(p.db, comments('zeeschuimer-facebook-comments.ndjson'));
    expect(post('facebook', '9002')).toMatchObject({
      kind: 'reply',
      parent: '9001',
      root: '901',
      author: '200777',
      parentAuthor: '100001',
    });
    expect(post('facebook', '9003')).toMatchObject({ kind: 'comment', parent: '901', time: 1630497900 });
    expect(account('facebook', '300900')).toMatchObject({ name: 'Anna Petrova', type: 'page' });
    expect(account('facebook', '100001')).toMatchObject({ type: 'user' });
  });

  it('maps a parent-comment column with --map', async () => {
    const mapping = {
      commenter_id: 'user_id',
      commenter_handle: 'user_handle',
      comment_id: 'fbid',
      parent_comment_id: 'reply_to',
    };
    const file = join(p.dir, 'own.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      'fbid,user_id,user_handle,reply_to,when\n1,100001,,,2021-01-01T00:00:00Z\n2,,Jane.Doe,1,2021-01-01T00:01:00Z\n',
    );
    const r = await importFile(p.db, file, {
      format: 'comments',
      platform: 'facebook',
      mapping: { ...mapping, time: 'when' },
    });
    expect(r.errorCount).toBe(0);
    expect(post('facebook', '2')).toMatchObject({
      kind: 'reply',
      parent: '1',
      author: 'jane.doe',
      parentAuthor: '100001',
    });
  });
});

describe('claque import --tz', () => {
  it('reads zone-less times in the zone given; without one, says on stderr that it assumed UTC', async () => {
    p.db.close();
    const plain = memoryIo();
    expect(await runCli(['import', p.file, comments('minet-facebook-comments.csv')], plain)).toBe(0);
    expect(plain.stderr.join('')).toMatch(
      /minet-facebook-comments\.csv: warning: 7 rows have times without a zone; assumed UTC.*--tz/,
    );
    const q = tempProject();
    q.db.close();
    try {
      const io = memoryIo();
      expect(
        await runCli(['import', q.file, comments('minet-facebook-comments.csv'), '--tz', 'europe/paris'], io),
      ).toBe(0);
      expect(io.stderr.join('')).toContain('7 rows have times without a zone; read as Europe/Paris (--tz)');
      const bad = memoryIo();
      expect(
        await runCli(['import', q.file, comments('minet-facebook-comments.csv'), '--tz', 'Mars/Olympus'], bad),
      ).toBe(2);
      expect(bad.stderr.join('')).toContain('--tz expects an IANA time zone such as Europe/Paris');
    } finally {
      q.cleanup();
    }
  });
});

describe('claque info and the report read how an import read its times', () => {
  it('keeps the zone-less count with the import, as projectInfo returns it', async () => {
    const q = tempProject();
    try {
      await importFile(q.db, comments('minet-facebook-comments.csv'));
      const [imp] = projectInfo(q.db).imports;
      expect(imp.zonelessTimes).toEqual({ rows: 7, readAs: 'UTC' });
    } finally {
      q.cleanup();
    }
  });
});
