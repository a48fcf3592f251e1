/**
 * Engagement from inside, in comment data: of the replies a community's comments receive, the share written
 * by its own members (the Youth Union network's trace: "most of the engagement these comments received were
 * from within this network of Pages themselves") — beside the share of the comments under the same posts
 * that members write, which is what it would be if whoever comments under a post answered in proportion.
 * Context, as insularity is: communities of comment data are found from who replies to whom, so every one of
 * them answers itself more than chance says (fans and ultras most of all, on the seeded worlds), and the
 * number tells how a community talks, not whether it is coordinated.
 */
import type { Dataset } from '../dataset';
import { insufficientWhen, pct, ramp, round, type Signal } from '../evidence-signal';
import type { Members } from '../evidence-timing';
import { commentsPerRoot, type CommentThreads } from './threads';

/** Replies a community's comments must receive before the share means anything. */
export const MIN_REPLIES = 20;

export function insideReplies(ds: Dataset, threads: CommentThreads, m: Members): Signal[] {
  const nC = m.lists.length;
  // Who is there to answer: comments per thread root, and per (root, community).
  const { rootComments, byRoot } = commentsPerRoot(ds, threads, m.membership);
  const received = new Float64Array(nC);
  const inside = new Float64Array(nC);
  const expected = new Float64Array(nC);
  const memberReceived = new Float64Array(ds.accounts.count);
  const memberInside = new Float64Array(ds.accounts.count);
  for (let p = 0; p < ds.posts.count; p++) {
    const q = threads.parentComment[p];
    if (q < 0) continue;
    const replier = ds.posts.author[p];
    const author = ds.posts.author[q];
    if (replier === author) continue;
    const c = m.membership[author];
    if (c < 0) continue;
    const same = m.membership[replier] === c ? 1 : 0;
    memberReceived[author]++;
    memberInside[author] += same;
    received[c]++;
    inside[c] += same;
    // Were replies written by whoever comments under this post, in proportion, this is the share from c.
    const r = threads.root[q];
    expected[c] += r >= 0 && rootComments[r] ? (byRoot.get(r)?.get(c) ?? 0) / rootComments[r] : same;
  }
  return m.lists.map((list, c) => {
    const share = received[c] ? inside[c] / received[c] : 0;
    const base = received[c] ? expected[c] / received[c] : 0;
    const enough = received[c] >= MIN_REPLIES;
    const perMember = new Float32Array(list.length);
    if (enough) {
      list.forEach((a, i) => {
        if (memberReceived[a] >= 3 && memberInside[a] / memberReceived[a] >= 0.5) perMember[i] = 1;
      });
    }
    // Strong when nearly all replies come from inside while members write few of the comments around them:
    // a Page's own audience answering itself under its Page's posts is expected to be mostly inside.
    const lift = base < 1 ? (share - base) / (1 - base) : 0;
    const strength = enough ? ramp(share, 0.5, 0.85) * ramp(lift, 0.3, 0.6) : 0;
    return {
      group: 'context',
      perMember,
      memberReason: (i) => {
        const a = list[i];
        return `${memberInside[a]} of the ${memberReceived[a]} replies to its comments come from other members`;
      },
      evidence: {
        key: 'inside_replies',
        label: 'Replies from inside',
        value: round(share),
        unit: 'share',
        strength: round(strength),
        reason: received[c]
          ? `${pct(share)} of the ${received[c]} replies members' comments receive come from other members, ` +
            `where members write ${pct(base)} of the comments under the same posts`
          : "Members' comments receive no replies in the data",
        ...insufficientWhen(!enough),
      },
    };
  });
}
