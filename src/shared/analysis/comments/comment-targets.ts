/**
 * Where a community comments, in comment data (Kazakhstan's Nur Otan bots commented only on a handful of
 * official Pages and two staffers' posts, "sometimes there were only bots" under a post):
 *   - concentration: the share of active members whose comments all but stay on a handful of Pages;
 *   - domination: the posts whose comment sections the community fills, named with the Page that has most.
 * Both are context, as insularity is, and never count towards a flag: on the seeded comment worlds nearly every
 * organic commenter keeps to a handful of Pages, and a Page's own audience fills its comment sections as
 * much as any ring (football ultras on their club's Page, fans on their star's). The numbers are there for
 * the reader; the verdict rests on how the community acts, not on where.
 */
import type { Dataset } from '../dataset';
import type { CommentTargets } from '../result';
import { accountLabel, insufficientWhen, pct, ramp, round, type Signal } from '../evidence-signal';
import type { Members } from '../evidence-timing';
import { commentsPerRoot, type CommentThreads } from './threads';

export interface TargetOptions {
  /** A member is concentrated when this share of its comments goes to at most `handful` Pages (0.9, 6). */
  concentratedShare: number;
  handful: number;
  /** Comments a member needs before its concentration means anything (5). */
  minComments: number;
  /** A post is dominated when the community writes at least this share of its comments (0.5) … */
  dominatedShare: number;
  /** … of at least this many comments (10). */
  minPostComments: number;
}

export const TARGET_DEFAULTS: TargetOptions = {
  concentratedShare: 0.9,
  handful: 6,
  minComments: 5,
  dominatedShare: 0.5,
  minPostComments: 10,
};

export function commentTargets(
  ds: Dataset,
  threads: CommentThreads,
  m: Members,
  o: TargetOptions = TARGET_DEFAULTS,
): { signals: Signal[][]; targets: CommentTargets[] } {
  const n = ds.accounts.count;
  // Comments per (account, Page owner), from one sort of the comments by author then owner.
  const owners: number[] = [];
  const authors: number[] = [];
  for (let p = 0; p < ds.posts.count; p++) {
    const r = threads.root[p];
    if (r < 0) continue;
    const owner = threads.rootOwner[r];
    if (owner < 0) continue;
    authors.push(ds.posts.author[p]);
    owners.push(owner);
  }
  const order = Int32Array.from(authors.keys()).sort((x, y) => authors[x] - authors[y] || owners[x] - owners[y]);
  const comments = new Int32Array(n);
  const pages = new Int32Array(n);
  const topShare = new Float32Array(n).fill(NaN);
  for (let k = 0; k < order.length;) {
    const a = authors[order[k]];
    const counts: number[] = [];
    let total = 0;
    while (k < order.length && authors[order[k]] === a) {
      const owner = owners[order[k]];
      let c = 0;
      while (k < order.length && authors[order[k]] === a && owners[order[k]] === owner) {
        c++;
        k++;
      }
      counts.push(c);
      total += c;
    }
    counts.sort((x, y) => y - x);
    comments[a] = total;
    pages[a] = counts.length;
    topShare[a] = counts.slice(0, o.handful).reduce((s, x) => s + x, 0) / total;
  }

  const { rootComments, byRoot } = commentsPerRoot(ds, threads, m.membership);
  const engagedPosts = new Int32Array(m.lists.length);
  const dominated = new Int32Array(m.lists.length);
  const dominatedShareSum = new Float64Array(m.lists.length);
  const dominatedByOwner: Map<number, number>[] = m.lists.map(() => new Map());
  for (const [r, byC] of byRoot) {
    if (rootComments[r] < o.minPostComments) continue;
    for (const [c, k] of byC) {
      engagedPosts[c]++;
      const share = k / rootComments[r];
      if (share < o.dominatedShare) continue;
      dominated[c]++;
      dominatedShareSum[c] += share;
      const owner = threads.rootOwner[r];
      dominatedByOwner[c].set(owner, (dominatedByOwner[c].get(owner) ?? 0) + 1);
    }
  }

  // Per community: members' comments per Page, beside all comments under that Page's posts.
  const ownerComments = new Map<number, number>();
  const memberByOwner: Map<number, number>[] = m.lists.map(() => new Map());
  for (let p = 0; p < ds.posts.count; p++) {
    const r = threads.root[p];
    if (r < 0 || threads.rootOwner[r] < 0) continue;
    const owner = threads.rootOwner[r];
    ownerComments.set(owner, (ownerComments.get(owner) ?? 0) + 1);
    const c = m.membership[ds.posts.author[p]];
    if (c >= 0) memberByOwner[c].set(owner, (memberByOwner[c].get(owner) ?? 0) + 1);
  }
  const rootId = (r: number): string | null => (threads.rootPost[r] >= 0 ? ds.posts.extId[threads.rootPost[r]] : null);
  const targets: CommentTargets[] = m.lists.map((_, c) => ({
    pages: [...memberByOwner[c]]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, 10)
      .map(([owner, k]) => ({
        accountId: ds.accounts.extId[owner],
        name: ds.accounts.displayName[owner] ?? ds.accounts.screenName[owner],
        comments: ownerComments.get(owner)!,
        memberComments: k,
        share: round(k / ownerComments.get(owner)!),
      })),
    posts: [],
  }));
  for (const [r, byC] of byRoot) {
    if (rootComments[r] < o.minPostComments) continue;
    for (const [c, k] of byC) {
      targets[c].posts.push({
        postId: rootId(r) ?? threads.rootKey[r],
        pageId: threads.rootOwner[r] >= 0 ? ds.accounts.extId[threads.rootOwner[r]] : null,
        comments: rootComments[r],
        memberComments: k,
        share: round(k / rootComments[r]),
      });
    }
  }
  for (const t of targets) {
    t.posts.sort((x, y) => y.share - x.share || y.comments - x.comments || (x.postId < y.postId ? -1 : 1));
    t.posts.length = Math.min(t.posts.length, 10);
  }

  const signals = m.lists.map((list, c) => {
    const perMember = new Float32Array(list.length);
    let active = 0;
    let concentrated = 0;
    list.forEach((a, i) => {
      if (comments[a] < o.minComments) return;
      active++;
      if (topShare[a] >= o.concentratedShare) {
        concentrated++;
        perMember[i] = 1;
      }
    });
    const conc = active ? concentrated / active : 0;
    const enoughMembers = active >= 5 && active >= 0.3 * list.length;
    const domShare = engagedPosts[c] ? dominated[c] / engagedPosts[c] : 0;
    const meanDominated = dominated[c] ? dominatedShareSum[c] / dominated[c] : 0;
    const [topOwner, topOwnerPosts] = [...dominatedByOwner[c]].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0] ?? [-1, 0];
    const ownerName =
      topOwner >= 0
        ? (ds.accounts.displayName[topOwner] ??
          accountLabel(ds.accounts.screenName[topOwner], ds.accounts.extId[topOwner]))
        : '';
    const concentration: Signal = {
      group: 'context',
      perMember: enoughMembers ? perMember : new Float32Array(list.length),
      memberReason: (i) => {
        const a = list[i];
        return `${pct(topShare[a])} of its ${comments[a]} comments go to ${Math.min(pages[a], o.handful)} Page${pages[a] === 1 ? '' : 's'}`;
      },
      evidence: {
        key: 'comment_concentration',
        label: 'Comments on a handful of Pages',
        value: round(conc),
        unit: 'share',
        strength: enoughMembers ? round(ramp(conc, 0.5, 0.85)) : 0,
        reason: enoughMembers
          ? `${concentrated} of ${active} members with ${o.minComments}+ comments (${pct(conc)}) put ${pct(o.concentratedShare)} ` +
            `or more of their comments on at most ${o.handful} Pages`
          : `${active} of ${list.length} members wrote ${o.minComments}+ comments: too few to judge where they comment`,
        ...insufficientWhen(!enoughMembers),
      },
    };
    const enoughPosts = engagedPosts[c] >= 5;
    const domination: Signal = {
      group: 'context',
      perMember: new Float32Array(list.length),
      evidence: {
        key: 'comment_domination',
        label: 'Comment sections filled',
        value: round(domShare),
        unit: 'share',
        strength: enoughPosts ? round(ramp(domShare, 0.2, 0.6) * ramp(dominated[c], 3, 20)) : 0,
        reason: !enoughPosts
          ? `Members comment under ${engagedPosts[c]} posts with ${o.minPostComments}+ comments: too few to judge`
          : dominated[c]
            ? `On ${dominated[c]} of the ${engagedPosts[c]} posts members comment under (${pct(domShare)}), they wrote ` +
              `${pct(o.dominatedShare)} or more of the comments (${pct(meanDominated)} on average)` +
              (topOwner >= 0 ? `; ${topOwnerPosts} of those posts are ${ownerName}'s` : '')
            : `Members never write ${pct(o.dominatedShare)} of the comments under any of the ${engagedPosts[c]} posts they comment under`,
        ...insufficientWhen(!enoughPosts),
      },
    };
    return [concentration, domination];
  });
  return { signals, targets };
}
