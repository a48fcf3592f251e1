/**
 * Account creation estimated from ids, where the platform gives no creation date. Facebook, VK and Instagram
 * number accounts in the order they were made, so accounts made in one batch hold neighbouring ids: sorted
 * with every other numeric id of their platform in the dataset, a batch-created member has other members
 * among its nearest ids (two of the four, two on each side: strangers signing up the same days interleave
 * a batch without hiding it). For members of an organic community that happens about as often as the
 * community's share of all ids predicts. An estimate from ids, stated as such, never a creation date the platform gave. X ids carry
 * their creation time exactly and are read as dates elsewhere (creation_clustering), so X is left out here.
 */
import type { Dataset } from '../dataset';
import { insufficientWhen, pct, ramp, round, type Signal } from '../evidence-signal';
import type { Members } from '../evidence-timing';

/** Platforms whose numeric account ids grow with creation time. */
const SEQUENTIAL_IDS = new Set(['facebook', 'vk', 'instagram']);

/** Nearest ids looked at on each side, and how many of the 2·NEAR must be members. */
const NEAR = 2;
const NEAR_MEMBERS = 2;

/** Numeric ids compared exactly: by length, then digit by digit (Facebook's exceed 2^53 in places). */
function compareNumeric(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function idBatches(ds: Dataset, m: Members): Signal[] {
  const A = ds.accounts;
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
  // Per account: whether a neighbour in its platform's id order is in the same community; platform sizes.
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
        if (d !== 0 && i + d >= 0 && i + d < list.length && m.membership[list[i + d]] === c) near++;
      }
      if (near >= NEAR_MEMBERS) neighbour[a] = 1;
    }
  }
  const posts = new Int32Array(A.count);
  for (let p = 0; p < ds.posts.count; p++) posts[ds.posts.author[p]]++;
  return m.lists.map((list) => {
    const perMember = new Float32Array(list.length);
    let known = 0;
    let adjacent = 0;
    for (const a of list) if (numbered[a]) known++;
    // Members and their posts: in id blocks, and what chance alone gives. Each nearest id is a member with
    // probability (members − 1) / (ids − 1), so the chance of NEAR_MEMBERS or more of 2·NEAR is a binomial
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
          : binomialTail(2 * NEAR, Math.min(1, (known - 1) / (platformSize[a] - 1)), NEAR_MEMBERS);
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
          ? `${adjacent} of ${known} members with numeric ids have ${NEAR_MEMBERS} or more other members among their ` +
            `${2 * NEAR} nearest ids (chance alone: ${round(expected, 1)}) and write ${pct(share)} of those members' posts ` +
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
