/**
 * Account creation estimated from ids, where the platform gives no creation date. Facebook, VK and Instagram
 * number accounts in the order they were made, so accounts made in one batch hold neighbouring ids: sorted
 * with every other numeric id of their platform in the dataset, a batch-created member has other members
 * among its nearest ids (two of the four, two on each side: strangers signing up the same days interleave
 * a batch without hiding it). For members of an organic community that happens about as often as the
 * community's share of all ids predicts. A ring that Louvain split into its operator teams has its batches
 * across the teams, so "other members" are those of the community and of the communities it is tied to
 * (each taking at least KIN_SHARE of its ties outside), and chance is reckoned for that wider set. An estimate from ids, stated as such, never a creation date the platform gave. X ids carry
 * their creation time exactly and are read as dates elsewhere (creation_clustering), so X is left out here.
 */
import type { Dataset } from '../dataset';
import { insufficientWhen, pct, ramp, round, type Signal } from '../evidence-signal';
import type { Members } from '../evidence-timing';
import type { EdgeList } from '../../graph/edge-list';

/** Platforms whose numeric account ids grow with creation time. */
const SEQUENTIAL_IDS = new Set(['facebook', 'vk', 'instagram']);

/** Nearest ids looked at on each side, and how many of the 2·NEAR must be members. */
const NEAR = 2;
const NEAR_MEMBERS = 2;

/** Numeric ids compared exactly: by length, then digit by digit (Facebook's exceed 2^53 in places). */
function compareNumeric(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A community is tied to another that takes at least this share of its edge weight outside. */
const KIN_SHARE = 0.05;
/** … and is at most this many times its size. */
const KIN_SIZE = 2;

/** Per community: the communities it is tied to (itself included). */
function kinOf(m: Members, graph: EdgeList | undefined): Set<number>[] {
  const kin = m.lists.map((_, c) => new Set([c]));
  if (!graph) return kin;
  const outside = new Float64Array(m.lists.length);
  const between = new Map<number, number>();
  const C = m.lists.length;
  for (let e = 0; e < graph.source.length; e++) {
    const a = m.membership[graph.source[e]];
    const b = m.membership[graph.target[e]];
    if (a < 0 || b < 0 || a === b) continue;
    outside[a] += graph.weight[e];
    outside[b] += graph.weight[e];
    between.set(a * C + b, (between.get(a * C + b) ?? 0) + graph.weight[e]);
    between.set(b * C + a, (between.get(b * C + a) ?? 0) + graph.weight[e]);
  }
  for (const [key, w] of between) {
    const a = Math.floor(key / C);
    const b = key - a * C;
    // Teams of one operation are of a size; a crowd ten times larger that a ring's members talk to is not kin.
    if (w >= KIN_SHARE * outside[a] && m.lists[b].length <= KIN_SIZE * m.lists[a].length) kin[a].add(b);
  }
  return kin;
}

export function idBatches(ds: Dataset, m: Members, graph?: EdgeList): Signal[] {
  const A = ds.accounts;
  const kin = kinOf(m, graph);
  const byPlatform = new Map<string, number[]>();
  for (let a = 0; a < A.count; a++) {
    if (!SEQUENTIAL_IDS.has(A.platform[a])) continue;
    const id = A.extId[a].startsWith('-') ? A.extId[a].slice(1) : A.extId[a];
    if (!/^[1-9]\d{0,24}$/.test(id)) continue;
    // VK's communities (negative ids) are numbered apart from its people.
    const series = A.platform[a] + (A.extId[a].startsWith('-') ? '-' : '');
    let list = byPlatform.get(series);
    if (!list) byPlatform.set(series, (list = []));
    list.push(a);
  }
  // Per account: whether its nearest ids in its platform's order are its community's kin; platform sizes.
  const neighbour = new Uint8Array(A.count);
  const numbered = new Uint8Array(A.count);
  const platformSize = new Int32Array(A.count);
  for (const list of byPlatform.values()) {
    const key = (a: number) => (A.extId[a].startsWith('-') ? A.extId[a].slice(1) : A.extId[a]);
    list.sort((x, y) => compareNumeric(key(x), key(y)));
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      numbered[a] = 1;
      platformSize[a] = list.length;
      const c = m.membership[a];
      if (c < 0) continue;
      let near = 0;
      for (let d = -NEAR; d <= NEAR; d++) {
        if (d !== 0 && i + d >= 0 && i + d < list.length && kin[c].has(m.membership[list[i + d]])) near++;
      }
      if (near >= NEAR_MEMBERS) neighbour[a] = 1;
    }
  }
  // Numeric ids held by each community, for chance: the kin's ids are what a member's neighbours may be.
  const numberedIn = new Int32Array(m.lists.length);
  for (let a = 0; a < A.count; a++) if (numbered[a] && m.membership[a] >= 0) numberedIn[m.membership[a]]++;
  const posts = new Int32Array(A.count);
  for (let p = 0; p < ds.posts.count; p++) posts[ds.posts.author[p]]++;
  return m.lists.map((list, c) => {
    const perMember = new Float32Array(list.length);
    let kinIds = 0;
    for (const k of kin[c]) kinIds += numberedIn[k];
    let known = 0;
    let adjacent = 0;
    for (const a of list) if (numbered[a]) known++;
    // Members and their posts: in id blocks, and what chance alone gives. Each nearest id is one of the kin's
    // with probability (kin's ids − 1) / (ids − 1), so the chance of NEAR_MEMBERS or more of 2·NEAR is a binomial
    // tail. Weighted by posts, the share says how much of the community's activity comes from accounts made
    // in batches — a ring that Louvain placed among organic accounts writes most of its community's posts.
    let expected = 0;
    let knownPosts = 0;
    let blockPosts = 0;
    let expectedPosts = 0;
    list.forEach((a, i) => {
      if (!numbered[a]) return;
      const p =
        platformSize[a] < 2
          ? 0
          : binomialTail(2 * NEAR, Math.min(1, (kinIds - 1) / (platformSize[a] - 1)), NEAR_MEMBERS);
      expected += p;
      knownPosts += posts[a];
      expectedPosts += p * posts[a];
      if (neighbour[a]) {
        adjacent++;
        blockPosts += posts[a];
        perMember[i] = 1;
      }
    });
    const share = knownPosts ? blockPosts / knownPosts : 0;
    const chance = knownPosts ? expectedPosts / knownPosts : 0;
    // Vanity addresses hide many accounts' numbers: a third of the members is enough to judge.
    const enough = known >= 10 && known >= 0.3 * list.length;
    // Never on a handful: ten members in blocks at least, three standard deviations above chance.
    const significant = adjacent >= 10 && adjacent - expected >= 3 * Math.sqrt(Math.max(expected, 1));
    return {
      group: 'creation',
      perMember: enough ? perMember : new Float32Array(list.length),
      memberReason: () => "its id sits among other members' ids: made in the same batch, by estimate",
      evidence: {
        key: 'id_batches',
        label: 'Ids in batches (estimate)',
        value: round(share),
        unit: 'share',
        // Above chance, as a share of what chance leaves.
        strength: enough && significant ? round(ramp((share - chance) / (1 - chance || 1), 0.2, 0.5)) : 0,
        reason: enough
          ? `${adjacent} of ${known} members with numeric ids have ${NEAR_MEMBERS} or more other members` +
            (kin[c].size > 1 ? ` (of this community or the ${kin[c].size - 1} tied to it)` : '') +
            ` among their ${2 * NEAR} nearest ids (chance alone: ${round(expected, 1)}) and write ${pct(share)} of those members' posts ` +
            `(chance alone: ${pct(chance)}): blocks of neighbouring ids, as accounts made in one batch get — an ` +
            `estimate from ids, not a creation date the platform gave`
          : `${known} of ${list.length} members have ids that grow with creation time: too few to estimate batches`,
        ...insufficientWhen(!enough),
      },
    };
  });
}

/** P(X ≥ k) for X ~ Binomial(n, q). */
function binomialTail(n: number, q: number, k: number): number {
  let tail = 0;
  let choose = 1;
  for (let j = 0; j <= n; j++) {
    if (j > 0) choose = (choose * (n - j + 1)) / j;
    if (j >= k) tail += choose * q ** j * (1 - q) ** (n - j);
  }
  return tail;
}
