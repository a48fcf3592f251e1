import { createHash } from 'node:crypto';
import type { Db } from '../../src/main/store/project';

/** Highest key of each table: the rows at or below it are "earlier data" that later work must not touch. */
export interface Watermark {
  accounts: number;
  posts: number;
  interactions: number;
  imports: number;
}

export function watermark(db: Db): Watermark {
  const max = (sql: string) => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  return {
    accounts: max('SELECT max(id) FROM accounts'),
    posts: max('SELECT max(id) FROM posts'),
    interactions: max('SELECT max(id) FROM interactions'),
    imports: max('SELECT max(id) FROM imports'),
  };
}

/**
 * sha256 of every row that existed at the watermark, table by table, in key order. Equal before and after
 * means the earlier imports are byte-for-byte intact, whatever was added since.
 */
export function earlierChecksums(db: Db, w: Watermark): Record<string, string> {
  const queries: Record<string, [string, number]> = {
    accounts: ['SELECT * FROM accounts WHERE id <= ? ORDER BY id', w.accounts],
    posts: ['SELECT * FROM posts WHERE id <= ? ORDER BY id', w.posts],
    post_objects: ['SELECT * FROM post_objects WHERE post_id <= ? ORDER BY post_id, kind, value', w.posts],
    interactions: ['SELECT * FROM interactions WHERE id <= ? ORDER BY id', w.interactions],
    follows: ['SELECT * FROM follows WHERE import_id <= ? ORDER BY follower_id, followed_id', w.imports],
    imports: ['SELECT * FROM imports WHERE id <= ? ORDER BY id', w.imports],
    import_errors: ['SELECT * FROM import_errors WHERE import_id <= ? ORDER BY import_id, line, message', w.imports],
  };
  const out: Record<string, string> = {};
  for (const [table, [sql, limit]] of Object.entries(queries)) {
    const hash = createHash('sha256');
    for (const row of db.prepare(sql).raw().iterate(limit)) hash.update(JSON.stringify(row) + '\n');
    out[table] = hash.digest('hex');
  }
  return out;
}
