/**
 * `--window auto`: the co-action window estimated from the project's own shares (CooRnet's
 * estimate_coord_interval, interval.ts) over the objects the chosen graph co-shares on, instead of a fixed
 * 60 s. Fast campaigns get a tight window (fewer chance co-shares), slow ones a wider one.
 */
import { sharesFromDataset, type CoactionObjectKind } from './coaction-shares';
import type { Dataset } from './dataset';
import { estimateCoordInterval, INTERVAL_DEFAULTS, type IntervalEstimate } from './interval';

export interface WindowEstimate extends IntervalEstimate {
  /** The window the analysis used: the estimate rounded up to whole seconds (at least 1), or the fallback. */
  windowSeconds: number;
  /** True when no object was shared twice, so nothing could be estimated and the fallback was used. */
  fallback: boolean;
  q: number;
  p: number;
  objectKinds: CoactionObjectKind[];
}

export function estimateWindow(
  ds: Dataset,
  objectKinds: CoactionObjectKind[],
  fallbackSeconds: number,
): WindowEstimate {
  const { shares } = sharesFromDataset(ds, { objectKinds });
  const est = estimateCoordInterval(
    shares.object.subarray(0, shares.count),
    shares.time.subarray(0, shares.count),
    INTERVAL_DEFAULTS,
  );
  const fallback = !Number.isFinite(est.seconds);
  // Whole seconds (times are stored to the second) and never 0: a 0 s window keeps only same-second shares.
  const windowSeconds = fallback ? fallbackSeconds : Math.max(1, Math.ceil(est.seconds));
  return { ...est, windowSeconds, fallback, ...INTERVAL_DEFAULTS, objectKinds };
}

/** The sentence the CLI and the report print about an estimated window. */
export function describeWindowEstimate(w: WindowEstimate): string {
  if (w.fallback) {
    return `co-action window: ${w.windowSeconds} s (no object was shared twice, so none could be estimated)`;
  }
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  return (
    `co-action window: ${w.windowSeconds} s, estimated from the data: of ` +
    `${w.objectsShared.toLocaleString('en-US')} objects shared twice or more, the ${pct(w.q)} whose second share ` +
    `came quickest (${w.objectsQuick.toLocaleString('en-US')}) took ${fmt(w.seconds)} s (their ${pct(w.p)} ` +
    `quantile) to gather ${pct(w.p)} of their shares (CooRnet's estimate_coord_interval)`
  );
}

const fmt = (s: number) => (Number.isInteger(s) ? String(s) : s.toFixed(1));
