/**
 * Per-account numbers behind the evidence: activity, timing, profile and text features in typed arrays
 * (one slot per dataset account), plus the per-post columns the evidence needs (reaction latency, parent,
 * text groups). Accounts without posts get zeros and NaN where a number has no meaning.
 */
import { INTERACTION_KIND_CODES, OBJECT_KINDS, type Dataset } from './dataset';
import { handlePatternScore } from './handles';
import { bestShift, HOURS_PER_WEEK, hourOfWeek, quietestWindowShare } from './shift';
import type { AccountFeatureRow } from './result';
import { textGroups, type TextGroupOptions, type TextGroups } from './text';

export interface FeatureOptions {
  /** Length of the shift window, hours (default 9). */
  shiftHours?: number;
  /** Posts an account needs before its timing features (shift, quiet share, round-the-clock) mean anything (default 20). */
  minPostsForTiming?: number;
  /** Round the clock: at least this share of activity in the quietest 6 h of the day (default 0.1; flat = 0.25). */
  roundTheClockQuietShare?: number;
  /** Round the clock: at least this many posts (default 48) … */
  roundTheClockMinPosts?: number;
  /** … spread over at least this many days (default 56: "for months"). */
  roundTheClockMinDays?: number;
  text?: TextGroupOptions;
  /** postParents(ds) already computed (on another thread, or for the cascades), used instead. */
  postParent?: Int32Array;
  /** textGroups(ds, text) already computed (on another thread), used instead. */
  textGroups?: TextGroups;
}

export interface AccountFeatures {
  count: number;
  posts: Int32Array;
  /** Distinct UTC days with at least one post. */
  activeDays: Int32Array;
  /** First and last post time (Unix seconds), NaN without posts. */
  firstTime: Float64Array;
  lastTime: Float64Array;
  /** Posts per active day. */
  activityRate: Float32Array;
  /** Hour-of-week counts, 168 per account (Monday 00:00 UTC first), saturating at 65,535. */
  hourOfWeek: Uint16Array;
  /** Share of posts on local Monday–Friday at the account's best shift offset. NaN below minPostsForTiming. */
  weekdayShare: Float32Array;
  /** Share of posts inside the best weekday 9-hour window over all UTC offsets. NaN below minPostsForTiming. */
  shiftCoverage: Float32Array;
  shiftOffset: Int8Array;
  /** Share of posts in the quietest 6 hours of the day. NaN below minPostsForTiming. */
  quietShare: Float32Array;
  /** 1 when the account posts round the clock for months (see options). */
  roundTheClock: Uint8Array;
  /** Unix seconds; NaN when unknown. */
  createdAt: Float64Array;
  /** 0–1, see handles.ts. */
  handleScore: Float32Array;
  /** Index into `clients` of the account's most used client, or -1. */
  topClient: Int32Array;
  /** Share of the account's posts (with a known client) made with its most used client; NaN without clients. */
  clientTopShare: Float32Array;
  clients: string[];
  /** Per post: index into `clients` of its client, or -1. */
  postClient: Int32Array;
  /** Posts with own text; of those, exact duplicates of another account's text, and near duplicates. */
  textPosts: Int32Array;
  duplicatePosts: Int32Array;
  nearDuplicatePosts: Int32Array;
  /** Engagements (retweets, replies, mentions, quotes, comments, shares; pages commented on) and distinct targets. */
  engagements: Int32Array;
  distinctTargets: Int32Array;
  /** Share of engagements going to the single most engaged target; NaN without engagements. */
  topTargetShare: Float32Array;
  /** Median seconds from the parent post to this account's shares/replies, where the parent is in the dataset. */
  medianLatency: Float64Array;
  /** Per post: seconds from its parent post (in the dataset) to it; NaN when unknown. */
  postLatency: Float64Array;
  /** Per post: dataset index of its parent post, or -1. */
  postParent: Int32Array;
  /** Per post: text groups (exact and near duplicates). */
  text: TextGroups;
  /** Posts grouped by author: posts of account a are order[start[a] .. start[a+1]). */
  byAuthor: { start: Int32Array; order: Int32Array };
}

/** Posts grouped by author (counting sort, stable in post order). */
export function postsByAuthor(ds: Dataset): { start: Int32Array; order: Int32Array } {
  const n = ds.accounts.count;
  const start = new Int32Array(n + 1);
  for (let p = 0; p < ds.posts.count; p++) start[ds.posts.author[p] + 1]++;
  for (let a = 0; a < n; a++) start[a + 1] += start[a];
  const next = start.slice(0, n);
  const order = new Int32Array(ds.posts.count);
  for (let p = 0; p < ds.posts.count; p++) order[next[ds.posts.author[p]]++] = p;
  return { start, order };
}

/** Dataset index of each post's parent post (matched by platform and platform id), or -1. */
export function postParents(ds: Dataset): Int32Array {
  // One map per platform keyed by the platform id: no "platform\0id" string is built per post.
  const byPlatform = new Map<string, Map<string, number>>();
  const idsOf = (platform: string): Map<string, number> => {
    let m = byPlatform.get(platform);
    if (!m) byPlatform.set(platform, (m = new Map()));
    return m;
  };
  for (let p = 0; p < ds.posts.count; p++) idsOf(ds.accounts.platform[ds.posts.author[p]]).set(ds.posts.extId[p], p);
  const parent = new Int32Array(ds.posts.count).fill(-1);
  for (let p = 0; p < ds.posts.count; p++) {
    const ext = ds.posts.parentExtId[p];
    if (ext === null) continue;
    const q = byPlatform.get(ds.accounts.platform[ds.posts.author[p]])!.get(ext);
    if (q !== undefined && q !== p) parent[p] = q;
  }
  return parent;
}

export function accountFeatures(ds: Dataset, options: FeatureOptions = {}): AccountFeatures {
  const shiftHours = options.shiftHours ?? 9;
  const minTiming = options.minPostsForTiming ?? 20;
  const rtcQuiet = options.roundTheClockQuietShare ?? 0.1;
  const rtcPosts = options.roundTheClockMinPosts ?? 48;
  const rtcDays = options.roundTheClockMinDays ?? 56;
  const n = ds.accounts.count;
  const P = ds.posts;
  const byAuthor = postsByAuthor(ds);
  const postParent = options.postParent ?? postParents(ds);
  const text = options.textGroups ?? textGroups(ds, options.text);

  const postLatency = new Float64Array(P.count).fill(NaN);
  for (let p = 0; p < P.count; p++) {
    const q = postParent[p];
    if (q < 0) continue;
    const dt = P.time[p] - P.time[q];
    if (dt >= 0) postLatency[p] = dt;
  }

  // Which exact / near groups hold posts by more than one account.
  const multiAuthor = (groups: Int32Array): Uint8Array => {
    let max = -1;
    for (let p = 0; p < groups.length; p++) if (groups[p] > max) max = groups[p];
    const author = new Int32Array(max + 1).fill(-1);
    const multi = new Uint8Array(max + 1);
    for (let p = 0; p < groups.length; p++) {
      const g = groups[p];
      if (g < 0) continue;
      if (author[g] === -1) author[g] = P.author[p];
      else if (author[g] !== P.author[p]) multi[g] = 1;
    }
    return multi;
  };
  const multiExact = multiAuthor(text.exact);
  const multiNear = multiAuthor(text.near);

  const clientIds = new Map<string, number>();
  const clients: string[] = [];
  const postClient = new Int32Array(P.count).fill(-1);
  for (let p = 0; p < P.count; p++) {
    const c = P.client[p];
    if (c === null || c === '') continue;
    let id = clientIds.get(c);
    if (id === undefined) {
      id = clients.length;
      clients.push(c);
      clientIds.set(c, id);
    }
    postClient[p] = id;
  }

  const f: AccountFeatures = {
    count: n,
    posts: new Int32Array(n),
    activeDays: new Int32Array(n),
    firstTime: new Float64Array(n).fill(NaN),
    lastTime: new Float64Array(n).fill(NaN),
    activityRate: new Float32Array(n),
    hourOfWeek: new Uint16Array(n * HOURS_PER_WEEK),
    weekdayShare: new Float32Array(n).fill(NaN),
    shiftCoverage: new Float32Array(n).fill(NaN),
    shiftOffset: new Int8Array(n),
    quietShare: new Float32Array(n).fill(NaN),
    roundTheClock: new Uint8Array(n),
    createdAt: Float64Array.from(ds.accounts.createdAt),
    handleScore: new Float32Array(n),
    topClient: new Int32Array(n).fill(-1),
    clientTopShare: new Float32Array(n).fill(NaN),
    clients,
    postClient,
    textPosts: new Int32Array(n),
    duplicatePosts: new Int32Array(n),
    nearDuplicatePosts: new Int32Array(n),
    engagements: new Int32Array(n),
    distinctTargets: new Int32Array(n),
    topTargetShare: new Float32Array(n).fill(NaN),
    medianLatency: new Float64Array(n).fill(NaN),
    postLatency,
    postParent,
    text,
    byAuthor,
  };

  const days: number[] = [];
  const latencies: number[] = [];
  const clientCount = new Map<number, number>();
  for (let a = 0; a < n; a++) {
    f.handleScore[a] = handlePatternScore(ds.accounts.screenName[a]).score;
    days.length = 0;
    latencies.length = 0;
    clientCount.clear();
    let first = Infinity;
    let last = -Infinity;
    let timed = 0;
    for (let i = byAuthor.start[a]; i < byAuthor.start[a + 1]; i++) {
      const p = byAuthor.order[i];
      f.posts[a]++;
      if (text.exact[p] >= 0) {
        f.textPosts[a]++;
        if (multiExact[text.exact[p]]) f.duplicatePosts[a]++;
        if (multiNear[text.near[p]]) f.nearDuplicatePosts[a]++;
      }
      if (postClient[p] >= 0) clientCount.set(postClient[p], (clientCount.get(postClient[p]) ?? 0) + 1);
      if (!Number.isNaN(postLatency[p])) latencies.push(postLatency[p]);
      const t = P.time[p];
      if (Number.isNaN(t)) continue;
      timed++;
      if (t < first) first = t;
      if (t > last) last = t;
      days.push(Math.floor(t / 86400));
      const slot = a * HOURS_PER_WEEK + hourOfWeek(t);
      if (f.hourOfWeek[slot] < 0xffff) f.hourOfWeek[slot]++;
    }
    if (timed > 0) {
      f.firstTime[a] = first;
      f.lastTime[a] = last;
      days.sort((x, y) => x - y);
      let distinct = 0;
      for (let i = 0; i < days.length; i++) if (i === 0 || days[i] !== days[i - 1]) distinct++;
      f.activeDays[a] = distinct;
      f.activityRate[a] = timed / distinct;
    }
    if (timed >= minTiming) {
      const fit = bestShift(f.hourOfWeek, a * HOURS_PER_WEEK, shiftHours);
      f.shiftCoverage[a] = fit.coverage;
      f.shiftOffset[a] = fit.utcOffset;
      f.weekdayShare[a] = fit.weekdayShare;
      f.quietShare[a] = quietestWindowShare(f.hourOfWeek, a * HOURS_PER_WEEK, 6);
      const spanDays = (last - first) / 86400;
      if (timed >= rtcPosts && spanDays >= rtcDays && f.quietShare[a] >= rtcQuiet) f.roundTheClock[a] = 1;
    }
    if (clientCount.size > 0) {
      let best = -1;
      let bestN = 0;
      let total = 0;
      for (const [c, k] of clientCount) {
        total += k;
        if (k > bestN || (k === bestN && c < best)) {
          best = c;
          bestN = k;
        }
      }
      f.topClient[a] = best;
      f.clientTopShare[a] = bestN / total;
    }
    if (latencies.length > 0) f.medianLatency[a] = median(latencies);
  }
  engagementTargets(ds, f);
  return f;
}

/** Fills engagements, distinctTargets and topTargetShare from interactions, parent authors and pages. */
function engagementTargets(ds: Dataset, f: AccountFeatures): void {
  const nA = ds.accounts.count;
  const followCode = INTERACTION_KIND_CODES.indexOf('follow');
  const pageCode = OBJECT_KINDS.indexOf('page');
  const carried = new Uint8Array(ds.posts.count);
  const pairs: number[] = [];
  const span = nA + ds.objects.values.length;
  const I = ds.interactions;
  for (let i = 0; i < I.count; i++) {
    if (I.kind[i] === followCode || I.source[i] === I.target[i]) continue;
    pairs.push(I.source[i] * span + I.target[i]);
    if (I.post[i] >= 0) carried[I.post[i]] = 1;
  }
  // Shares and replies whose importer recorded no interaction still engage the parent's author.
  for (let p = 0; p < ds.posts.count; p++) {
    const target = ds.posts.parentAuthor[p];
    if (carried[p] || target < 0 || target === ds.posts.author[p]) continue;
    pairs.push(ds.posts.author[p] * span + target);
  }
  for (let o = 0; o < ds.objects.count; o++) {
    if (ds.objects.kind[o] !== pageCode) continue;
    pairs.push(ds.posts.author[ds.objects.post[o]] * span + nA + ds.objects.value[o]);
  }
  const sorted = Float64Array.from(pairs).sort();
  let i = 0;
  while (i < sorted.length) {
    const a = Math.floor(sorted[i] / span);
    let total = 0;
    let distinct = 0;
    let top = 0;
    while (i < sorted.length && Math.floor(sorted[i] / span) === a) {
      let j = i;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      distinct++;
      total += j - i;
      if (j - i > top) top = j - i;
      i = j;
    }
    f.engagements[a] = total;
    f.distinctTargets[a] = distinct;
    f.topTargetShare[a] = top / total;
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = values.slice().sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Account `a`'s features as plain JSON (NaN → null; shares rounded to 4 places, hiding float32 noise). */
export function featureRow(f: AccountFeatures, a: number): AccountFeatureRow {
  const num = (v: number, places = 4): number | null => {
    if (!Number.isFinite(v)) return null;
    const k = 10 ** places;
    return Math.round(v * k) / k;
  };
  const timed = Number.isFinite(f.weekdayShare[a]);
  return {
    posts: f.posts[a],
    activeDays: f.activeDays[a],
    firstPost: num(f.firstTime[a], 0),
    lastPost: num(f.lastTime[a], 0),
    activityRate: num(f.activityRate[a], 2) ?? 0,
    weekdayShare: num(f.weekdayShare[a]),
    shiftCoverage: num(f.shiftCoverage[a]),
    shiftUtcOffset: timed ? f.shiftOffset[a] : null,
    quietShare: num(f.quietShare[a]),
    roundTheClock: f.roundTheClock[a] === 1,
    handleScore: num(f.handleScore[a]) ?? 0,
    topClient: f.topClient[a] >= 0 ? f.clients[f.topClient[a]] : null,
    clientTopShare: num(f.clientTopShare[a]),
    textPosts: f.textPosts[a],
    duplicatePosts: f.duplicatePosts[a],
    nearDuplicatePosts: f.nearDuplicatePosts[a],
    engagements: f.engagements[a],
    distinctTargets: f.distinctTargets[a],
    topTargetShare: num(f.topTargetShare[a]),
    medianLatencyS: num(f.medianLatency[a], 1),
  };
}
