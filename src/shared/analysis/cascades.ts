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
import { postParents } from './features';
import type { CascadeResult, CascadeShape } from './result';

export interface CascadeOptions {
  /** Community per account (−1 = none), for shareFromOneCommunity. */
  membership?: Int32Array;
  /** Roots with fewer shares are skipped (default 1). */
  minShares?: number;
  /** postParents(ds), where already computed (the account features have it). */
  postParent?: Int32Array;
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

/** Every cascade's result. The trees are built in reused buffers and not kept (millions of cascades on big projects). */
export function buildCascades(ds: Dataset, options: CascadeOptions = {}): CascadeResult[] {
  const out: CascadeResult[] = [];
  walkCascades(ds, options, false, (c) => out.push(c.result));
  return out;
}

/** One cascade: its result, its tree, and the dataset index of the share behind each tree node (node k ↔ shares[k − 1]). */
export interface CollectedCascade {
  result: CascadeResult;
  tree: CascadeTree;
  shares: Int32Array;
}

/** Cascades with their trees (for drawing or tests). */
export function collectCascades(ds: Dataset, options: CascadeOptions = {}): CollectedCascade[] {
  const out: CollectedCascade[] = [];
  walkCascades(ds, options, true, (c) => out.push(c));
  return out;
}

/** Growable scratch arrays: views of one buffer per kind, reused from cascade to cascade. */
class Scratch {
  private i32 = new Int32Array(64);
  private f64 = new Float64Array(64);
  private i32b = new Int32Array(64);
  int(n: number): Int32Array {
    if (this.i32.length < n) this.i32 = new Int32Array(Math.max(n, this.i32.length * 2));
    return this.i32.subarray(0, n);
  }
  int2(n: number): Int32Array {
    if (this.i32b.length < n) this.i32b = new Int32Array(Math.max(n, this.i32b.length * 2));
    return this.i32b.subarray(0, n);
  }
  float(n: number): Float64Array {
    if (this.f64.length < n) this.f64 = new Float64Array(Math.max(n, this.f64.length * 2));
    return this.f64.subarray(0, n);
  }
}

/**
 * Builds each cascade in turn and hands it to `visit`. With `keep`, every cascade gets arrays of its own;
 * without, the tree, shares and sharer arrays are views of buffers that the next cascade overwrites.
 */
function walkCascades(ds: Dataset, options: CascadeOptions, keep: boolean, visit: (c: CollectedCascade) => void): void {
  const minShares = options.minShares ?? CASCADE_DEFAULTS.minShares;
  const P = ds.posts;
  const retweet = POST_KINDS.indexOf('retweet');
  const share = POST_KINDS.indexOf('share');
  const parentOf = options.postParent ?? postParents(ds);
  // Cascades numbered in order of their first share. A share whose parent post is in the dataset (matched by
  // platform and id, see postParents) joins that post's cascade; one whose root is outside the dataset joins
  // the cascade of its parent id.
  const cascadeOfRoot = new Int32Array(P.count).fill(-1);
  const cascadeOfExt = new Map<string, number>();
  const cascadeOfShare = new Int32Array(P.count).fill(-1);
  const rootPost: number[] = [];
  const rootExts: string[] = [];
  const sizes: number[] = [];
  for (let p = 0; p < P.count; p++) {
    const parentExt = P.parentExtId[p];
    if (parentExt === null || (P.kind[p] !== retweet && P.kind[p] !== share) || P.time[p] !== P.time[p]) continue;
    const q = parentOf[p];
    let c = q >= 0 ? cascadeOfRoot[q] : (cascadeOfExt.get(parentExt) ?? -1);
    if (c < 0) {
      c = rootPost.length;
      if (q >= 0) cascadeOfRoot[q] = c;
      else cascadeOfExt.set(parentExt, c);
      rootPost.push(q);
      rootExts.push(parentExt);
      sizes.push(0);
    }
    cascadeOfShare[p] = c;
    sizes[c]++;
  }
  // Shares grouped by cascade (counting sort, in post order within a cascade).
  const start = new Int32Array(sizes.length + 1);
  for (let c = 0; c < sizes.length; c++) start[c + 1] = start[c] + sizes[c];
  const fill = start.slice(0, sizes.length);
  const grouped = new Int32Array(start[sizes.length]);
  for (let p = 0; p < P.count; p++) if (cascadeOfShare[p] >= 0) grouped[fill[cascadeOfShare[p]]++] = p;

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
  const byTime = (a: number, b: number) => P.time[a] - P.time[b] || a - b;
  const scratch = keep ? null : { tree: new Scratch(), describe: new Scratch() };
  let c = 0;
  for (let s = 0; s < sizes.length; s++) {
    if (sizes[s] < minShares) continue;
    // `grouped` is this function's own: without `keep`, each cascade's shares are sorted where they lie.
    const shares = (keep ? grouped.slice(start[s], start[s + 1]) : grouped.subarray(start[s], start[s + 1])).sort(
      byTime,
    );
    const root = rootPost[s] >= 0 ? rootPost[s] : undefined;
    const rootAuthor = root !== undefined ? P.author[root] : P.parentAuthor[shares[0]];
    const rootTime = root !== undefined && P.time[root] === P.time[root] ? P.time[root] : P.time[shares[0]];
    const n = shares.length + 1;
    const parent = scratch ? scratch.tree.int(n) : new Int32Array(n);
    const offset = scratch ? scratch.tree.float(n) : new Float64Array(n);
    const sharers = scratch ? scratch.tree.int2(shares.length) : new Int32Array(shares.length);
    parent[0] = -1;
    offset[0] = 0;
    if (rootAuthor >= 0) {
      stamp[rootAuthor] = c;
      nodeOf[rootAuthor] = 0;
    }
    for (let k = 1; k < n; k++) {
      const p = shares[k - 1];
      const a = P.author[p];
      sharers[k - 1] = a;
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
    visit({
      tree,
      shares,
      result: {
        rootPostId: rootExts[s],
        rootAccountId: rootAuthor >= 0 ? ds.accounts.extId[rootAuthor] : '',
        ...describeCascade(tree, options.membership, sharers, scratch?.describe),
        usedFollows,
      },
    });
    c++;
  }
}

/** Size, depth, breadth, virality, timing and shape of one tree (parents precede children). */
export function describeCascade(
  tree: CascadeTree,
  membership?: Int32Array,
  sharerAccounts?: ArrayLike<number>,
  scratch?: Scratch,
): Omit<CascadeResult, 'rootPostId' | 'rootAccountId' | 'usedFollows'> {
  const { parent, offset } = tree;
  const n = parent.length;
  const depthOf = scratch ? scratch.int(n) : new Int32Array(n);
  depthOf[0] = 0;
  let depth = 0;
  for (let k = 1; k < n; k++) {
    depthOf[k] = depthOf[parent[k]] + 1;
    if (depthOf[k] > depth) depth = depthOf[k];
  }
  const breadth = scratch ? scratch.int2(depth + 1).fill(0) : new Int32Array(depth + 1);
  for (let k = 0; k < n; k++) breadth[depthOf[k]]++;
  let maxBreadth = 0;
  for (let d = 1; d <= depth; d++) if (breadth[d] > maxBreadth) maxBreadth = breadth[d];
  const structuralVirality = structuralViralityOf(parent, scratch?.float(n));
  const shares = n - 1;
  const sortedOffsets = scratch ? scratch.float(shares) : new Float64Array(shares);
  sortedOffsets.set(offset.subarray(1));
  sortedOffsets.sort();
  const at = (share: number) => (shares === 0 ? null : sortedOffsets[Math.max(0, Math.ceil(share * shares) - 1)]);
  let sharesFirstMinute = 0;
  for (let k = 0; k < shares; k++) if (sortedOffsets[k] <= 60) sharesFirstMinute++;
  let shareFromOneCommunity = 0;
  if (membership && sharerAccounts && shares > 0) {
    // Largest run of one community among the sorted community ids (no map per cascade: most are tiny).
    const ids: number[] = [];
    for (let i = 0; i < sharerAccounts.length; i++) {
      const m = membership[sharerAccounts[i]];
      if (m >= 0) ids.push(m);
    }
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

/**
 * Mean pairwise distance of a tree given by parents (parent[k] < k, parent[0] = −1); 0 for one node. `work`, when
 * given, is n numbers of scratch space.
 */
export function structuralViralityOf(parent: Int32Array, work?: Float64Array): number {
  const n = parent.length;
  if (n < 2) return 0;
  const sub = (work ?? new Float64Array(n)).fill(1);
  for (let k = n - 1; k > 0; k--) sub[parent[k]] += sub[k];
  let total = 0;
  for (let k = 1; k < n; k++) total += 2 * sub[k] * (n - sub[k]);
  return total / (n * (n - 1));
}
