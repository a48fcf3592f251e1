import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { fixture, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

const follows = (t: TempProject) =>
  t.db
    .prepare(
      `SELECT a.ext_id || '>' || b.ext_id || ' ' || ifnull(f.time, '-') FROM follows f
       JOIN accounts a ON a.id = f.follower_id JOIN accounts b ON b.id = f.followed_id ORDER BY 1`,
    )
    .pluck()
    .all();

describe('follows importer', () => {
  it('reads follower_id/following_id with optional times; bad rows are reported by line', async () => {
    const r = await importFile(p.db, fixture('follows.csv'));
    expect(r.format).toBe('follows');
    expect(r.errors).toEqual([
      { line: 5, message: 'empty following_id' },
      { line: 6, message: 'bad time "not a date": expected Unix seconds or an ISO 8601 time' },
    ]);
    expect(follows(p)).toEqual(['u1>u2 1577836800', 'u1>u3 1577959200', 'u2>u3 -']);
    expect(r.added.follows).toBe(3); // the repeated u1>u2 row adds nothing
  });

  it('reads a tab-separated user_id/friend_id list', async () => {
    const r = await importFile(p.db, fixture('friends.tsv'), { platform: 'twitter' });
    expect(r.format).toBe('follows');
    expect(follows(p)).toEqual(['u5>u1 -', 'u6>u1 -']);
    expect(p.db.prepare('SELECT DISTINCT platform FROM accounts').pluck().all()).toEqual(['twitter']);
  });
});

describe('edges importer', () => {
  it('imports typed, timed, weighted edges; unknown kinds and bad weights are row errors', async () => {
    const r = await importFile(p.db, fixture('edges.csv'));
    expect(r.format).toBe('edges');
    expect(r.errors).toEqual([
      {
        line: 5,
        message: 'unknown kind "like": expected one of retweet, reply, mention, quote, comment, follow, share, edge',
      },
      { line: 6, message: 'bad weight "-1": expected a positive number' },
    ]);
    const rows = p.db
      .prepare(
        `SELECT s.ext_id AS source, t.ext_id AS target, i.kind, i.time, i.weight FROM interactions i
         JOIN accounts s ON s.id = i.source_id JOIN accounts t ON t.id = i.target_id ORDER BY s.ext_id, t.ext_id`,
      )
      .all();
    expect(rows).toEqual([
      { source: 'a', target: 'b', kind: 'retweet', time: 1600000000, weight: 1 },
      { source: 'a', target: 'c', kind: 'mention', time: 1600000100, weight: 2.5 },
      { source: 'b', target: 'c', kind: 'edge', time: null, weight: 1 },
      { source: 'e', target: 'f', kind: 'follow', time: 1600000400, weight: 3 },
    ]);
  });
});
