/**
 * Comment threads as the comment analysis reads them: for every comment, the post its thread hangs on (a
 * Page's post, whether or not that post was imported), the Page that owns it, and, for a reply, the comment
 * it answers. Comment exports give a top-level comment's post as its parent and a reply's parent comment as
 * its parent (src/shared/io/tables/comments.ts, src/main/store/threads.ts), so the root is found by walking
 * up the parents inside the dataset; a root post missing from the dataset is still known by its id.
 */
import { POST_KINDS, type Dataset } from '../dataset';

const COMMENT = POST_KINDS.indexOf('comment');
const REPLY = POST_KINDS.indexOf('reply');

export interface CommentThreads {
  /** Comments and replies to comments in the dataset. */
  comments: number;
  /** Per post: 1 for a comment or a reply to a comment. */
  isComment: Uint8Array;
  /** Per post: dense id of the post its thread hangs on (0 … rootCount-1), or -1. */
  root: Int32Array;
  rootCount: number;
  /** Per root: the post's dataset index where it was imported, or -1. */
  rootPost: Int32Array;
  /** Per root: the post's platform id (the comments name it even where the post itself was not imported). */
  rootKey: string[];
  /** Per root: account index of the Page (or person) whose post it is, or -1 where no export names it. */
  rootOwner: Int32Array;
  /** Per post: dataset index of the comment a reply answers, or -1 (top-level comments, other posts). */
  parentComment: Int32Array;
}

/** At most this many steps up a reply chain: deeper chains are cycles in broken data, not threads. */
const MAX_DEPTH = 64;

export function commentThreads(ds: Dataset, postParent: Int32Array): CommentThreads {
  const P = ds.posts;
  const n = P.count;
  const isComment = new Uint8Array(n);
  // A comment is a post of kind 'comment'; a reply counts when it answers a comment, or is a reply on a
  // platform where replies are comments' answers (on X a reply to a tweet is a tweet, not a comment).
  for (let p = 0; p < n; p++) {
    if (P.kind[p] === COMMENT) isComment[p] = 1;
    else if (P.kind[p] === REPLY && ds.accounts.platform[P.author[p]] !== 'twitter') isComment[p] = 1;
  }
  for (let changed = true, round = 0; changed && round < MAX_DEPTH; round++) {
    changed = false;
    for (let p = 0; p < n; p++) {
      if (isComment[p] || P.kind[p] !== REPLY) continue;
      const q = postParent[p];
      if (q >= 0 && isComment[q]) {
        isComment[p] = 1;
        changed = true;
      }
    }
  }
  const parentComment = new Int32Array(n).fill(-1);
  const root = new Int32Array(n).fill(-1);
  const rootIds = new Map<string, number>();
  const rootPost: number[] = [];
  const rootOwner: number[] = [];
  const rootKey: string[] = [];
  const rootOf = (platform: string, id: string, post: number, owner: number): number => {
    const key = platform + '\0' + id;
    let r = rootIds.get(key);
    if (r === undefined) {
      r = rootPost.length;
      rootIds.set(key, r);
      rootKey.push(id);
      rootPost.push(post);
      rootOwner.push(owner);
    } else {
      if (rootPost[r] < 0 && post >= 0) rootPost[r] = post;
      if (rootOwner[r] < 0 && owner >= 0) rootOwner[r] = owner;
    }
    return r;
  };
  let comments = 0;
  for (let p = 0; p < n; p++) {
    if (!isComment[p]) continue;
    comments++;
    const q = postParent[p];
    if (q >= 0 && isComment[q]) parentComment[p] = q;
    // Walk up to the top-level comment; the post it was left on is the thread's root.
    let top = p;
    let depth = 0;
    while (depth < MAX_DEPTH && postParent[top] >= 0 && isComment[postParent[top]]) {
      top = postParent[top];
      depth++;
    }
    if (depth === MAX_DEPTH) continue; // a cycle in broken data: no root
    // A reply whose parent comment is not in the dataset names a comment, not the thread's post.
    if (P.kind[top] === REPLY && postParent[top] < 0) continue;
    const post = postParent[top];
    const key = post >= 0 ? P.extId[post] : P.parentExtId[top];
    if (key === null) continue;
    const owner = post >= 0 ? P.author[post] : P.parentAuthor[top];
    root[p] = rootOf(ds.accounts.platform[P.author[p]], key, post, owner);
  }
  return {
    comments,
    isComment,
    root,
    rootCount: rootPost.length,
    rootPost: Int32Array.from(rootPost),
    rootKey,
    rootOwner: Int32Array.from(rootOwner),
    parentComment,
  };
}

/**
 * Whether a dataset is comment data, analysed as such by default: comments make up most of the posts made by
 * others than the Pages commented on (a comment export, possibly with the Pages' own posts beside it).
 */
export function isCommentData(ds: Dataset, threads: CommentThreads): boolean {
  if (threads.comments === 0) return false;
  let others = 0;
  for (let p = 0; p < ds.posts.count; p++) if (!threads.isComment[p] && ds.posts.kind[p] !== 0) others++;
  return threads.comments >= 100 && threads.comments > 2 * others;
}

/** Comments under each thread root, and per (root, community) of `membership` (-1: outside every community). */
export function commentsPerRoot(
  ds: Dataset,
  threads: CommentThreads,
  membership: ArrayLike<number>,
): { rootComments: Int32Array; byRoot: Map<number, Map<number, number>> } {
  const rootComments = new Int32Array(threads.rootCount);
  const byRoot = new Map<number, Map<number, number>>();
  for (let p = 0; p < ds.posts.count; p++) {
    const r = threads.root[p];
    if (r < 0) continue;
    rootComments[r]++;
    const c = membership[ds.posts.author[p]];
    if (c < 0) continue;
    let byC = byRoot.get(r);
    if (!byC) byRoot.set(r, (byC = new Map()));
    byC.set(c, (byC.get(c) ?? 0) + 1);
  }
  return { rootComments, byRoot };
}
