/**
 * One post's comment thread as the thread view shows it: every comment followed by its replies (pre-order,
 * with a depth, so a deep chain needs no recursion to draw), each author marked with the last analysis's
 * verdict, and the counts a reader checks against the community panel — comments and replies, accounts,
 * and the share of the thread the chosen community wrote. The backend reads the rows (bounded, bound as
 * parameters: src/main/server/thread.ts); this puts them in order and counts. Counting a capped thread uses
 * the whole thread's per-author tally, so the numbers on top never shrink to what is shown.
 */

/** One comment or reply as stored. */
export interface ThreadRow {
  id: string;
  /** 'comment' (under the post), 'reply' (under a comment), as imported. */
  kind: string;
  /** The post or comment it answers; the thread's root for top-level comments. */
  parentId: string | null;
  /** Unix seconds, or null when unknown. */
  time: number | null;
  text: string | null;
  /** As the export counted them; null where it gave none. */
  reactions: number | null;
  replyCount: number | null;
  author: ThreadAuthor;
}

export interface ThreadAuthor {
  accountId: string;
  screenName: string | null;
  displayName: string | null;
  /** The export says this account is a Page. */
  isPage: boolean;
}

/** An author's standing in the last analysis. */
export interface AuthorVerdict {
  community: number;
  flagged: boolean;
  communityFlagged: boolean;
}

export interface ThreadComment extends ThreadRow {
  /** 0 for a comment on the post, 1 for a reply to it, … */
  depth: number;
  /** Replies to it among the comments shown. */
  shownReplies: number;
  /** The author's community in the last analysis, or null when the author is not in the analysed graph. */
  community: number | null;
  /** The author belongs to the community the thread was opened for. */
  member: boolean;
  /** The author is flagged; its community is flagged. */
  flagged: boolean;
  communityFlagged: boolean;
  /** Its parent comment is not among the rows: shown at the top level instead. */
  detached: boolean;
}

export interface ThreadCounts {
  /** Comments and replies in the whole thread (as the community panel counts a post's comments). */
  comments: number;
  topLevel: number;
  replies: number;
  /** Distinct authors in the whole thread. */
  accounts: number;
  /** Comments shown (≤ comments; fewer when capped). */
  shown: number;
  /** Comments by members of the community asked for, their accounts, and their share of `comments`; null with no community. */
  memberComments: number | null;
  memberAccounts: number | null;
  memberShare: number | null;
  /** Comments by flagged accounts, and by any member of a flagged community. */
  flaggedComments: number;
  flaggedCommunityComments: number;
}

export interface ThreadPost {
  id: string;
  platform: string;
  /** False where only the comments name the post (it was not imported itself). */
  imported: boolean;
  time: number | null;
  text: string | null;
  /** The Page (or person) whose post it is, where the post or its comments' parents name it. */
  page: ThreadAuthor | null;
  reactions: number | null;
}

export interface CommentThread {
  post: ThreadPost;
  /** The community whose members are marked, or null. */
  community: number | null;
  /** Pre-order: each comment, then its replies; siblings by time, then id. */
  comments: ThreadComment[];
  counts: ThreadCounts;
  /** More comments than `limit`: only the first `limit` (earliest first, each with its parents) are shown. */
  capped: boolean;
  limit: number;
  /** The comment the thread was opened from, when it is among those shown. */
  focus: string | null;
}

export interface ThreadInput {
  post: ThreadPost;
  /** At most `limit` rows, in any order. */
  rows: readonly ThreadRow[];
  limit: number;
  capped: boolean;
  /** The whole thread's comments per author (top level and replies), needed when capped; else counted from rows. */
  tally?: readonly { accountId: string; topLevel: number; replies: number }[];
  verdictOf: (accountId: string) => AuthorVerdict | undefined;
  community: number | null;
  focus: string | null;
}

const byTime = (a: ThreadRow, b: ThreadRow): number =>
  (a.time ?? Infinity) - (b.time ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function assembleThread(input: ThreadInput): CommentThread {
  const rootId = input.post.id;
  const byId = new Map<string, ThreadRow>();
  for (const r of input.rows) if (!byId.has(r.id) && r.id !== rootId) byId.set(r.id, r);
  const rows = [...byId.values()];
  const children = new Map<string, ThreadRow[]>();
  const tops: ThreadRow[] = [];
  for (const r of rows) {
    const parent = r.parentId;
    if (parent !== null && parent !== rootId && byId.has(parent) && parent !== r.id) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(r);
    } else tops.push(r);
  }
  for (const list of children.values()) list.sort(byTime);
  tops.sort(byTime);

  const comments: ThreadComment[] = [];
  const placed = new Set<string>();
  const place = (start: ThreadRow, detached: boolean) => {
    // An explicit stack: a long reply chain is data, not a reason to overflow the call stack.
    const stack: { row: ThreadRow; depth: number }[] = [{ row: start, depth: 0 }];
    while (stack.length > 0) {
      const { row, depth } = stack.pop()!;
      if (placed.has(row.id)) continue;
      placed.add(row.id);
      const kids = children.get(row.id) ?? [];
      const v = input.verdictOf(row.author.accountId);
      comments.push({
        ...row,
        depth,
        shownReplies: kids.length,
        community: v ? v.community : null,
        member: v !== undefined && input.community !== null && v.community === input.community,
        flagged: v?.flagged ?? false,
        communityFlagged: v?.communityFlagged ?? false,
        detached: detached && depth === 0,
      });
      for (let k = kids.length - 1; k >= 0; k--) stack.push({ row: kids[k], depth: depth + 1 });
    }
  };
  for (const r of tops) place(r, r.parentId !== rootId);
  // Rows whose parents form a loop never reach the top level: shown at the end rather than lost.
  for (const r of [...rows].sort(byTime)) if (!placed.has(r.id)) place(r, true);

  const tally =
    input.tally ??
    (() => {
      const m = new Map<string, { accountId: string; topLevel: number; replies: number }>();
      for (const r of rows) {
        let t = m.get(r.author.accountId);
        if (!t) m.set(r.author.accountId, (t = { accountId: r.author.accountId, topLevel: 0, replies: 0 }));
        if (r.parentId === rootId) t.topLevel++;
        else t.replies++;
      }
      return [...m.values()];
    })();
  let topLevel = 0;
  let replies = 0;
  let memberComments = 0;
  let memberAccounts = 0;
  let flaggedComments = 0;
  let flaggedCommunityComments = 0;
  for (const t of tally) {
    const n = t.topLevel + t.replies;
    topLevel += t.topLevel;
    replies += t.replies;
    const v = input.verdictOf(t.accountId);
    if (v && input.community !== null && v.community === input.community) {
      memberComments += n;
      memberAccounts++;
    }
    if (v?.flagged) flaggedComments += n;
    if (v?.communityFlagged) flaggedCommunityComments += n;
  }
  const total = topLevel + replies;
  const withCommunity = input.community !== null;
  return {
    post: input.post,
    community: input.community,
    comments,
    counts: {
      comments: total,
      topLevel,
      replies,
      accounts: tally.filter((t) => t.topLevel + t.replies > 0).length,
      shown: comments.length,
      memberComments: withCommunity ? memberComments : null,
      memberAccounts: withCommunity ? memberAccounts : null,
      memberShare: withCommunity ? (total > 0 ? memberComments / total : 0) : null,
      flaggedComments,
      flaggedCommunityComments,
    },
    capped: input.capped,
    limit: input.limit,
    focus: input.focus !== null && placed.has(input.focus) ? input.focus : null,
  };
}
