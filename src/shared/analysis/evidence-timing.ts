/**
 * Timing evidence: synchrony on shared objects, sharing on cue, and hashtag bursts a community dominates.
 *
 * What separates coordination from an organic crowd here is repetition and speed. Strangers share a breaking
 * story within a minute once; fans share their idol's posts within minutes, through each other. A ring acts
 * within seconds, on many objects, and its members reach the official's post directly, not via someone they
 * follow. So synchrony counts how many distinct objects the members co-acted on, and cue-sharing requires the
 * same source's posts to be shared on cue several times, each share straight from the original.
 */
import type { Timeline } from './bursts';
import type { BurstRow } from './result';
import { OBJECT_KINDS, POST_KINDS, type Dataset } from './dataset';
import { accountLabel, insufficientWhen, pct, ramp, round, type Signal } from './evidence-signal';
import type { AccountFeatures } from './features';

export interface TimingOptions {
  /** Δt for synchrony, seconds (default 60). */
  windowSeconds: number;
  /** A share is on cue when it comes at most this many seconds after the original (default 60). */
  cueSeconds: number;
  /** Posts of one source that must be shared on cue before it counts (default 3). */
  minCuePosts: number;
  /** Members that must share one post on cue for that post to count (default 5) … */
  minCueSharers: number;
  /** … and the share of the members' shares of it that came on cue (default 0.5). */
  minCueShare: number;
}

export interface Members {
  /** Community id per account, -1 outside the analysed graph. */
  membership: ArrayLike<number>;
  /** Account indexes per community. */
  lists: Int32Array[];
  /** Position of each account in its community's list. */
  position: Int32Array;
}

const SHARE_KINDS = new Set(['retweet', 'share', 'quote'].map((k) => POST_KINDS.indexOf(k as never)));
const DOMAIN = OBJECT_KINDS.indexOf('domain');
const POST_OBJECT = OBJECT_KINDS.indexOf('post');
const OBJECT = OBJECT_KINDS.indexOf('object');

/**
 * Share of the members' actions (a post acting on an object: retweeted post, URL, hashtag, shared object,
 * page, image; domains are too coarse; a share acts only on what it shares) that fall within Δt of another member's action on the same object,
 * and on how many distinct objects that happened. One object (a breaking story) earns nothing; ten or more earn
 * full strength. Per object the actions are sorted by time and only neighbours within Δt are visited.
 */
function identityOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** `order` stably re-sorted by an integer key in [0, keyCount): a counting sort, O(n + keyCount). */
export function countingOrder(order: Int32Array, key: (i: number) => number, keyCount: number): Int32Array {
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < order.length; k++) start[key(order[k]) + 1]++;
  for (let c = 0; c < keyCount; c++) start[c + 1] += start[c];
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) out[start[key(order[k])]++] = order[k];
  return out;
}

export function synchrony(ds: Dataset, m: Members, opt: TimingOptions): Signal[] {
  const keyOf = new Map<string, number>();
  const actKey: number[] = [];
  const actTime: number[] = [];
  const actAcc: number[] = [];
  const objStart = objectsByPost(ds);
  for (let p = 0; p < ds.posts.count; p++) {
    const a = ds.posts.author[p];
    if (m.membership[a] < 0 || Number.isNaN(ds.posts.time[p])) continue;
    let hasPostObject = false;
    const isShare = SHARE_KINDS.has(ds.posts.kind[p]);
    for (let i = objStart.start[p]; i < objStart.start[p + 1]; i++) {
      const o = objStart.order[i];
      const kind = ds.objects.kind[o];
      if (kind === DOMAIN) continue;
      // A share acts on what it shares; the hashtags and links it inherits from the original are the same act
      // (and would make the original's author look synchronised with their own sharers).
      if (isShare && kind !== POST_OBJECT && kind !== OBJECT) continue;
      if (kind === POST_OBJECT) hasPostObject = true;
      actKey.push(ds.objects.value[o]);
      actTime.push(ds.posts.time[p]);
      actAcc.push(a);
    }
    // A share whose importer recorded no 'post' object still acts on its parent.
    const parent = ds.posts.parentExtId[p];
    if (!hasPostObject && parent !== null && isShare) {
      let k = keyOf.get(parent);
      if (k === undefined) {
        k = ds.objects.values.length + keyOf.size;
        keyOf.set(parent, k);
      }
      actKey.push(k);
      actTime.push(ds.posts.time[p]);
      actAcc.push(a);
    }
  }
  const comm = (i: number) => m.membership[actAcc[i]];
  // Actions ordered by (community, object, time, index): two stable counting sorts (object, then community)
  // and a sort by time within each run of one community's actions on one object. A comparison sort of all
  // actions was most of this stage on millions of posts.
  const byKey = countingOrder(identityOrder(actKey.length), (i) => actKey[i], ds.objects.values.length + keyOf.size);
  const order = countingOrder(byKey, comm, m.lists.length);
  const byTime = (x: number, y: number) => actTime[x] - actTime[y] || x - y;
  for (let g = 0, e = 0; g < order.length; g = e) {
    e = g + 1;
    while (e < order.length && comm(order[e]) === comm(order[g]) && actKey[order[e]] === actKey[order[g]]) e++;
    if (e - g > 1) order.subarray(g, e).sort(byTime);
  }

  const nC = m.lists.length;
  const total = new Float64Array(nC);
  const synced = new Float64Array(nC);
  const objects = new Float64Array(nC);
  const accActions = new Float64Array(ds.accounts.count);
  const accSynced = new Float64Array(ds.accounts.count);
  let g = 0;
  while (g < order.length) {
    let e = g;
    const c = comm(order[g]);
    while (e < order.length && comm(order[e]) === c && actKey[order[e]] === actKey[order[g]]) e++;
    let any = false;
    for (let i = g; i < e; i++) {
      const x = order[i];
      let hit = false;
      for (let j = i - 1; j >= g && actTime[x] - actTime[order[j]] <= opt.windowSeconds && !hit; j--) {
        hit = actAcc[order[j]] !== actAcc[x];
      }
      for (let j = i + 1; j < e && actTime[order[j]] - actTime[x] <= opt.windowSeconds && !hit; j++) {
        hit = actAcc[order[j]] !== actAcc[x];
      }
      total[c]++;
      accActions[actAcc[x]]++;
      if (hit) {
        synced[c]++;
        accSynced[actAcc[x]]++;
        any = true;
      }
    }
    if (any) objects[c]++;
    g = e;
  }

  return m.lists.map((list, c) => {
    const share = total[c] > 0 ? synced[c] / total[c] : 0;
    const strength = ramp(share, 0.15, 0.5) * ramp(objects[c], 1, 10);
    const perMember = new Float32Array(list.length);
    list.forEach((a, i) => {
      const s = accActions[a] > 0 ? accSynced[a] / accActions[a] : 0;
      perMember[i] = accSynced[a] >= 2 ? ramp(s, 0.1, 0.4) : 0;
    });
    return {
      group: 'timing',
      perMember,
      memberReason: (i) =>
        `${accSynced[list[i]]} of ${accActions[list[i]]} actions within ${opt.windowSeconds} s of another member's on the same object`,
      evidence: {
        key: 'synchrony',
        label: 'Synchrony',
        value: round(share),
        unit: 'share',
        strength: round(strength),
        reason:
          total[c] === 0
            ? 'Members act on no shared objects (retweets, links, hashtags), so synchrony cannot be measured'
            : `${pct(share)} of members' ${total[c]} actions on shared objects came within ${opt.windowSeconds} s of ` +
              `another member's action on the same object, on ${objects[c]} distinct object${objects[c] === 1 ? '' : 's'}` +
              (objects[c] <= 1 && synced[c] > 0 ? ' (a single moment, not a repeated pattern)' : ''),
        ...insufficientWhen(total[c] === 0),
      },
    };
  });
}

/**
 * Sharing on cue: for each source account, the posts that at least `minCueSharers` members shared within
 * `cueSeconds`, straight from the original (the share's parent is the original post, and the member follows
 * none of the accounts that shared it earlier — otherwise the share may have come through them). A source
 * whose posts were shared on cue `minCuePosts` times or more makes the evidence; its value is the share of
 * members who shared at least two of those posts on cue.
 */
export function cueSharing(ds: Dataset, f: AccountFeatures, m: Members, opt: TimingOptions): Signal[] {
  const nA = ds.accounts.count;
  const follows = new Set<number>();
  for (let i = 0; i < ds.follows.count; i++) follows.add(ds.follows.follower[i] * nA + ds.follows.followed[i]);

  // Children (shares, replies) of each post, by time.
  const childStart = new Int32Array(ds.posts.count + 1);
  for (let p = 0; p < ds.posts.count; p++) if (f.postParent[p] >= 0) childStart[f.postParent[p] + 1]++;
  for (let p = 0; p < ds.posts.count; p++) childStart[p + 1] += childStart[p];
  const next = childStart.slice(0, ds.posts.count);
  const children = new Int32Array(childStart[ds.posts.count]);
  for (let p = 0; p < ds.posts.count; p++) if (f.postParent[p] >= 0) children[next[f.postParent[p]]++] = p;

  interface Cue {
    posts: number;
    quickShares: number;
    fromRootShares: number;
    latencies: number[];
    perAccount: Map<number, number>;
  }
  // Per community: source account → what its cued posts gathered.
  const bySource: Map<number, Cue>[] = m.lists.map(() => new Map());
  const quick: number[] = [];
  for (let q = 0; q < ds.posts.count; q++) {
    const from = childStart[q];
    const to = childStart[q + 1];
    if (to - from < opt.minCueSharers || f.postParent[q] >= 0 || SHARE_KINDS.has(ds.posts.kind[q])) continue;
    const kids = Array.from(children.subarray(from, to)).filter((p) => SHARE_KINDS.has(ds.posts.kind[p]));
    kids.sort((x, y) => ds.posts.time[x] - ds.posts.time[y] || x - y);
    quick.length = 0;
    for (const p of kids) if (f.postLatency[p] <= opt.cueSeconds) quick.push(p);
    if (quick.length < opt.minCueSharers) continue;
    // Per community: members' shares of q, on-cue shares, and on-cue shares straight from the original.
    const tally = new Map<number, { all: number; quick: number; root: number[] }>();
    for (const p of kids) {
      const c = m.membership[ds.posts.author[p]];
      if (c < 0) continue;
      let t = tally.get(c);
      if (!t) tally.set(c, (t = { all: 0, quick: 0, root: [] }));
      t.all++;
    }
    for (let i = 0; i < quick.length; i++) {
      const p = quick[i];
      const a = ds.posts.author[p];
      const c = m.membership[a];
      if (c < 0) continue;
      const t = tally.get(c)!;
      t.quick++;
      let viaFollowed = false;
      for (let j = 0; j < i && !viaFollowed; j++) {
        const earlier = ds.posts.author[quick[j]];
        viaFollowed = earlier !== a && follows.has(a * nA + earlier);
      }
      if (!viaFollowed) t.root.push(p);
    }
    const source = ds.posts.author[q];
    for (const [c, t] of tally) {
      if (t.root.length < opt.minCueSharers || t.quick < opt.minCueShare * t.all) continue;
      let cue = bySource[c].get(source);
      if (!cue)
        bySource[c].set(
          source,
          (cue = { posts: 0, quickShares: 0, fromRootShares: 0, latencies: [], perAccount: new Map() }),
        );
      cue.posts++;
      cue.quickShares += t.quick;
      cue.fromRootShares += t.root.length;
      for (const p of t.root) {
        cue.latencies.push(f.postLatency[p]);
        const a = ds.posts.author[p];
        cue.perAccount.set(a, (cue.perAccount.get(a) ?? 0) + 1);
      }
    }
  }

  return m.lists.map((list, c) => {
    let best: { source: number; cue: Cue; participants: number } | null = null;
    for (const [source, cue] of bySource[c]) {
      if (cue.posts < opt.minCuePosts) continue;
      let participants = 0;
      for (const k of cue.perAccount.values()) if (k >= 2) participants++;
      if (!best || participants > best.participants) best = { source, cue, participants };
    }
    const perMember = new Float32Array(list.length);
    if (!best) {
      return {
        group: 'timing',
        perMember,
        evidence: {
          key: 'cue_sharing',
          label: 'Sharing on cue',
          value: 0,
          unit: 'share',
          strength: 0,
          reason: `No account's posts were shared by members within ${opt.cueSeconds} s, straight from the original, on ${opt.minCuePosts} or more occasions`,
        },
      };
    }
    const { source, cue, participants } = best;
    list.forEach((a, i) => {
      const k = cue.perAccount.get(a) ?? 0;
      perMember[i] = k >= 2 ? 1 : k === 1 ? 0.4 : 0;
    });
    const share = participants / list.length;
    const strength = Math.max(ramp(share, 0.1, 0.4), ramp(participants, 10, 40));
    const lat = cue.latencies.slice().sort((x, y) => x - y);
    const medianLatency = lat[lat.length >> 1];
    const who = accountLabel(ds.accounts.screenName[source], ds.accounts.extId[source]);
    return {
      group: 'timing',
      perMember,
      memberReason: (i) =>
        `shared ${cue.perAccount.get(list[i]) ?? 0} of ${who}'s posts within ${opt.cueSeconds} s, straight from the original`,
      evidence: {
        key: 'cue_sharing',
        label: 'Sharing on cue',
        value: round(share),
        unit: 'share',
        strength: round(strength),
        reason:
          `${participants} of ${list.length} members (${pct(share)}) repeatedly shared ${who}'s posts on cue: ` +
          `${cue.posts} posts were each shared by members within ${opt.cueSeconds} s (median ${Math.round(medianLatency)} s), ` +
          `${pct(cue.fromRootShares / cue.quickShares)} of those shares straight from the original post`,
      },
    };
  });
}

/**
 * Hashtag bursts a community dominates (members wrote at least half of the burst's posts): the share of members
 * who posted the tag at least twice inside one such burst. An organic trend, or a wave of shares of one tagged
 * post, is many people posting once each; the author of the shared post posts once too.
 */
/** `rows`, when given, gets one row per burst (the bursts table of the outputs). */
export function burstParticipation(ds: Dataset, m: Members, timelines: Timeline[], rows?: BurstRow[]): Signal[] {
  // The bursting hashtags' value ids: one pass over the values against the few wanted keys, rather than a
  // map of every value (millions on a big project) to look a few up.
  const bursting = timelines.filter((t) => t.kind === 'hashtag' && t.bursts.length > 0);
  const idOf = new Map(bursting.map((t) => ['hashtag:' + t.key, -1]));
  if (idOf.size > 0) {
    const values = ds.objects.values;
    for (let i = 0; i < values.length; i++) if (idOf.has(values[i])) idOf.set(values[i], i);
  }
  const wanted = new Map<number, Timeline>(); // in the timelines' order, which breaks ties between bursts below
  for (const t of bursting) {
    const id = idOf.get('hashtag:' + t.key)!;
    if (id >= 0) wanted.set(id, t);
  }
  const postsOf = new Map<number, number[]>();
  for (let o = 0; o < ds.objects.count; o++) {
    if (!wanted.has(ds.objects.value[o])) continue;
    const list = postsOf.get(ds.objects.value[o]);
    if (list) list.push(ds.objects.post[o]);
    else postsOf.set(ds.objects.value[o], [ds.objects.post[o]]);
  }
  const nC = m.lists.length;
  const perAccount = new Float64Array(ds.accounts.count);
  const bestBurst: ({ reason: string; memberPosts: number } | null)[] = new Array(nC).fill(null);
  for (const [id, t] of wanted) {
    const posts = postsOf.get(id) ?? [];
    for (const b of t.bursts) {
      const inside = posts.filter((p) => ds.posts.time[p] >= b.start && ds.posts.time[p] <= b.end);
      const byComm = new Map<number, number[]>();
      for (const p of inside) {
        const c = m.membership[ds.posts.author[p]];
        if (c < 0) continue;
        const l = byComm.get(c);
        if (l) l.push(p);
        else byComm.set(c, [p]);
      }
      if (rows) {
        let top: number | null = null;
        let topPosts = 0;
        for (const [c, ps] of byComm)
          if (ps.length > topPosts || (ps.length === topPosts && c < top!)) [top, topPosts] = [c, ps.length];
        rows.push({
          hashtag: t.key,
          start: b.start,
          end: b.end,
          posts: b.posts,
          accounts: b.accounts,
          peakZ: b.peakZ,
          baselinePerBin: b.baselinePerBin,
          binSeconds: t.binSeconds,
          topCommunity: top,
          topCommunityPosts: topPosts,
          reason: b.reason,
        });
      }
      for (const [c, ps] of byComm) {
        if (ps.length < 0.5 * inside.length) continue;
        const mine = new Map<number, number>();
        for (const p of ps) mine.set(ds.posts.author[p], (mine.get(ds.posts.author[p]) ?? 0) + 1);
        for (const [a, k] of mine) perAccount[a] = Math.max(perAccount[a], k);
        if (!bestBurst[c] || ps.length > bestBurst[c]!.memberPosts) {
          bestBurst[c] = { reason: `${b.reason}, ${ps.length} of them by members`, memberPosts: ps.length };
        }
      }
    }
  }
  return m.lists.map((list, c) => {
    const perMember = new Float32Array(list.length);
    let active = 0;
    list.forEach((a, i) => {
      perMember[i] = perAccount[a] >= 2 ? 1 : perAccount[a] === 1 ? 0.3 : 0;
      if (perAccount[a] >= 2) active++;
    });
    const share = active / list.length;
    const best = bestBurst[c];
    return {
      group: 'timing',
      perMember,
      memberReason: (i) => `posted ${perAccount[list[i]]} times inside one hashtag burst the community dominated`,
      evidence: {
        key: 'burst',
        label: 'Hashtag bursts',
        value: round(share),
        unit: 'share',
        strength: round(ramp(share, 0.2, 0.5)),
        reason: best
          ? `${active} of ${list.length} members (${pct(share)}) posted repeatedly inside hashtag bursts the community dominated: ${best.reason}`
          : 'Members dominate no hashtag burst',
      },
    };
  });
}

/** Objects grouped by post: the object rows of post p are order[start[p] .. start[p+1]). */
function objectsByPost(ds: Dataset): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(ds.posts.count + 1);
  for (let o = 0; o < ds.objects.count; o++) start[ds.objects.post[o] + 1]++;
  for (let p = 0; p < ds.posts.count; p++) start[p + 1] += start[p];
  const next = start.slice(0, ds.posts.count);
  const order = new Int32Array(ds.objects.count);
  for (let o = 0; o < ds.objects.count; o++) order[next[ds.objects.post[o]]++] = o;
  return { start, order };
}
