import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/import/detect';
import { importFile } from '../../src/main/import/run-import';
import { readSample } from '../../src/main/import/source';
import type { Db } from '../../src/main/store/project';
import { REPO, count, tableCounts, tempProject, type TempProject } from './helpers';

const fixture = (name: string) => join(REPO, 'test/fixtures/twitter', name);
const utc = (iso: string) => Date.parse(iso) / 1000;
const H = 'x7Kq9ZpL2mWvB4nR8tYc1uE6hJ0aS3dF5gH7jK9lM2o=';

let projects: TempProject[] = [];
function project(): TempProject {
  const p = tempProject();
  projects.push(p);
  return p;
}
afterEach(() => {
  for (const p of projects) p.cleanup();
  projects = [];
});

function post(db: Db, id: string) {
  return db
    .prepare(
      `SELECT p.time, p.text, p.language, p.client, p.kind, p.parent_ext_id AS parent, pa.ext_id AS parentAuthor,
              a.ext_id AS author
         FROM posts p JOIN accounts a ON a.id = p.author_id LEFT JOIN accounts pa ON pa.id = p.parent_author_id
        WHERE p.ext_id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
}

function objects(db: Db, id: string): string[] {
  return (
    db
      .prepare(
        `SELECT o.kind || ':' || o.value FROM post_objects o JOIN posts p ON p.id = o.post_id WHERE p.ext_id = ? ORDER BY 1`,
      )
      .pluck()
      .all(id) as string[]
  ).sort();
}

function interactions(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT i.kind || ' ' || s.ext_id || '>' || t.ext_id || ' ' || ifnull(p.ext_id, '-') || ' ' || ifnull(i.time, '-')
           FROM interactions i JOIN accounts s ON s.id = i.source_id JOIN accounts t ON t.id = i.target_id
           LEFT JOIN posts p ON p.id = i.post_id`,
      )
      .pluck()
      .all() as string[]
  ).sort();
}

function account(db: Db, id: string) {
  return db
    .prepare(
      `SELECT screen_name, display_name, created_at, followers, following, description, location, language, verified,
              profile_image_url FROM accounts WHERE ext_id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
}

async function detected(file: string): Promise<{ id: string; confidence: number }> {
  const d = detectFormat(file, await readSample(file));
  return { id: d.format.id, confidence: d.confidence };
}

describe('format detection', () => {
  it.each([
    ['io_tweets.csv', 'io-tweets'],
    ['io_tweets_malformed.csv', 'io-tweets'],
    ['io_users.csv', 'io-users'],
    ['twitter_v2_pages.jsonl', 'twitter-v2'],
    ['twitter_v2_page.json', 'twitter-v2'],
    ['twitter_v2_flat.jsonl', 'twitter-v2'],
    ['twitter_v1.jsonl', 'twitter-v1'],
    ['twitter_v1_array.json', 'twitter-v1'],
  ])('%s is %s', async (name, id) => {
    const d = await detected(fixture(name));
    expect(d.id).toBe(id);
    expect(d.confidence).toBeGreaterThan(0.8);
  });
});

describe('io-tweets', () => {
  it('imports accounts, posts with snowflake-refined seconds, objects and interactions', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('io_tweets.csv'));
    expect(r.format).toBe('io-tweets');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([5, 5, 0]);
    expect(tableCounts(db)).toMatchObject({ accounts: 4, posts: 5, interactions: 7, post_objects: 14 });

    // 12:34 in the file; the id says 12:34:56, inside that minute: the second is kept.
    expect(post(db, '947808355865329671')).toEqual({
      time: utc('2018-01-01T12:34:56Z'),
      text: 'Breaking: polls open at 8 #Election2018 #MAGA https://t.co/x1',
      language: 'en',
      client: 'Twitter Web Client',
      kind: 'original',
      parent: null,
      parentAuthor: null,
      author: '1001',
    });
    expect(post(db, '947809651905265672')).toMatchObject({
      time: utc('2018-01-01T12:40:05Z'),
      kind: 'retweet',
      parent: '947808355865329671',
      parentAuthor: '1001',
      author: H,
    });
    // The id says 09:15:30 but the file says 09:14: they disagree, so the minute stands.
    expect(post(db, '948120554689265673')).toMatchObject({
      time: utc('2018-01-02T09:14:00Z'),
      kind: 'reply',
      parent: '947618366477041667',
      parentAuthor: '3003',
    });
    expect(post(db, '948120722461425674')).toMatchObject({
      time: utc('2018-01-02T09:16:10Z'),
      kind: 'quote',
      parent: '947014390895345669',
      parentAuthor: null,
      text: 'Read this, "carefully":\nit\'s all here',
      language: 'ru',
    });
    expect(post(db, '948614941496049675')).toMatchObject({ time: utc('2018-01-03T18:00:01Z'), kind: 'original' });

    expect(objects(db, '947808355865329671')).toEqual([
      'domain:example.com',
      'hashtag:election2018',
      'hashtag:maga',
      'url:https://www.example.com/a?x=1',
    ]);
    expect(objects(db, '947809651905265672')).toEqual(['hashtag:election2018', 'post:947808355865329671']);
    expect(objects(db, '948120722461425674')).toEqual(
      [
        "hashtag:a'b",
        "hashtag:it's",
        'hashtag:tag,with,commas',
        'domain:example.org',
        'domain:news.example.co.uk',
        'post:947014390895345669',
        'url:http://WWW.News.example.co.uk:8080/x',
        'url:https://example.org/a,b',
      ].sort(),
    );
    expect(objects(db, '948614941496049675')).toEqual([]);

    const t1 = utc('2018-01-01T12:34:56Z');
    const t3 = utc('2018-01-02T09:14:00Z');
    const t4 = utc('2018-01-02T09:16:10Z');
    expect(interactions(db)).toEqual(
      [
        `mention 1001>2002 947808355865329671 ${t1}`,
        `mention 1001>3003 947808355865329671 ${t1}`,
        // the retweet's "RT @newsbota" mention is the retweet itself, not a second interaction
        `retweet ${H}>1001 947809651905265672 ${utc('2018-01-01T12:40:05Z')}`,
        `reply 1001>3003 948120554689265673 ${t3}`,
        `mention 1001>3003 948120554689265673 ${t3}`,
        `mention ${H}>1001 948120722461425674 ${t4}`,
        `mention ${H}>3003 948120722461425674 ${t4}`,
      ].sort(),
    );
    expect(account(db, '1001')).toEqual({
      screen_name: 'newsbota',
      display_name: 'News Bot A',
      created_at: utc('2013-05-14T00:00:00Z'),
      followers: 1520,
      following: 310,
      description: 'Daily news, fast.',
      location: 'Springfield',
      language: 'en',
      verified: null,
      profile_image_url: null,
    });
    expect(account(db, '3003')).toMatchObject({ screen_name: null, followers: null });
  });

  it('reads a .gz copy the same way, and re-importing adds nothing', async () => {
    const p = project();
    const gz = join(p.dir, 'io_tweets.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('io_tweets.csv'))));
    expect((await detected(gz)).id).toBe('io-tweets');
    const first = await importFile(p.db, gz);
    expect(first.added).toEqual({ accounts: 4, posts: 5, interactions: 7, follows: 0 });
    const before = tableCounts(p.db);
    const again = await importFile(p.db, fixture('io_tweets.csv'));
    expect(again.added).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0 });
    expect({ ...tableCounts(p.db), imports: before.imports }).toEqual(before);
    expect(post(p.db, '947809651905265672')?.time).toBe(utc('2018-01-01T12:40:05Z'));
  });

  it('reports malformed rows with their line and skips them', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('io_tweets_malformed.csv'));
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([5, 2, 3]);
    expect(r.errors).toEqual([
      { line: 3, message: 'is_retweet: expected True or False, found "Maybe"' },
      { line: 4, message: 'tweet_time: expected a time like 2018-01-01 12:34, found "yesterday"' },
      { line: 5, message: 'expected 31 cells as in the header, found 12' },
    ]);
    expect(count(db, 'SELECT count(*) FROM posts')).toBe(2);
    expect(count(db, 'SELECT count(*) FROM import_errors')).toBe(3);
  });

  it('aborts under strict and leaves the project unchanged', async () => {
    const { db } = project();
    await importFile(db, fixture('io_users.csv'));
    const before = tableCounts(db);
    await expect(importFile(db, fixture('io_tweets_malformed.csv'), { strict: true })).rejects.toThrow(
      /io_tweets_malformed\.csv:3: is_retweet: expected True or False, found "Maybe" \(--strict: nothing imported\)/,
    );
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses a file with the wrong columns at once, naming expected and found', async () => {
    const p = project();
    const wrong = join(p.dir, 'shares.csv');
    writeFileSync(wrong, 'object_id,account_id,content_id,timestamp_share\n1,2,3,1600000000\n');
    const err = await importFile(p.db, wrong, { format: 'io-tweets' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /shares\.csv:1: wrong columns for an IO archive tweets file: expected tweetid, userid/,
    );
    expect((err as Error).message).toMatch(
      /missing tweetid, userid, .*user_mentions; found object_id, account_id, content_id, timestamp_share$/,
    );
    expect(count(p.db, 'SELECT count(*) FROM imports')).toBe(0);
  });
});

describe('io-users', () => {
  it('imports each row as an account, hashed ids included', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('io_users.csv'));
    expect([r.format, r.rowsRead, r.rowsImported]).toEqual(['io-users', 3, 3]);
    expect(tableCounts(db)).toMatchObject({ accounts: 3, posts: 0 });
    expect(account(db, '4004')).toMatchObject({
      display_name: 'Anna "the analyst"',
      screen_name: 'anna4004',
      location: 'Berlin, DE',
      description: 'Writes about, well, things.',
      followers: 12000,
      following: 980,
      created_at: utc('2010-12-01T00:00:00Z'),
      language: 'de',
    });
    expect(account(db, 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=')).toMatchObject({
      followers: 12,
      language: 'es',
    });
    // The users and tweets files overlap on account 1001: one account.
    await importFile(db, fixture('io_tweets.csv'));
    expect(count(db, "SELECT count(*) FROM accounts WHERE ext_id = '1001'")).toBe(1);
    expect(count(db, 'SELECT count(*) FROM accounts')).toBe(3 + 3);
  });
});

describe('twitter-v2', () => {
  it('imports twarc2 pages: data and includes tweets, resolved authors and mentions', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('twitter_v2_pages.jsonl'));
    expect(r.format).toBe('twitter-v2');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([7, 5, 2]);
    expect(r.errors[0]).toEqual({
      line: 2,
      message: 'data[1]: id: id 1450000000000000000 is not a string and not exact as a JSON number (ids overflow 2^53)',
    });
    expect(r.errors[1].line).toBe(3);
    expect(r.errors[1].message).toMatch(/^invalid JSON: /);
    expect(tableCounts(db)).toMatchObject({ accounts: 4, posts: 4, interactions: 5, post_objects: 8 });

    expect(post(db, '1450000000000000101')).toEqual({
      time: utc('2021-10-18T10:00:05Z'),
      text: 'RT @origin_acct: Vote now #Vote2021 https://t.co/z',
      language: 'en',
      client: 'Twitter for iPhone',
      kind: 'retweet',
      parent: '1450000000000000001',
      parentAuthor: '100',
      author: '201',
    });
    expect(post(db, '1450000000000000001')).toMatchObject({
      kind: 'original',
      author: '100',
      time: utc('2021-10-18T09:59:00Z'),
    });
    expect(post(db, '1450000000000000102')).toMatchObject({ kind: 'reply', parentAuthor: '100' });
    expect(post(db, '1450000000000000103')).toMatchObject({
      kind: 'quote',
      parent: '1450000000000000001',
      parentAuthor: '100',
    });
    expect(objects(db, '1450000000000000101')).toEqual([
      'domain:vote.example.com',
      'hashtag:vote2021',
      'post:1450000000000000001',
      'url:https://vote.example.com/now',
    ]);
    expect(objects(db, '1450000000000000001')).toEqual(['hashtag:vote2021']);
    const t2 = utc('2021-10-18T10:01:00Z');
    expect(interactions(db)).toEqual(
      [
        `retweet 201>100 1450000000000000101 ${utc('2021-10-18T10:00:05Z')}`,
        `reply 202>100 1450000000000000102 ${t2}`,
        `mention 202>100 1450000000000000102 ${t2}`,
        // @AMPLIFIER_1 has no id in the tweet but is in includes.users; @Ghost_User is nowhere: skipped
        `mention 202>201 1450000000000000102 ${t2}`,
        `quote 203>100 1450000000000000103 ${utc('2021-10-18T11:00:00Z')}`,
      ].sort(),
    );
    expect(count(db, "SELECT count(*) FROM accounts WHERE lower(screen_name) = 'ghost_user'")).toBe(0);
    expect(account(db, '100')).toEqual({
      screen_name: 'origin_acct',
      display_name: 'Origin Account',
      created_at: utc('2012-06-01T12:00:00Z'),
      followers: 5000,
      following: 12,
      description: 'The source.',
      location: 'Lyon',
      language: null,
      verified: 1,
      profile_image_url: 'https://pbs.twimg.com/profile_images/1/a.jpg',
    });
  });

  it('imports one pretty-printed page, and its .gz copy adds nothing more', async () => {
    const p = project();
    const r = await importFile(p.db, fixture('twitter_v2_page.json'));
    expect([r.rowsRead, r.rowsImported]).toEqual([3, 3]);
    expect(tableCounts(p.db)).toMatchObject({ accounts: 3, posts: 3, interactions: 4 });
    const gz = join(p.dir, 'page.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('twitter_v2_page.json'))));
    const again = await importFile(p.db, gz);
    expect(again.format).toBe('twitter-v2');
    expect(again.added).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0 });
  });

  it('imports twarc2 flattened tweets with their expanded references', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('twitter_v2_flat.jsonl'));
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([2, 2, 0]);
    expect(tableCounts(db)).toMatchObject({ accounts: 3, posts: 3, interactions: 3, post_objects: 2 });
    expect(post(db, '1460000000000000001')).toMatchObject({
      kind: 'retweet',
      parent: '1460000000000000000',
      parentAuthor: '300',
      time: utc('2021-11-01T08:00:00Z'),
    });
    expect(post(db, '1460000000000000000')).toMatchObject({ author: '300', kind: 'original' });
    expect(objects(db, '1460000000000000000')).toEqual(['hashtag:flat']);
    expect(post(db, '1460000000000000002')).toMatchObject({ kind: 'reply', parentAuthor: '300' });
    expect(account(db, '301')).toMatchObject({
      screen_name: 'flat_one',
      followers: 10,
      following: 20,
      location: 'Oslo',
    });
    expect(interactions(db)).toEqual(
      [
        `retweet 301>300 1460000000000000001 ${utc('2021-11-01T08:00:00Z')}`,
        `reply 302>300 1460000000000000002 ${utc('2021-11-01T09:30:00Z')}`,
        `mention 302>300 1460000000000000002 ${utc('2021-11-01T09:30:00Z')}`,
        // @flat_one has no id and is not among this tweet's expanded users: skipped, not invented
      ].sort(),
    );
  });
});

describe('twitter-v1', () => {
  it('imports v1.1 JSONL with embedded retweeted and quoted statuses', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('twitter_v1.jsonl'));
    expect(r.format).toBe('twitter-v1');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([4, 3, 1]);
    expect(r.errors[0].line).toBe(4);
    expect(r.errors[0].message).toMatch(/^id_str: id \d+ is not a string and not exact as a JSON number/);
    expect(tableCounts(db)).toMatchObject({ accounts: 4, posts: 4, interactions: 5, post_objects: 7 });
    expect(post(db, '1051000000000000001')).toEqual({
      time: utc('2018-10-10T20:19:24Z'),
      text: '#Breaking markets fall https://t.co/a1 cc @v1_bob',
      language: 'en',
      client: 'Twitter for iPhone',
      kind: 'original',
      parent: null,
      parentAuthor: null,
      author: '501',
    });
    expect(post(db, '1051000000000000002')).toMatchObject({
      kind: 'retweet',
      parentAuthor: '501',
      client: 'Twitter Web App',
    });
    expect(post(db, '1051000000000000003')).toMatchObject({
      kind: 'reply',
      parent: '1051000000000000001',
      parentAuthor: '501',
      text: '@v1_alice I disagree, see this long thread about why markets always recover #LongForm',
    });
    expect(post(db, '1050000000000000009')).toMatchObject({ author: '504', kind: 'original', client: 'web' });
    expect(objects(db, '1051000000000000003')).toEqual(['hashtag:longform', 'post:1050000000000000009']);
    expect(objects(db, '1051000000000000001')).toEqual([
      'domain:bit.example',
      'hashtag:breaking',
      'url:https://bit.example/abc',
    ]);
    expect(interactions(db)).toEqual(
      [
        `mention 501>502 1051000000000000001 ${utc('2018-10-10T20:19:24Z')}`,
        `retweet 503>501 1051000000000000002 ${utc('2018-10-10T20:25:00Z')}`,
        `reply 502>501 1051000000000000003 ${utc('2018-10-10T21:00:00Z')}`,
        `mention 502>501 1051000000000000003 ${utc('2018-10-10T21:00:00Z')}`,
        `quote 502>504 1051000000000000003 ${utc('2018-10-10T21:00:00Z')}`,
      ].sort(),
    );
    expect(account(db, '501')).toMatchObject({
      screen_name: 'v1_alice',
      display_name: 'Alice',
      followers: 100,
      following: 50,
      created_at: utc('2012-01-02T10:00:00Z'),
      description: 'Markets & more',
    });
    expect(account(db, '502')).toMatchObject({ screen_name: 'v1_bob', followers: 7 });
  });

  it('streams a JSON array, naming a bad element by index and line', async () => {
    const { db } = project();
    const r = await importFile(db, fixture('twitter_v1_array.json'));
    expect([r.format, r.rowsRead, r.rowsImported, r.errorCount]).toEqual(['twitter-v1', 3, 2, 1]);
    expect(r.errors).toEqual([{ line: 3, message: 'element 1 (line 3): user: missing user object' }]);
    expect(post(db, '1051100000000000001')).toMatchObject({ author: '506', time: utc('2018-10-11T06:00:00Z') });
    expect(objects(db, '1051100000000000001')).toEqual(['hashtag:coffee']);
  });

  it('aborts under strict, leaving the project as it was', async () => {
    const { db } = project();
    await importFile(db, fixture('twitter_v2_flat.jsonl'));
    const before = tableCounts(db);
    await expect(importFile(db, fixture('twitter_v1_array.json'), { strict: true })).rejects.toThrow(
      /twitter_v1_array\.json:3: element 1 \(line 3\): user: missing user object/,
    );
    expect(tableCounts(db)).toEqual(before);
  });
});
