import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openProject, ProjectError } from './project';
import { SCHEMA_VERSION } from './migrations';
import { RecordWriter } from './writer';
import { tempDir } from '../../../test/helpers/temp-dir';

const dir = () => tempDir('claque-store-');

function withImport(db: ReturnType<typeof openProject>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO imports (file, format, content_hash, size_bytes, started_at, finished_at, rows_read, rows_imported,
           rows_skipped, error_count, added_accounts, added_posts, added_interactions, added_follows)
         VALUES ('t', 't', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
      )
      .run().lastInsertRowid,
  );
}

describe('openProject', () => {
  it('creates a WAL project with foreign keys at the latest schema', () => {
    const file = join(dir(), 'p.claque');
    const db = openProject(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openProject(file, { create: false });
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses files that are not Claque projects, naming the file', () => {
    const d = dir();
    const text = join(d, 'notes.claque');
    writeFileSync(text, 'these are not the tables you are looking for'.repeat(100));
    expect(() => openProject(text)).toThrow(ProjectError);
    expect(() => openProject(text)).toThrow(/notes\.claque: cannot open as a project/);

    const other = join(d, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(() => openProject(other)).toThrow(/not a Claque project/);

    const newer = join(d, 'newer.claque');
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    expect(() => openProject(newer)).toThrow(/newer Claque/);

    expect(() => openProject(join(d, 'missing.claque'), { create: false })).toThrow(/no such project file/);
  });
});

describe('RecordWriter', () => {
  it('writes records once however often they come, filling profile fields as they appear', () => {
    const db = openProject(join(dir(), 'w.claque'));
    const importId = withImport(db);
    const w = new RecordWriter(db, importId);
    const batch = {
      accounts: [{ platform: 'twitter' as const, id: '1', screenName: 'alice' }],
      posts: [
        {
          platform: 'twitter' as const,
          id: '100',
          authorId: '1',
          time: 1_600_000_000,
          kind: 'retweet' as const,
          parentId: '99',
          parentAuthorId: '2',
          objects: [
            { kind: 'post' as const, value: '99' },
            { kind: 'hashtag' as const, value: 'x' },
          ],
        },
      ],
      interactions: [
        {
          platform: 'twitter' as const,
          sourceId: '1',
          targetId: '2',
          kind: 'retweet' as const,
          postId: '100',
          time: 1_600_000_000,
        },
      ],
      follows: [{ platform: 'twitter' as const, followerId: '1', followedId: '2' }],
    };
    w.write(batch);
    w.write(batch);
    const w2 = new RecordWriter(db, importId);
    w2.write(batch);
    w2.write({ accounts: [{ platform: 'twitter', id: '2', screenName: 'bob', followers: 10 }] });
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect(count('accounts')).toBe(2);
    expect(count('posts')).toBe(1);
    expect(count('post_objects')).toBe(2);
    expect(count('interactions')).toBe(1);
    expect(count('follows')).toBe(1);
    expect(w.added).toEqual({ accounts: 2, posts: 1, interactions: 1, follows: 1 });
    expect(w2.added).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0 });
    expect(db.prepare("SELECT screen_name, followers FROM accounts WHERE ext_id = '2'").get()).toEqual({
      screen_name: 'bob',
      followers: 10,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
