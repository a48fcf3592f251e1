/**
 * Cascade trees of shared posts and their shape. Each retweet/share of a root post is attached to the most
 * recent earlier sharer that its author follows, else to the root (the usual reconstruction when platforms
 * credit every retweet to the root; Goel, Anderson, Hofman & Watts 2016, "The structural virality of online
 * diffusion", Management Science 62(1)). Without follow data every sharer hangs from the root, which the
 * result says (usedFollows = false).
 *
 * Structural virality is the mean shortest-path distance over all pairs of tree nodes (Wiener index /
 * C(n,2)); on a tree it is Σ_edges 2·s·(n−s) / (n(n−1)), s = nodes below the edge — O(n), not O(n²).
 */
import { POST_KINDS, type Dataset } from './dataset';
import type { CascadeResult, CascadeShape } from './result';

export interface CascadeOptions {
  /** Community per account (−1 = none), for shareFromOneCommunity. */
  membership?: Int32Array;
  /** Roots with fewer shares are skipped (default 1). */
  minShares?: number;
}

/** The thresholds behind shape labels, exported so reports can quote them. */
export const CASCADE_SHAPE_THRESHOLDS = {
  /** Fewer sharers than this: 'small'. */
  smallBelow: 5,
  /** 'multi_generation': depth at least this … */
  multiGenerationDepth: 3,
  /** … and at least this share of sharers not attached directly to the root. */
  multiGenerationIndirect: 0.2,
  /** 'synchronised_burst': at least this share of the shares within the first minute, … */
  burstFirstMinute: 0.5,
  /** … or 90 % of the shares within this many seconds. */
  burstSecondsTo90: 300,
};

export const CASCADE_DEFAULTS = { minShares: 1 };

export interface CascadeTree {
  /** Parent of node k (node 0 = root, nodes 1… = sharers in time order); parent[0] = −1. */
  parent: Int32Array;
  /** Seconds after the root (or the first share when the root is unknown), per node; 0 for the root. */
  offset: Float64Array;
}

export function buildCascades(ds: Dataset, options: CascadeOptions = {}): CascadeResult[] {
  return collectCascades(ds, options).map((c) => c.result);
}

/** Cascades with their trees (for drawing or tests). */
export function collectCascades(
  ds: Dataset,
  options: CascadeOptions = {},
): { result: CascadeResult; tree: CascadeTree }[] {
  const minShares = options.minShares ?? CASCADE_DEFAULTS.minShares;
  const P = ds.posts;
  const retweet = POST_KINDS.indexOf('retweet');
  const share = POST_KINDS.indexOf('share');
  // Cascades in order of their first share; the root is the last post carrying the parent id. Looking the
  // posts up in the map of shared ids (smaller than a map of every post id) finds the roots.
  const cascadeOf = new Map<string, number>();
  const sharesOf: number[][] = [];
  const rootExts: string[] = [];
  for (let p = 0; p < P.count; p++) {
    const parent = P.parentExtId[p];
    if (parent === null || (P.kind[p] !== retweet && P.kind[p] !== share) || P.time[p] !== P.time[p]) continue;
    const c = cascadeOf.get(parent);
    if (c !== undefined) sharesOf[c].push(p);
    else {
      cascadeOf.set(parent, sharesOf.length);
      sharesOf.push([p]);
      rootExts.push(parent);
    }
  }
  const rootPost = new Int32Array(sharesOf.length).fill(-1);
  for (let p = 0; p < P.count; p++) {
    const c = cascadeOf.get(P.extId[p]);
    if (c !== undefined) rootPost[c] = p;
  }
  // Follow adjacency (CSR): who each account follows.
  const A = ds.accounts.count;
  const F = ds.follows;
  const fStart = new Int32Array(A + 1);
  for (let r = 0; r < F.count; r++) fStart[F.follower[r] + 1]++;
  for (let a = 0; a < A; a++) fStart[a + 1] += fStart[a];
  const fFill = fStart.slice(0, A);
  const followed = new Int32Array(F.count);
  for (let r = 0; r < F.count; r++) followed[fFill[F.follower[r]]++] = F.followed[r];
  const usedFollows = F.count > 0;
  // Latest tree node of each account in the cascade being built, stamped by cascade number.
  const nodeOf = new Int32Array(A);
  const stamp = new Int32Array(A).fill(-1);
  const out: { result: CascadeResult; tree: CascadeTree }[] = [];
  let c = 0;
  for (let s = 0; s < sharesOf.length; s++) {
    const shares = sharesOf[s];
    const rootExt = rootExts[s];
    if (shares.length < minShares) continue;
    shares.sort((a, b) => P.time[a] - P.time[b] || a - b);
    const root = rootPost[s] >= 0 ? rootPost[s] : undefined;
    const rootAuthor = root !== undefined ? P.author[root] : shares.length ? P.parentAuthor[shares[0]] : -1;
    const rootTime = root !== undefined && P.time[root] === P.time[root] ? P.time[root] : P.time[shares[0]];
    const n = shares.length + 1;
    const parent = new Int32Array(n);
    const offset = new Float64Array(n);
    parent[0] = -1;
    if (rootAuthor >= 0) {
      stamp[rootAuthor] = c;
      nodeOf[rootAuthor] = 0;
    }
    for (let k = 1; k < n; k++) {
      const p = shares[k - 1];
      const a = P.author[p];
      offset[k] = P.time[p] - rootTime;
      let best = 0;
      for (let f = fStart[a]; f < fStart[a + 1]; f++) {
        const b = followed[f];
        // Strictly earlier sharers only: a share cannot spread from one made at the same second or later.
        if (stamp[b] === c && nodeOf[b] > best && offset[nodeOf[b]] < offset[k]) best = nodeOf[b];
      }
      parent[k] = best;
      stamp[a] = c;
      nodeOf[a] = k;
    }
    const tree = { parent, offset };
    const result = describeCascade(
      tree,
      options.membership,
      shares.map((p) => P.author[p]),
    );
    out.push({
      tree,
      result: {
        rootPostId: rootExt,
        rootAccountId: rootAuthor >= 0 ? ds.accounts.extId[rootAuthor] : '',
        ...result,
        usedFollows,
      },
    });
    c++;
  }
  return out;
}

/** Size, depth, breadth, virality, timing and shape of one tree (parents precede children). */
export function describeCascade(
  tree: CascadeTree,
  membership?: Int32Array,
  sharerAccounts?: number[],
): Omit<CascadeResult, 'rootPostId' | 'rootAccountId' | 'usedFollows'> {
  const { parent, offset } = tree;
  const n = parent.length;
  const depthOf = new Int32Array(n);
  let depth = 0;
  for (let k = 1; k < n; k++) {
    depthOf[k] = depthOf[parent[k]] + 1;
    if (depthOf[k] > depth) depth = depthOf[k];
  }
  const breadth = new Int32Array(depth + 1);
  for (let k = 0; k < n; k++) breadth[depthOf[k]]++;
  let maxBreadth = 0;
  for (let d = 1; d <= depth; d++) if (breadth[d] > maxBreadth) maxBreadth = breadth[d];
  const structuralVirality = structuralViralityOf(parent);
  const shares = n - 1;
  const sortedOffsets = Float64Array.from(offset.subarray(1)).sort();
  const at = (share: number) => (shares === 0 ? null : sortedOffsets[Math.max(0, Math.ceil(share * shares) - 1)]);
  let sharesFirstMinute = 0;
  for (let k = 0; k < shares; k++) if (sortedOffsets[k] <= 60) sharesFirstMinute++;
  let shareFromOneCommunity = 0;
  if (membership && sharerAccounts && shares > 0) {
    // Largest run of one community among the sorted community ids (no map per cascade: most are tiny).
    const ids: number[] = [];
    for (const a of sharerAccounts) if (membership[a] >= 0) ids.push(membership[a]);
    ids.sort((x, y) => x - y);
    for (let i = 0, j = 0; i < ids.length; i = j) {
      while (j < ids.length && ids[j] === ids[i]) j++;
      shareFromOneCommunity = Math.max(shareFromOneCommunity, (j - i) / shares);
    }
  }
  const secondsTo90 = at(0.9);
  let indirect = 0;
  for (let k = 1; k < n; k++) if (parent[k] !== 0) indirect++;
  const T = CASCADE_SHAPE_THRESHOLDS;
  let shape: CascadeShape;
  if (shares < T.smallBelow) shape = 'small';
  else if (depth >= T.multiGenerationDepth && indirect / shares >= T.multiGenerationIndirect)
    shape = 'multi_generation';
  else if (
    sharesFirstMinute / shares >= T.burstFirstMinute ||
    (secondsTo90 !== null && secondsTo90 <= T.burstSecondsTo90)
  )
    shape = 'synchronised_burst';
  else shape = 'star_broadcast';
  return {
    size: n,
    depth,
    maxBreadth,
    structuralVirality,
    secondsToHalf: at(0.5),
    secondsTo90,
    sharesFirstMinute,
    shareFromOneCommunity,
    shape,
  };
}

/** Mean pairwise distance of a tree given by parents (parent[k] < k, parent[0] = −1); 0 for one node. */
export function structuralViralityOf(parent: Int32Array): number {
  const n = parent.length;
  if (n < 2) return 0;
  const sub = new Float64Array(n).fill(1);
  for (let k = n - 1; k > 0; k--) sub[parent[k]] += sub[k];
  let total = 0;
  for (let k = 1; k < n; k++) total += 2 * sub[k] * (n - sub[k]);
  return total / (n * (n - 1));
}
