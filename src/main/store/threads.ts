import type { Db } from './project';

export interface ThreadCounts {
  /** Comments and replies whose parent's author was found in this step. */
  resolved: number;
  /** Reply and comment interactions added for them. */
  interactions: number;
  /** Comments and replies of this import whose parent is still not in the project. */
  unresolved: number;
}

/**
 * Links comments to the posts and replies to the comments they answer, once the rows are stored. A comment
 * export often names only the parent's id (minet's in_reply_to, Facepager's parent node, a YouTube reply's cid
 * prefix, a minet comment's post_id without its Page), and the parent is often a later row or another file:
 * so the parent's author cannot be known while a row is read. Here, inside the import's transaction, every
 * stored reply or comment still without a parent author whose parent is now stored gets:
 * - its parent_author_id (the parent comment's, or the post's, author);
 * - a 'reply' (for a reply) or 'comment' (for a comment) interaction from its author to that author, unless
 *   they are the same account;
 * - for a comment, the 'page' object of the page it was left on.
 * It looks at every such post in the project, not only this import's, so importing the posts file after the
 * comments file links them as well. Idempotent: a post, once resolved, is never looked at again, and the
 * interactions' and objects' natural keys keep a re-import from adding anything twice.
 */
export function resolveThreads(db: Db, importId: number): ThreadCounts {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS resolved_parents (post_id INTEGER PRIMARY KEY, parent_author INTEGER NOT NULL)',
  );
  db.exec('DELETE FROM resolved_parents');
  const resolved = db
    .prepare(
      `INSERT INTO resolved_parents (post_id, parent_author)
       SELECT c.id, p.author_id FROM posts c INDEXED BY posts_unresolved_parent
       JOIN posts p ON p.platform = c.platform AND p.ext_id = c.parent_ext_id
       WHERE c.parent_author_id IS NULL AND c.parent_ext_id IS NOT NULL AND c.kind IN ('reply', 'comment')
         AND p.id <> c.id`,
    )
    .run().changes;
  let interactions = 0;
  if (resolved > 0) {
    db.prepare(
      `UPDATE posts SET parent_author_id = (SELECT parent_author FROM resolved_parents r WHERE r.post_id = posts.id)
       WHERE id IN (SELECT post_id FROM resolved_parents)`,
    ).run();
    interactions = db
      .prepare(
        `INSERT OR IGNORE INTO interactions (source_id, target_id, kind, post_id, time, weight, import_id)
         SELECT c.author_id, r.parent_author, CASE c.kind WHEN 'reply' THEN 'reply' ELSE 'comment' END, c.id, c.time, 1, ?
         FROM resolved_parents r JOIN posts c ON c.id = r.post_id
         WHERE c.author_id <> r.parent_author
         ORDER BY c.id`,
      )
      .run(importId).changes;
    db.prepare(
      `INSERT OR IGNORE INTO post_objects (post_id, kind, value)
       SELECT c.id, 'page', a.ext_id FROM resolved_parents r JOIN posts c ON c.id = r.post_id
       JOIN accounts a ON a.id = r.parent_author
       WHERE c.kind = 'comment'`,
    ).run();
    db.exec('DELETE FROM resolved_parents');
  }
  const unresolved = db
    .prepare(
      `SELECT count(*) FROM posts INDEXED BY posts_unresolved_parent
       WHERE parent_author_id IS NULL AND parent_ext_id IS NOT NULL AND kind IN ('reply', 'comment') AND import_id = ?`,
    )
    .pluck()
    .get(importId) as number;
  return { resolved, interactions, unresolved };
}
