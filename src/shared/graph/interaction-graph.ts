/**
 * Account → account interaction graphs (retweet, reply, mention, quote, comment, follow, share, edge),
 * directed and weighted, aggregated from the Dataset's typed columns with a pair hash — no per-edge objects.
 * Follows come from ds.follows (and any interaction rows of kind follow); they carry no time, so a time
 * range never drops them. Self-loops are dropped: an account retweeting itself says nothing about others.
 */
import { INTERACTION_KIND_CODES, type Dataset } from '../analysis/dataset';
import type { InteractionKind } from '../model/records';
import { PairAccumulator, type EdgeList } from './edge-list';

export interface InteractionGraphOptions {
  /** Kinds to include (default: every kind but follow). */
  kinds?: InteractionKind[];
  /** Unix-second range, inclusive; interactions without a time are dropped when a bound is given. */
  from?: number;
  to?: number;
  /** Edges with a lower summed weight are dropped (default 1). */
  minWeight?: number;
  /** true (default): one edge per account pair, kind = MIXED_KIND when several kinds; false: see byKind. */
  combine?: boolean;
}

export const INTERACTION_DEFAULTS = { minWeight: 1, combine: true };
export const DEFAULT_INTERACTION_KINDS: InteractionKind[] = [
  'retweet',
  'reply',
  'mention',
  'quote',
  'comment',
  'share',
  'edge',
];

export function buildInteractionGraph(ds: Dataset, options: InteractionGraphOptions = {}): EdgeList {
  const kinds = options.kinds ?? DEFAULT_INTERACTION_KINDS;
  if (options.combine === false)
    throw new Error('buildInteractionGraph: use buildInteractionGraphsByKind for combine: false');
  return accumulate(ds, kinds, options);
}

/** One graph per kind (combine: false). */
export function buildInteractionGraphsByKind(
  ds: Dataset,
  options: InteractionGraphOptions = {},
): Partial<Record<InteractionKind, EdgeList>> {
  const out: Partial<Record<InteractionKind, EdgeList>> = {};
  for (const kind of options.kinds ?? DEFAULT_INTERACTION_KINDS) out[kind] = accumulate(ds, [kind], options);
  return out;
}

function accumulate(ds: Dataset, kinds: InteractionKind[], options: InteractionGraphOptions): EdgeList {
  const minWeight = options.minWeight ?? INTERACTION_DEFAULTS.minWeight;
  const bounded = options.from !== undefined || options.to !== undefined;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const wanted = new Uint8Array(INTERACTION_KIND_CODES.length);
  for (const k of kinds) {
    const code = INTERACTION_KIND_CODES.indexOf(k);
    if (code < 0) throw new Error(`buildInteractionGraph: unknown interaction kind '${k}'`);
    wanted[code] = 1;
  }
  const I = ds.interactions;
  const acc = new PairAccumulator(ds.accounts.count, true, { capacity: Math.max(1024, I.count >> 1), withKind: true });
  for (let r = 0; r < I.count; r++) {
    if (!wanted[I.kind[r]]) continue;
    const a = I.source[r];
    const b = I.target[r];
    if (a === b) continue;
    if (bounded) {
      const t = I.time[r];
      if (!(t >= from && t <= to)) continue;
    }
    acc.add(a, b, I.weight[r], 0, I.kind[r]);
  }
  const follow = INTERACTION_KIND_CODES.indexOf('follow');
  if (wanted[follow]) {
    const F = ds.follows;
    for (let r = 0; r < F.count; r++)
      if (F.follower[r] !== F.followed[r]) acc.add(F.follower[r], F.followed[r], 1, 0, follow);
  }
  return acc.toEdgeList((e) => acc.weight[e] >= minWeight).edges;
}
