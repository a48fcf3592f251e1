/**
 * thread.get: one post's comment thread read from the project, assembled by the shared assembleThread. The
 * thread is walked down from the post through the parent index (posts_parent: a top-level comment's parent is
 * the post, a reply's its comment), earliest first, so a capped thread holds the first comments with every
 * parent of what it shows; when capped, a second walk counts the whole thread per author. A comment's id opens
 * its post's thread: walked up the same parents. Every value from the request is bound as a parameter.
 */
import type { AnalysisOutput } from '../../shared/analysis/result';
import { THREAD_LIMIT } from '../../shared/api/contract';
import {
  assembleThread,
  type AuthorVerdict,
  type CommentThread,
  type ThreadAuthor,
  type ThreadPost,
  type ThreadRow,
} from '../../shared/explore/thread';
import { PLATFORMS } from '../../shared/model/records';
import type { Db } from '../store/project';
import { NotFound } from './explore';

export interface ThreadQuery {
  postId: string;
  platform?: string;
  community?: number;
  limit?: number;
}

/** Steps up a reply chain before giving up: deeper chains are cycles in broken data (as the analysis reads it). */
const MAX_DEPTH = 64;

const COMMENT_KINDS = "('comment', 'reply')";

// Both walks carry the platform of the post, so each step is one search of posts_parent (platform, parent_ext_id).
const WALK_DOWN = `t(id, ext, time) AS (
  SELECT id, ext_id, time FROM posts WHERE platform = ? AND parent_ext_id = ? AND kind IN ${COMMENT_KINDS}
  UNION
  SELECT p.id, p.ext_id, p.time FROM t JOIN posts p ON p.platform = ? AND p.parent_ext_id = t.ext
  WHERE p.kind IN ${COMMENT_KINDS}`;

type AuthorCells = [string, string | null, string | null, string | null];
const author = ([accountId, screenName, displayName, type]: AuthorCells): ThreadAuthor => ({
  accountId,
  screenName,
  displayName,
  isPage: type === 'page',
});

const verdicts = new WeakMap<AnalysisOutput, Map<string, AuthorVerdict>>();

/** Each analysed account's community and flags, built once per analysis. */
function verdictsOf(analysis: AnalysisOutput | null): Map<string, AuthorVerdict> {
  if (!analysis) return new Map();
  let m = verdicts.get(analysis);
  if (!m) {
    const flaggedCommunity = new Set(analysis.communities.filter((c) => c.flagged).map((c) => c.id));
    m = new Map();
    for (const a of analysis.accounts)
      m.set(a.accountId, {
        community: a.community,
        flagged: a.flagged,
        communityFlagged: flaggedCommunity.has(a.community),
      });
    verdicts.set(analysis, m);
  }
  return m;
}

/** The thread's post (platform and id) and the comment asked for, if a comment was named. */
function locate(db: Db, q: ThreadQuery): { platform: string; rootId: string; focus: string | null } {
  const platforms = q.platform ? [q.platform] : [...PLATFORMS];
  const marks = platforms.map(() => '?').join(', ');
  // platform IN (…) lets SQLite use the UNIQUE (platform, ext_id) index for an id alone.
  const found = db
    .prepare(
      `SELECT platform, kind, parent_ext_id, root_ext_id FROM posts WHERE platform IN (${marks}) AND ext_id = ?
       ORDER BY id LIMIT 1`,
    )
    .raw()
    .get(...platforms, q.postId) as [string, string, string | null, string | null] | undefined;
  if (!found) {
    // A post that was not imported is still named by its comments.
    const platform = db
      .prepare(`SELECT platform FROM posts WHERE platform IN (${marks}) AND parent_ext_id = ? LIMIT 1`)
      .pluck()
      .get(...platforms, q.postId) as string | undefined;
    if (platform === undefined) throw new NotFound(`no post or comment ${q.postId} in this project`);
    return { platform, rootId: q.postId, focus: null };
  }
  const [platform, kind, , rootExtId] = found;
  if (kind !== 'comment' && kind !== 'reply') return { platform, rootId: q.postId, focus: null };
  const top = db
    .prepare(
      `WITH RECURSIVE up(depth, ext, parent, kind) AS (
         SELECT 0, ext_id, parent_ext_id, kind FROM posts WHERE platform = ? AND ext_id = ?
         UNION ALL
         SELECT up.depth + 1, p.ext_id, p.parent_ext_id, p.kind FROM up
         JOIN posts p ON p.platform = ? AND p.ext_id = up.parent
         WHERE up.kind IN ${COMMENT_KINDS} AND up.depth < ?
       )
       SELECT ext, parent, kind FROM up ORDER BY depth DESC LIMIT 1`,
    )
    .raw()
    .get(platform, q.postId, platform, MAX_DEPTH) as [string, string | null, string];
  const [topId, topParent, topKind] = top;
  // Up to a post: that is the root. A top-level comment: its parent is the post, imported or not. A reply whose
  // parent comment is missing: the thread's post as the export named it, where it did.
  const rootId =
    topKind !== 'comment' && topKind !== 'reply' ? topId : topKind === 'comment' ? topParent : (rootExtId ?? topParent);
  if (rootId === null) throw new NotFound(`comment ${q.postId}: the post it was left on is not known`);
  return { platform, rootId, focus: q.postId };
}

function postOf(db: Db, platform: string, rootId: string): ThreadPost {
  const row = db
    .prepare(
      `SELECT p.time, p.text, p.reactions, a.ext_id, a.screen_name, a.display_name, a.account_type
       FROM posts p JOIN accounts a ON a.id = p.author_id WHERE p.platform = ? AND p.ext_id = ?`,
    )
    .raw()
    .get(platform, rootId) as [number | null, string | null, number | null, ...AuthorCells] | undefined;
  if (row) {
    const [time, text, reactions, ...cells] = row;
    return { id: rootId, platform, imported: true, time, text, reactions, page: author(cells) };
  }
  // Not imported: its comments' resolved parent author is the Page (store/threads.ts).
  const page = db
    .prepare(
      `SELECT a.ext_id, a.screen_name, a.display_name, a.account_type FROM posts c
       JOIN accounts a ON a.id = c.parent_author_id
       WHERE c.platform = ? AND c.parent_ext_id = ? AND c.parent_author_id IS NOT NULL LIMIT 1`,
    )
    .raw()
    .get(platform, rootId) as AuthorCells | undefined;
  return {
    id: rootId,
    platform,
    imported: false,
    time: null,
    text: null,
    reactions: null,
    page: page ? author(page) : null,
  };
}

export function commentThread(db: Db, analysis: AnalysisOutput | null, q: ThreadQuery): CommentThread {
  const limit = Math.min(q.limit ?? THREAD_LIMIT, THREAD_LIMIT);
  const { platform, rootId, focus } = locate(db, q);
  const cells = db
    .prepare(
      `WITH RECURSIVE ${WALK_DOWN} ORDER BY time LIMIT ?)
       SELECT p.ext_id, p.kind, p.parent_ext_id, p.time, p.text, p.reactions, p.reply_count,
              a.ext_id, a.screen_name, a.display_name, a.account_type
       FROM t JOIN posts p ON p.id = t.id JOIN accounts a ON a.id = p.author_id`,
    )
    .raw()
    .all(platform, rootId, platform, limit + 1) as [
    string,
    string,
    string | null,
    number | null,
    string | null,
    number | null,
    number | null,
    ...AuthorCells,
  ][];
  const capped = cells.length > limit;
  if (capped) cells.length = limit;
  const rows: ThreadRow[] = cells.map(([id, kind, parentId, time, text, reactions, replyCount, ...a]) => ({
    id,
    kind,
    parentId,
    time,
    text,
    reactions,
    replyCount,
    author: author(a),
  }));
  const tally = capped
    ? (
        db
          .prepare(
            `WITH RECURSIVE ${WALK_DOWN})
             SELECT a.ext_id, sum(p.parent_ext_id = ?), sum(p.parent_ext_id <> ?)
             FROM t JOIN posts p ON p.id = t.id JOIN accounts a ON a.id = p.author_id GROUP BY p.author_id`,
          )
          .raw()
          .all(platform, rootId, platform, rootId, rootId) as [string, number, number][]
      ).map(([accountId, topLevel, replies]) => ({ accountId, topLevel, replies }))
    : undefined;
  const known = verdictsOf(analysis);
  return assembleThread({
    post: postOf(db, platform, rootId),
    rows,
    limit,
    capped,
    tally,
    verdictOf: (accountId) => known.get(accountId),
    community: q.community ?? null,
    focus,
  });
}
