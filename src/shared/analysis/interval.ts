/**
 * Automatic Δt for co-action detection, after CooRnet's estimate_coord_interval (Giglietto, Righetti, Rossi
 * & Marino 2020; github fabiogiglietto/CooRnet). What it computes, for objects shared at least twice:
 *  1. per object, shares ranked by time (ties: first come); seconds from the object's first share;
 *  2. the objects whose *second* share came fastest: those with seconds-to-second-share ≤ the q-quantile
 *     over all objects (default q = 0.1);
 *  3. for each of those, the seconds until the first share whose rank / share count exceeds p (default 0.5),
 *     i.e. how long the quick objects took to gather more than p of their shares;
 *  4. Δt = the p-quantile of those times.
 * Quantiles are R's default (type 7, linear interpolation), as in CooRnet.
 */

export interface IntervalOptions {
  /** Quantile of quickest second shares kept (0–1). */
  q?: number;
  /** Share of an object's total shares to reach, and the quantile taken of the resulting times (0–1). */
  p?: number;
}

export const INTERVAL_DEFAULTS: Required<IntervalOptions> = { q: 0.1, p: 0.5 };

export interface IntervalEstimate {
  /** The estimated coordination interval in seconds (NaN when no object was shared twice). */
  seconds: number;
  /** Objects shared at least twice, and how many of them passed the quick-second-share filter. */
  objectsShared: number;
  objectsQuick: number;
  /** Summary of the per-object times of step 3 (R's summary()). */
  summary: { min: number; q1: number; median: number; mean: number; q3: number; max: number };
}

/** R's quantile type 7 of ascending-sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** `object` and `time` are parallel per-share columns (object ids dense or not; times in seconds). */
export function estimateCoordInterval(
  object: ArrayLike<number>,
  time: ArrayLike<number>,
  options: IntervalOptions = {},
): IntervalEstimate {
  const { q, p } = { ...INTERVAL_DEFAULTS, ...options };
  if (!(q >= 0 && q <= 1)) throw new Error(`estimateCoordInterval: q must be between 0 and 1, got ${q}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`estimateCoordInterval: p must be between 0 and 1, got ${p}`);
  const byObject = new Map<number, number[]>();
  for (let i = 0; i < object.length; i++) {
    const t = time[i];
    if (t !== t) continue;
    const list = byObject.get(object[i]);
    if (list) list.push(t);
    else byObject.set(object[i], [t]);
  }
  const groups: number[][] = [];
  for (const times of byObject.values()) if (times.length > 1) groups.push(times.sort((a, b) => a - b));
  const second = Float64Array.from(groups, (g) => g[1] - g[0]);
  const cut = quantileSorted(Float64Array.from(second).sort(), q);
  const reach: number[] = [];
  for (let k = 0; k < groups.length; k++) {
    if (!(second[k] <= cut)) continue;
    const g = groups[k];
    // The first rank r (1-based) with r / n > p.
    const r = Math.floor(p * g.length) + 1;
    if (r <= g.length) reach.push(g[r - 1] - g[0]);
  }
  const sorted = Float64Array.from(reach).sort();
  const mean = reach.length ? reach.reduce((s, v) => s + v, 0) / reach.length : NaN;
  return {
    seconds: quantileSorted(sorted, p),
    objectsShared: groups.length,
    objectsQuick: reach.length,
    summary: {
      min: sorted.length ? sorted[0] : NaN,
      q1: quantileSorted(sorted, 0.25),
      median: quantileSorted(sorted, 0.5),
      mean,
      q3: quantileSorted(sorted, 0.75),
      max: sorted.length ? sorted[sorted.length - 1] : NaN,
    },
  };
}
