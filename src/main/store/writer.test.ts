import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordBatch } from '../../shared/model/records';
import { openProject, type Db } from './project';
import { RecordWriter } from './writer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(): Db {
  const d = mkdtempSync(join(tmpdir(), 'claque-writer-'));
  dirs.push(d);
  const db = openProject(join(d, 'w.claque'));
  db.prepare(
    `INSERT INTO imports (file, format, content_hash, size_bytes, started_at, finished_at, rows_read, rows_imported,
       rows_skipped, error_count, added_accounts, added_posts, added_interactions, added_follows)
     VALUES ('f', 'io-tweets', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
  ).run();
  return db;
}

/** 700 rows: retweets with mentions, repeated rows (duplicates inside one queue), clashing post ids, objects. */
function batches(): RecordBatch[] {
  const out: RecordBatch[] = [];
  for (let i = 0; i < 700; i++) {
    const n = i % 500; // rows 500..699 repeat earlier ones
    const author = `a${n % 37}`;
    const post = `p${n}`;
    out.push({
      accounts: [{ platform: 'twitter', id: author, screenName: `s${n % 37}`, followers: n % 37 }],
      posts: [
        {
          platform: 'twitter',
          id: post,
          // A clashing id from another account: must not gain that row's objects.
          authorId: i >= 600 ? 'intruder' : author,
          time: 1_600_000_000 + n,
          kind: 'retweet',
          parentId: `p${n >> 1}`,
          parentAuthorId: `a${(n + 1) % 37}`,
          objects: [
            { kind: 'post', value: `p${n >> 1}` },
            { kind: 'hashtag', value: `h${n % 11}` },
            { kind: 'hashtag', value: `h${n % 11}` },
            ...(i >= 500 ? [{ kind: 'url' as const, value: `https://x/${i}` }] : []),
          ],
        },
      ],
      interactions: [
        { platform: 'twitter', sourceId: author, targetId: `a${(n + 1) % 37}`, kind: 'retweet', postId: post, time: n },
        { platform: 'twitter', sourceId: author, targetId: `a${(n + 5) % 37}`, kind: 'mention', postId: post, time: n },
        { platform: 'twitter', sourceId: author, targetId: `a${n % 3}`, kind: 'mention', postId: `p${n + 1}`, time: n },
      ],
    });
  }
  return out;
}

function dump(db: Db) {
  const q = (sql: string) => db.prepare(sql).all();
  return {
    accounts: q('SELECT * FROM accounts ORDER BY id'),
    posts: q('SELECT * FROM posts ORDER BY id'),
    post_objects: q('SELECT * FROM post_objects ORDER BY post_id, kind, value'),
    interactions: q('SELECT * FROM interactions ORDER BY id'),
  };
}

describe('RecordWriter, buffered', () => {
  it('stores the same rows, ids and counts as row-by-row writing once flushed', () => {
    const results = [false, true].map((buffered) => {
      const db = project();
      db.exec('BEGIN');
      const w = new RecordWriter(db, 1, { buffered });
      for (const b of batches()) w.write(b);
      w.flush();
      // A second writer over the same rows: the same again on both paths.
      const again = new RecordWriter(db, 1, { buffered });
      for (const b of batches()) again.write(b);
      again.flush();
      db.exec('COMMIT');
      const r = { added: w.added, again: again.added, tables: dump(db) };
      db.close();
      return r;
    });
    expect(results[0].tables.interactions.length).toBeGreaterThan(1000);
    expect(results[0].tables.post_objects.length).toBeGreaterThan(1000);
    expect(results[1]).toEqual(results[0]);
    // Mentions naming a post written later gain its id (and so a new key) the second time; nothing else is new.
    expect(results[1].again).toMatchObject({ accounts: 0, posts: 0, follows: 0 });
    expect(results[1].again.interactions).toBeGreaterThan(0);
  });

  it('holds queued rows back until flush', () => {
    const db = project();
    const w = new RecordWriter(db, 1, { buffered: true });
    w.write(batches()[0]);
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect([count('posts'), count('interactions'), count('post_objects')]).toEqual([1, 0, 0]);
    w.flush();
    expect([count('interactions'), count('post_objects')]).toEqual([3, 2]);
    expect(w.added.interactions).toBe(3);
    db.close();
  });
});
