/**
 * Hashtag and term timelines with burst detection.
 *
 * Counts are binned over the whole dataset's time span (a tag that appears from nowhere is itself the burst,
 * so its quiet bins count as zeros). A bin bursts when its modified z-score — Iglewicz & Hoaglin (1993),
 * "How to Detect and Handle Outliers": z = (x − median) / (1.4826 · MAD), robust to the very bursts it looks
 * for — reaches `zThreshold` and it holds at least `minBinPosts` posts. The scale is floored at one post per
 * bin so that a sparse tag (median and MAD 0) does not "burst" on a couple of posts. Burst bins closer than
 * `gapBins` merge, and a burst extends over neighbouring bins at z ≥ 2 (hysteresis, so a burst that starts
 * late in a bin is not cut); the reported span runs from the first to the last post inside.
 */
import { OBJECT_KINDS, type Dataset } from './dataset';
import { normaliseText } from './text';

export interface BurstOptions {
  /** Bin width, seconds (default 300). */
  binSeconds?: number;
  /** Modified z-score from which a bin bursts (default 5). */
  zThreshold?: number;
  /** Posts a bin needs to burst (default 10). */
  minBinPosts?: number;
  /** Quiet bins allowed inside one burst (default 1). */
  gapBins?: number;
  /** Tags / terms with fewer posts are skipped (default 20). */
  minPosts?: number;
  /** Binned counts are returned for this many timelines, most bursty first (default 50); the rest get []. */
  maxCountSeries?: number;
}

export interface Burst {
  /** First and last post inside the burst, Unix seconds. */
  start: number;
  end: number;
  posts: number;
  accounts: number;
  /** Highest modified z-score of its bins. */
  peakZ: number;
  /** Median posts per bin over the dataset's span (the tag's usual rate). */
  baselinePerBin: number;
  reason: string;
}

export interface Timeline {
  /** The hashtag (without #) or term. */
  key: string;
  kind: 'hashtag' | 'term';
  posts: number;
  accounts: number;
  /** Start of bin 0 (Unix seconds) and bin width; counts cover the span from the first to the last post of this key. */
  binStart: number;
  binSeconds: number;
  counts: number[];
  bursts: Burst[];
}

interface Series {
  key: string;
  kind: 'hashtag' | 'term';
  posts: number[];
}

/** Every hashtag with at least `minPosts` posts, with its bursts; timelines with the largest burst first. */
export function hashtagTimelines(ds: Dataset, options: BurstOptions = {}): Timeline[] {
  const hashtag = OBJECT_KINDS.indexOf('hashtag');
  const byValue = new Map<number, number[]>();
  for (let o = 0; o < ds.objects.count; o++) {
    if (ds.objects.kind[o] !== hashtag) continue;
    const list = byValue.get(ds.objects.value[o]);
    if (list) list.push(ds.objects.post[o]);
    else byValue.set(ds.objects.value[o], [ds.objects.post[o]]);
  }
  const series: Series[] = [];
  for (const [v, posts] of byValue) {
    series.push({ key: ds.objects.values[v].slice('hashtag:'.length), kind: 'hashtag', posts });
  }
  return timelines(ds, series, options);
}

/** Timelines of the given words or phrases, matched as whole words in normalised post text. */
export function termTimelines(ds: Dataset, terms: string[], options: BurstOptions = {}): Timeline[] {
  const wanted = terms.map((t) => ({ key: t, needle: ' ' + normaliseText(t) + ' ', posts: [] as number[] }));
  for (let p = 0; p < ds.posts.count; p++) {
    const text = ds.posts.text[p];
    if (text === null) continue;
    const hay = ' ' + normaliseText(text) + ' ';
    for (const w of wanted) if (w.needle.trim() !== '' && hay.includes(w.needle)) w.posts.push(p);
  }
  return timelines(
    ds,
    wanted.map((w) => ({ key: w.key, kind: 'term', posts: w.posts })),
    options,
  );
}

function timelines(ds: Dataset, series: Series[], options: BurstOptions): Timeline[] {
  const binSeconds = options.binSeconds ?? 300;
  const minPosts = options.minPosts ?? 20;
  let first = Infinity;
  let last = -Infinity;
  for (let p = 0; p < ds.posts.count; p++) {
    const t = ds.posts.time[p];
    if (Number.isNaN(t)) continue;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  if (first === Infinity) return [];
  const origin = Math.floor(first / binSeconds) * binSeconds;
  const totalBins = Math.floor((last - origin) / binSeconds) + 1;
  const out: { timeline: Timeline; dense: () => number[] }[] = [];
  for (const s of series) {
    const timed = s.posts.filter((p) => !Number.isNaN(ds.posts.time[p]));
    if (timed.length < minPosts) continue;
    out.push(timeline(ds, s, timed, origin, totalBins, binSeconds, options));
  }
  const biggest = (t: Timeline) => t.bursts.reduce((m, b) => Math.max(m, b.posts), 0);
  out.sort(
    ({ timeline: a }, { timeline: b }) => biggest(b) - biggest(a) || b.posts - a.posts || (a.key < b.key ? -1 : 1),
  );
  // Binned counts only for the timelines a chart will show: a tag spanning a year has 100k five-minute bins,
  // and thousands of tags pass minPosts on a big project.
  const keep = options.maxCountSeries ?? 50;
  return out.map(({ timeline: t, dense }, i) => ({ ...t, counts: i < keep ? dense() : [] }));
}

/**
 * One series' timeline and bursts, computed over its non-empty bins only (a bin without posts is never a burst
 * bin, and its count, 0, is what the lookup gives); `dense` expands the counts when they are wanted.
 */
function timeline(
  ds: Dataset,
  s: Series,
  posts: number[],
  origin: number,
  totalBins: number,
  binSeconds: number,
  options: BurstOptions,
): { timeline: Timeline; dense: () => number[] } {
  const zThreshold = options.zThreshold ?? 5;
  const minBinPosts = options.minBinPosts ?? 10;
  const gapBins = options.gapBins ?? 1;
  posts.sort((a, b) => ds.posts.time[a] - ds.posts.time[b] || a - b);
  const binOf = (p: number) => Math.floor((ds.posts.time[p] - origin) / binSeconds);
  const firstBin = binOf(posts[0]);
  const span = binOf(posts[posts.length - 1]) - firstBin + 1;
  // Non-empty bins (relative to firstBin) in ascending order, with their counts.
  const nzBin: number[] = [];
  const nzCount: number[] = [];
  for (const p of posts) {
    const b = binOf(p) - firstBin;
    if (nzBin.length > 0 && nzBin[nzBin.length - 1] === b) nzCount[nzCount.length - 1]++;
    else {
      nzBin.push(b);
      nzCount.push(1);
    }
  }
  const count = (b: number): number => {
    let lo = 0;
    let hi = nzBin.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (nzBin[mid] === b) return nzCount[mid];
      if (nzBin[mid] < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };

  /** Index of the first post whose bin is `b` or later (posts.length when none). */
  const firstPostInBin = (b: number): number => {
    let lo = 0;
    let hi = posts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (binOf(posts[mid]) - firstBin < b) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const nonzero = nzCount.slice().sort((a, b) => a - b);
  const zeros = totalBins - nonzero.length;
  const med = medianWithZeros(nonzero, zeros);
  const deviations = nonzero.map((c) => Math.abs(c - med)).sort((a, b) => a - b);
  const mad = medianWithConstant(deviations, zeros, med);
  const scale = Math.max(1.4826 * mad, 1);

  const isBurstBin = (b: number) => (count(b) - med) / scale >= zThreshold && count(b) >= minBinPosts;
  const bursts: Burst[] = [];
  let closedEnd = -1;
  let runStart = -1;
  let runEnd = -1;
  let peak = 0;
  const close = () => {
    if (runStart < 0) return;
    // Hysteresis: the edges of a burst rarely fill a whole bin, so extend the run over neighbours at z ≥ 2.
    while (runStart > closedEnd + 1 && (count(runStart - 1) - med) / scale >= 2) runStart--;
    // (never into the next burst bin, which starts a burst of its own)
    while (runEnd < span - 1 && (count(runEnd + 1) - med) / scale >= 2 && !isBurstBin(runEnd + 1)) runEnd++;
    // Posts are in time order, so the burst's posts are one run of them: found by binary search, not a pass
    // over the tag's posts per burst (popular tags have hundreds of thousands of posts and dozens of bursts).
    const inBurst = posts.slice(firstPostInBin(runStart), firstPostInBin(runEnd + 1));
    const accounts = new Set(inBurst.map((p) => ds.posts.author[p])).size;
    const start = ds.posts.time[inBurst[0]];
    const end = ds.posts.time[inBurst[inBurst.length - 1]];
    const label = s.kind === 'hashtag' ? '#' + s.key : `"${s.key}"`;
    const minutes = Math.max(1, Math.round((end - start) / 60));
    bursts.push({
      start,
      end,
      posts: inBurst.length,
      accounts,
      peakZ: Math.round(peak * 10) / 10,
      baselinePerBin: med,
      reason:
        `${accounts} accounts posted ${label} ${inBurst.length} times within ${minutes} minutes ` +
        `(${isoMinute(start)}–${isoMinute(end)} UTC; usual rate ${med} per ${binSeconds / 60} min)`,
    });
    closedEnd = runEnd;
    runStart = -1;
    peak = 0;
  };
  // Only non-empty bins can burst; the empty ones in between change nothing in this loop.
  for (const b of nzBin) {
    const z = (count(b) - med) / scale;
    if (isBurstBin(b)) {
      if (runStart >= 0 && b - runEnd - 1 > gapBins) close();
      if (runStart < 0) runStart = b;
      runEnd = b;
      if (z > peak) peak = z;
    }
  }
  close();
  return {
    timeline: {
      key: s.key,
      kind: s.kind,
      posts: posts.length,
      accounts: new Set(posts.map((p) => ds.posts.author[p])).size,
      binStart: origin + firstBin * binSeconds,
      binSeconds,
      counts: [],
      bursts,
    },
    dense: () => {
      const counts = new Array<number>(span).fill(0);
      nzBin.forEach((b, i) => (counts[b] = nzCount[i]));
      return counts;
    },
  };
}

/** Median of `sorted` (ascending, all ≥ 1) together with `zeros` implicit zeros. */
export function medianWithZeros(sorted: number[], zeros: number): number {
  return medianWithConstant(sorted, zeros, 0);
}

/** Median of `sorted` (ascending) together with `copies` copies of `value`, without materialising them. */
function medianWithConstant(sorted: number[], copies: number, value: number): number {
  const n = sorted.length + copies;
  if (n === 0) return 0;
  let pos = 0;
  while (pos < sorted.length && sorted[pos] < value) pos++;
  const kth = (k: number) => (k < pos ? sorted[k] : k < pos + copies ? value : sorted[k - copies]);
  return n % 2 ? kth((n - 1) / 2) : (kth(n / 2 - 1) + kth(n / 2)) / 2;
}

function isoMinute(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ');
}
