/**
 * Evidence from who the members are and how they post: working shifts or round-the-clock schedules, account
 * creation dates, handles, duplicated text, clients, activity rate; and the two context numbers every dense
 * community shows (insularity, target concentration).
 */
import { INTERACTION_KIND_CODES, type Dataset } from './dataset';
import { accountLabel, insufficientWhen, isoDay, pct, ramp, round, type Signal } from './evidence-signal';
import type { Members } from './evidence-timing';
import type { AccountFeatures } from './features';
import { bestShift, formatUtcOffset, HOURS_PER_WEEK } from './shift';

export interface ProfileOptions {
  shiftHours: number;
  /** Window for creation-date clustering, days (default 28). */
  creationWindowDays: number;
}

/** Members' hour-of-week activity (168 counts, Monday 00:00 UTC first). */
export function memberHourOfWeek(f: AccountFeatures, list: Int32Array): number[] {
  const hist = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const a of list) for (let h = 0; h < HOURS_PER_WEEK; h++) hist[h] += f.hourOfWeek[a * HOURS_PER_WEEK + h];
  return hist;
}

/**
 * Office-shift structure of the members' pooled activity: the share inside the best weekday window of
 * `shiftHours` over all UTC offsets (uniform activity puts 5/7 × 9/24 ≈ 27 % there; people's diurnal
 * activity ~35–45 %; a shift workforce over 80 %).
 */
export function shiftPattern(
  f: AccountFeatures,
  list: Int32Array,
  hist: number[],
  opt: ProfileOptions,
): { signal: Signal; offset: number } {
  const fit = bestShift(hist, 0, opt.shiftHours);
  const t = fit.startHour - fit.utcOffset;
  const inWindow = (a: number): [number, number] => {
    let inside = 0;
    let total = 0;
    for (let h = 0; h < HOURS_PER_WEEK; h++) total += f.hourOfWeek[a * HOURS_PER_WEEK + h];
    for (let d = 0; d < 5; d++) {
      for (let k = 0; k < opt.shiftHours; k++) {
        const h = (((d * 24 + t + k) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
        inside += f.hourOfWeek[a * HOURS_PER_WEEK + h];
      }
    }
    return [inside, total];
  };
  const perMember = new Float32Array(list.length);
  list.forEach((a, i) => {
    const [inside, total] = inWindow(a);
    perMember[i] = total >= 5 ? ramp(inside / total, 0.5, 0.8) : 0;
  });
  const enough = fit.total >= 100;
  const window = `${pad(fit.startHour)}:00–${pad((fit.startHour + opt.shiftHours) % 24)}:00 ${formatUtcOffset(fit.utcOffset)}`;
  return {
    offset: fit.utcOffset,
    signal: {
      group: 'schedule',
      perMember,
      memberReason: (i) => {
        const [inside, total] = inWindow(list[i]);
        return `${pct(inside / total)} of posts on weekdays ${window}`;
      },
      evidence: {
        key: 'shift_pattern',
        label: 'Working-shift pattern',
        value: round(fit.coverage),
        unit: 'share',
        strength: enough ? round(ramp(fit.coverage, 0.6, 0.85)) : 0,
        reason: enough
          ? `${pct(fit.coverage)} of members' ${fit.total} posts fall on weekdays between ${window} ` +
            `(best fit over all UTC offsets −12…+14, assuming a shift starting near 09:00 local; ` +
            `${pct(fit.weekdayShare)} on weekdays; round-the-clock activity would put 27 % there)`
          : `Too little activity (${fit.total} posts) to judge working hours`,
        ...insufficientWhen(!enough),
      },
    },
  };
}

export function roundTheClock(f: AccountFeatures, list: Int32Array): Signal {
  let k = 0;
  let quiet = 0;
  // Members with enough dated posts for a daily rhythm (quietShare is NaN below the features' minimum).
  let measured = 0;
  const perMember = new Float32Array(list.length);
  list.forEach((a, i) => {
    perMember[i] = f.roundTheClock[a];
    if (!Number.isNaN(f.quietShare[a])) measured++;
    if (f.roundTheClock[a]) {
      k++;
      quiet += f.quietShare[a];
    }
  });
  const share = k / list.length;
  return {
    group: 'schedule',
    perMember,
    memberReason: (i) =>
      `posts round the clock: ${pct(f.quietShare[list[i]])} of posts in the quietest 6 hours of the day`,
    evidence: {
      key: 'round_the_clock',
      label: 'Round-the-clock activity',
      value: round(share),
      unit: 'share',
      strength: round(ramp(share, 0.2, 0.6)),
      reason:
        measured === 0
          ? 'No member has enough dated posts to judge a round-the-clock schedule'
          : k === 0
            ? 'No member posts round the clock for months'
            : `${k} of ${list.length} members (${pct(share)}) post round the clock for months: ` +
              `on average ${pct(quiet / k)} of their posts fall in the quietest 6 hours of the day (people who sleep: under 5 %)`,
      ...insufficientWhen(measured === 0),
    },
  };
}

/** The most members created within any window of `creationWindowDays` (sliding over sorted creation times). */
export function creationClustering(f: AccountFeatures, list: Int32Array, opt: ProfileOptions): Signal {
  const known = Array.from(list)
    .map((a, i) => ({ t: f.createdAt[a], i }))
    .filter((x) => !Number.isNaN(x.t))
    .sort((x, y) => x.t - y.t);
  const span = opt.creationWindowDays * 86400;
  let best = 0;
  let bestFrom = 0;
  for (let lo = 0, hi = 0; hi < known.length; hi++) {
    while (known[hi].t - known[lo].t > span) lo++;
    if (hi - lo + 1 > best) {
      best = hi - lo + 1;
      bestFrom = lo;
    }
  }
  const perMember = new Float32Array(list.length);
  const from = known.length ? known[bestFrom].t : NaN;
  const to = known.length ? known[bestFrom + best - 1].t : NaN;
  for (let j = bestFrom; j < bestFrom + best; j++) perMember[known[j].i] = 1;
  const enough = known.length >= 5 && known.length >= 0.5 * list.length;
  const share = known.length ? best / known.length : 0;
  return {
    group: 'creation',
    perMember: enough ? perMember : new Float32Array(list.length),
    memberReason: (i) =>
      `created ${isoDay(f.createdAt[list[i]])}, inside the members' ${opt.creationWindowDays}-day creation cluster`,
    evidence: {
      key: 'creation_clustering',
      label: 'Creation dates',
      value: round(share),
      unit: 'share',
      strength: enough ? round(ramp(share, 0.3, 0.7)) : 0,
      reason: enough
        ? `${best} of ${known.length} members with a known creation date (${pct(share)}) were created within ` +
          `${opt.creationWindowDays} days of each other (${isoDay(from)} to ${isoDay(to)})`
        : `Creation dates known for ${known.length} of ${list.length} members: too few to judge`,
      ...insufficientWhen(!enough),
    },
  };
}

export function handlePatterns(ds: Dataset, f: AccountFeatures, list: Int32Array): Signal {
  const perMember = new Float32Array(list.length);
  let k = 0;
  let named = 0;
  const examples: string[] = [];
  list.forEach((a, i) => {
    perMember[i] = ramp(f.handleScore[a], 0.3, 0.7);
    if (ds.accounts.screenName[a]) named++;
    if (f.handleScore[a] >= 0.6) {
      k++;
      if (examples.length < 3 && ds.accounts.screenName[a]) examples.push('@' + ds.accounts.screenName[a]);
    }
  });
  // Judged over the members whose handle is known: comment exports show one only for vanity addresses, and
  // a profile.php?id= member is neither a generated handle nor a human one.
  const share = named ? k / named : 0;
  const enough = named >= 5;
  return {
    group: 'handles',
    perMember,
    memberReason: (i) =>
      `handle @${ds.accounts.screenName[list[i]]} looks generated (name + digit run or random characters)`,
    evidence: {
      key: 'handle_pattern',
      label: 'Generated-looking handles',
      value: round(share),
      unit: 'share',
      strength: enough ? round(ramp(share, 0.25, 0.6)) : 0,
      reason: !enough
        ? named === 0
          ? 'No member has a screen name in the data, so handles cannot be judged'
          : `${named} of ${list.length} members have a screen name in the data: too few to judge handles`
        : `${k} of the ${named} members with a screen name (${pct(share)}) have handles that look generated (name + long digit run, or random characters)` +
          (examples.length ? `, e.g. ${examples.join(', ')}` : ''),
      ...insufficientWhen(!enough),
    },
  };
}

/**
 * Members' own texts that equal (exact) or nearly equal (near) another member's text: templates. Each is the
 * share of the members' text posts whose group holds posts by at least two members.
 */
export function duplicateText(f: AccountFeatures, list: Int32Array): Signal[] {
  const make = (groups: Int32Array, key: string, label: string, lo: number, hi: number, what: string): Signal => {
    const firstAuthor = new Map<number, number>();
    const multi = new Set<number>();
    let textPosts = 0;
    for (const a of list) {
      for (let j = f.byAuthor.start[a]; j < f.byAuthor.start[a + 1]; j++) {
        const g = groups[f.byAuthor.order[j]];
        if (g < 0) continue;
        textPosts++;
        const first = firstAuthor.get(g);
        if (first === undefined) firstAuthor.set(g, a);
        else if (first !== a) multi.add(g);
      }
    }
    const perMember = new Float32Array(list.length);
    const dupCount = new Int32Array(list.length);
    const ownCount = new Int32Array(list.length);
    let dups = 0;
    list.forEach((a, i) => {
      for (let j = f.byAuthor.start[a]; j < f.byAuthor.start[a + 1]; j++) {
        const g = groups[f.byAuthor.order[j]];
        if (g < 0) continue;
        ownCount[i]++;
        if (multi.has(g)) dupCount[i]++;
      }
      dups += dupCount[i];
      // Two repeats at least: one short "Congratulations!" shared with another member is a coincidence.
      perMember[i] = dupCount[i] >= 2 ? ramp(dupCount[i] / ownCount[i], 0.05, 0.3) : 0;
    });
    const share = textPosts ? dups / textPosts : 0;
    const enough = textPosts >= 10;
    return {
      group: 'text',
      perMember,
      memberReason: (i) => `${dupCount[i]} of ${ownCount[i]} own posts ${what} other members' texts`,
      evidence: {
        key,
        label,
        value: round(share),
        unit: 'share',
        strength: enough ? round(ramp(share, lo, hi)) : 0,
        reason: enough
          ? `${dups} of members' ${textPosts} own posts (${pct(share)}) ${what} another member's text ` +
            `(${multi.size} shared text${multi.size === 1 ? '' : 's'})`
          : `Members wrote ${textPosts} posts of their own: too few to judge templated text`,
        ...insufficientWhen(!enough),
      },
    };
  };
  return [
    make(f.text.exact, 'duplicate_text', 'Duplicate text', 0.1, 0.4, 'repeat word for word'),
    make(f.text.near, 'near_duplicate_text', 'Near-duplicate text', 0.15, 0.5, 'nearly repeat (MinHash Jaccard ≥ 0.5)'),
  ];
}

export function clientUniformity(ds: Dataset, f: AccountFeatures, list: Int32Array): Signal {
  // Counted by client index (features.postClient), not by string: a million map lookups on a big project.
  const counts = new Int32Array(f.clients.length);
  let total = 0;
  for (const a of list) {
    for (let j = f.byAuthor.start[a]; j < f.byAuthor.start[a + 1]; j++) {
      const c = f.postClient[f.byAuthor.order[j]];
      if (c < 0 || f.clients[c] === '') continue;
      counts[c]++;
      total++;
    }
  }
  let top = '';
  let topN = 0;
  let distinct = 0;
  counts.forEach((n, c) => {
    if (n === 0) return;
    distinct++;
    const name = f.clients[c];
    if (n > topN || (n === topN && name < top)) [top, topN] = [name, n];
  });
  const share = total ? topN / total : 0;
  const enough = total >= 20;
  const topId = f.clients.indexOf(top);
  const perMember = new Float32Array(list.length);
  list.forEach((a, i) => {
    perMember[i] = f.topClient[a] === topId && topId >= 0 ? ramp(f.clientTopShare[a], 0.6, 0.9) : 0;
  });
  return {
    group: 'client',
    perMember,
    memberReason: (i) => `${pct(f.clientTopShare[list[i]])} of posts from "${top}", like the rest of the community`,
    evidence: {
      key: 'client_uniformity',
      label: 'Client uniformity',
      value: round(share),
      unit: 'share',
      strength: enough ? round(ramp(share, 0.7, 0.95)) : 0,
      reason: enough
        ? `${pct(share)} of members' ${total} posts with a known client came from one client, "${top}" (${distinct} clients in all)`
        : 'Too few posts with a known client to judge',
      ...insufficientWhen(!enough),
    },
  };
}

export function activityRate(f: AccountFeatures, list: Int32Array): Signal {
  const rates = Array.from(list)
    .filter((a) => f.posts[a] > 0)
    .map((a) => f.activityRate[a])
    .sort((x, y) => x - y);
  const med = rates.length ? rates[rates.length >> 1] : 0;
  // A rate needs dated posts: without any, the median of zeros says nothing.
  const dated = list.some((a) => f.activeDays[a] > 0);
  const perMember = new Float32Array(list.length);
  list.forEach((a, i) => (perMember[i] = ramp(f.activityRate[a], 12, 40)));
  return {
    group: 'rate',
    perMember,
    memberReason: (i) => `${round(f.activityRate[list[i]], 1)} posts per active day`,
    evidence: {
      key: 'activity_rate',
      label: 'Activity rate',
      value: round(med, 2),
      unit: 'per_day',
      strength: round(ramp(med, 12, 40)),
      reason: dated
        ? `The median member posts ${round(med, 1)} times per active day`
        : 'No member has a dated post, so the activity rate cannot be measured',
      ...insufficientWhen(!dated),
    },
  };
}

/**
 * Context: insularity (share of the engagement members receive that comes from members) and target
 * concentration (share of members' engagements going to their three most engaged targets). Fan clubs and
 * news audiences score high on both, so neither ever counts towards a flag on its own.
 */
export function contextSignals(ds: Dataset, m: Members): Signal[][] {
  const nC = m.lists.length;
  const received = new Float64Array(nC);
  const fromInside = new Float64Array(nC);
  const targets: Map<number, number>[] = m.lists.map(() => new Map());
  const follow = INTERACTION_KIND_CODES.indexOf('follow');
  const carried = new Uint8Array(ds.posts.count);
  const nA = ds.accounts.count;
  // Directed (source, target) pairs inside a community, packed as source·nA + target; sorted and deduplicated
  // below (a typed-array sort, rather than a Set of millions of large numbers).
  const insideKeys: number[] = [];
  const insideReceived = new Float64Array(nA);
  const engage = (s: number, t: number) => {
    if (s === t) return;
    const ct = m.membership[t];
    const cs = m.membership[s];
    if (ct >= 0) {
      received[ct]++;
      if (cs === ct) {
        fromInside[ct]++;
        insideReceived[t]++;
        insideKeys.push(s * nA + t);
      }
    }
    if (cs >= 0) targets[cs].set(t, (targets[cs].get(t) ?? 0) + 1);
  };
  for (let i = 0; i < ds.interactions.count; i++) {
    if (ds.interactions.kind[i] === follow) continue;
    engage(ds.interactions.source[i], ds.interactions.target[i]);
    if (ds.interactions.post[i] >= 0) carried[ds.interactions.post[i]] = 1;
  }
  for (let p = 0; p < ds.posts.count; p++) {
    if (!carried[p] && ds.posts.parentAuthor[p] >= 0) engage(ds.posts.author[p], ds.posts.parentAuthor[p]);
  }
  const sorted = Float64Array.from(insideKeys).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i];
  const insidePairs = sorted.subarray(0, unique);
  const hasPair = (key: number): boolean => {
    let lo = 0;
    let hi = insidePairs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (insidePairs[mid] === key) return true;
      if (insidePairs[mid] < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const pairs = new Float64Array(nC);
  const mutual = new Float64Array(nC);
  for (const key of insidePairs) {
    const s = Math.floor(key / nA);
    const t = key - s * nA;
    pairs[m.membership[s]]++;
    if (hasPair(t * nA + s)) mutual[m.membership[s]]++;
  }
  return m.lists.map((list, c) => {
    const ins = received[c] ? fromInside[c] / received[c] : 0;
    let hub = 0;
    let hubAccount = -1;
    for (const a of list) {
      if (insideReceived[a] > hub) {
        hub = insideReceived[a];
        hubAccount = a;
      }
    }
    const hubShare = fromInside[c] ? hub / fromInside[c] : 0;
    const reciprocity = pairs[c] ? mutual[c] / pairs[c] : 0;
    const counts = Array.from(targets[c].values()).sort((x, y) => y - x);
    const total = counts.reduce((s, x) => s + x, 0);
    const top3 = counts.slice(0, 3).reduce((s, x) => s + x, 0);
    const conc = total ? top3 / total : 0;
    const none = new Float32Array(list.length);
    return [
      {
        group: 'context',
        perMember: none,
        evidence: {
          key: 'insularity',
          label: 'Insularity',
          value: round(ins),
          unit: 'share',
          strength: round(ramp(ins, 0.5, 0.9)),
          reason: received[c]
            ? `${pct(ins)} of the ${received[c]} engagements members receive come from other members`
            : 'Members receive no engagement in the data',
          ...insufficientWhen(!received[c]),
        },
      },
      {
        group: 'context',
        perMember: none,
        evidence: {
          // Descriptive: fan clubs engage each other both ways; rings pour engagement into one hub. Its strength
          // (hub-focused, one-way) is context and never counts towards a flag.
          key: 'reciprocity',
          label: 'Reciprocity inside',
          value: round(reciprocity),
          unit: 'share',
          strength: round(ramp(hubShare, 0.3, 0.8) * (1 - reciprocity)),
          reason: pairs[c]
            ? `${pct(reciprocity)} of the ${pairs[c]} member pairs engaging inside the community engage each other both ways; ` +
              `the most engaged member (${accountLabel(ds.accounts.screenName[hubAccount], ds.accounts.extId[hubAccount])}) ` +
              `receives ${pct(hubShare)} of the inside engagement`
            : 'Members do not engage each other',
          ...insufficientWhen(!pairs[c]),
        },
      },
      {
        group: 'context',
        perMember: none,
        evidence: {
          key: 'target_concentration',
          label: 'Target concentration',
          value: round(conc),
          unit: 'share',
          strength: round(ramp(conc, 0.5, 0.9)),
          reason: total
            ? `${pct(conc)} of members' ${total} engagements go to their 3 most engaged accounts or pages (${counts.length} targets in all)`
            : 'Members engage no accounts or pages in the data',
          ...insufficientWhen(!total),
        },
      },
    ];
  });
}

function pad(h: number): string {
  return String(h).padStart(2, '0');
}
