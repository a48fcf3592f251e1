/**
 * The default graph of comment data. Linking every commenter to the Page it comments on (the interaction
 * graph's 'comment' edges) makes each Page's audience one community, a Page ring included in its victims'
 * crowd; so comment data is linked by what rings do to each other instead:
 *   - who replies to whom: a reply links its author to the author of the comment it answers (Page rings
 *     answer their own members' comments: "most of the engagement these comments received were from within
 *     this network");
 *   - co-commenting: two accounts commenting under the same post within the window, repeatedly (the
 *     co-action of comment data; CooRnet's co-share, keyed by the thread's post).
 * Louvain then finds who acts together; whether that is coordination is the evidence's to say, never the
 * graph's: fans answering each other under their star's posts form communities too.
 */
import { PairAccumulator, type EdgeList } from '../../graph/edge-list';
import { coactionFromShares, type CoactionGraph } from '../coaction';
import type { ShareTable } from '../coaction-shares';
import { INTERACTION_KIND_CODES, type Dataset } from '../dataset';
import type { CommentThreads } from './threads';

export interface CommentGraphOptions {
  windowSeconds: number;
  minParticipation: number;
  /** Co-comment edges with fewer co-comments are dropped (default 2: once under one post is chance). */
  minCoComments?: number;
  /** Kind code written on co-comment edges (the pipeline's co-action code). */
  coactionCode: number;
}

export interface CommentGraph {
  graph: EdgeList;
  coaction: CoactionGraph;
  /** Reply pairs (replier, replied-to author) counted, self-replies left out. */
  replies: number;
}

const REPLY_CODE = INTERACTION_KIND_CODES.indexOf('reply');

/** Every comment with a time and a known thread, as a share of its thread's post. */
export function commentShares(ds: Dataset, threads: CommentThreads): ShareTable {
  let count = 0;
  for (let p = 0; p < ds.posts.count; p++) if (threads.root[p] >= 0 && ds.posts.time[p] === ds.posts.time[p]) count++;
  const shares: ShareTable = {
    count,
    object: new Int32Array(count),
    account: new Int32Array(count),
    time: new Float64Array(count),
    post: new Int32Array(count),
    objectCount: threads.rootCount,
  };
  let i = 0;
  for (let p = 0; p < ds.posts.count; p++) {
    if (threads.root[p] < 0 || ds.posts.time[p] !== ds.posts.time[p]) continue;
    shares.object[i] = threads.root[p];
    shares.account[i] = ds.posts.author[p];
    shares.time[i] = ds.posts.time[p];
    shares.post[i] = p;
    i++;
  }
  return shares;
}

export function buildCommentGraph(ds: Dataset, threads: CommentThreads, o: CommentGraphOptions): CommentGraph {
  const coaction = coactionFromShares(commentShares(ds, threads), ds.accounts.count, {
    windowSeconds: o.windowSeconds,
    minParticipation: o.minParticipation,
    minWeight: o.minCoComments ?? 2,
  });
  const ce = coaction.edges;
  const acc = new PairAccumulator(ds.accounts.count, false, { capacity: ce.source.length + 1024, withKind: true });
  let replies = 0;
  for (let p = 0; p < ds.posts.count; p++) {
    const q = threads.parentComment[p];
    if (q < 0) continue;
    const a = ds.posts.author[p];
    const b = ds.posts.author[q];
    if (a === b) continue;
    acc.add(a, b, 1, 0, REPLY_CODE);
    replies++;
  }
  // Co-comments count sublinearly (1 + log2 of the pairs): a Page's regulars commenting together after each of
  // its posts pile up dozens of pairs a month, and at their raw count they swallowed a ring that answers
  // itself into their crowd (seed 1 of the comment worlds at scale 1: one community of 6,537 accounts).
  for (let e = 0; e < ce.source.length; e++) {
    acc.add(ce.source[e], ce.target[e], 1 + Math.log2(ce.weight[e]), 0, o.coactionCode);
  }
  return { graph: acc.toEdgeList().edges, coaction, replies };
}
