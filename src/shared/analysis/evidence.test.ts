import { describe, expect, it } from 'vitest';
import type { FollowRecord, PostRecord, RecordBatch } from '../model/records';
import { datasetFromRecords } from './dataset-from-records';
import { analyseCommunities } from './evidence';
import type { Signal } from './evidence-signal';
import { accountFeatures } from './features';
import { trollShift } from './test-troll-shift';
import { communityVerdict } from './verdict';

const tw = 'twitter' as const;
const BASE = Date.UTC(2024, 0, 1) / 1000; // Monday 00:00 UTC

/** Account index → community, from ext ids. */
function membershipOf(ext: string[], groups: Record<string, number>): Int32Array {
  return Int32Array.from(ext, (id) => groups[id] ?? -1);
}

function run(batches: RecordBatch[], groups: Record<string, number>, communityCount = 1) {
  const ds = datasetFromRecords(batches);
  const features = accountFeatures(ds);
  const result = analyseCommunities(ds, membershipOf(ds.accounts.extId, groups), communityCount, features, {
    timelines: [],
  });
  const ev = (c: number, key: string) =>
    result.communities.find((x) => x.id === c)!.evidence.find((e) => e.key === key)!;
  return { ds, result, ev };
}

/** An official posting `posts` originals a day apart at 10:00 UTC, each retweeted by S1…S6 after 10+i s. */
function cueCase(
  opts: { posts?: number; latency?: (i: number) => number; follows?: FollowRecord[] } = {},
): RecordBatch[] {
  const posts: PostRecord[] = [];
  const k = opts.posts ?? 3;
  for (let d = 0; d < k; d++) {
    const t = BASE + d * 86400 + 10 * 3600;
    posts.push({ platform: tw, id: 'o' + d, authorId: 'O', time: t, kind: 'original', text: 'Statement number ' + d });
    for (let i = 1; i <= 6; i++) {
      const lat = opts.latency ? opts.latency(i) : 10 + i;
      posts.push({
        platform: tw,
        id: `r${d}-${i}`,
        authorId: 'S' + i,
        time: t + lat,
        kind: 'retweet',
        parentId: 'o' + d,
        parentAuthorId: 'O',
        objects: [{ kind: 'post', value: 'o' + d }],
      });
    }
  }
  return [{ accounts: [{ platform: tw, id: 'O', screenName: 'minister' }], posts, follows: opts.follows }];
}
const CUE_GROUPS = { O: 0, S1: 0, S2: 0, S3: 0, S4: 0, S5: 0, S6: 0 };

describe('cue sharing', () => {
  it('flags members who repeatedly share one account straight from the original within 60 s, not the account', () => {
    const { result, ev } = run(cueCase(), CUE_GROUPS);
    const cue = ev(0, 'cue_sharing');
    // 6 of 7 members shared ≥ 2 of 3 cued posts: 0.857; strength 1 (≥ 40 % of members).
    expect(cue.value).toBe(0.857);
    expect(cue.strength).toBe(1);
    expect(cue.reason).toBe(
      "6 of 7 members (86 %) repeatedly shared @minister's posts on cue: 3 posts were each shared by members within 60 s (median 14 s), 100 % of those shares straight from the original post",
    );
    const c = result.communities[0];
    expect(c.flagged).toBe(true);
    expect(c.score).toBe(1);
    const flagged = result.accounts.filter((a) => a.flagged).map((a) => a.accountId);
    expect(flagged).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
    expect(result.accounts.find((a) => a.accountId === 'S1')!.reasons[0]).toBe(
      "shared 3 of @minister's posts within 60 s, straight from the original",
    );
  });

  it('does not count shares that may have come through a followed earlier sharer (fan-club cascades)', () => {
    const follows = ['S2', 'S3', 'S4', 'S5', 'S6'].map((f) => ({ platform: tw, followerId: f, followedId: 'S1' }));
    const { result, ev } = run(cueCase({ follows }), CUE_GROUPS);
    expect(ev(0, 'cue_sharing').strength).toBe(0);
    expect(result.communities[0].flagged).toBe(false);
  });

  it('does not flag a single breaking-news moment, or shares after minutes', () => {
    expect(run(cueCase({ posts: 1 }), CUE_GROUPS).result.communities[0].flagged).toBe(false);
    expect(run(cueCase({ posts: 2 }), CUE_GROUPS).ev(0, 'cue_sharing').strength).toBe(0);
    const slow = run(cueCase({ latency: (i) => 60 * (2 + i) }), CUE_GROUPS);
    expect(slow.ev(0, 'cue_sharing').strength).toBe(0);
    expect(slow.result.communities[0].flagged).toBe(false);
  });
});

describe('synchrony', () => {
  it('counts actions within Δt of another member on the same object, and distinct objects', () => {
    const rt = (id: string, a: string, obj: string, t: number): PostRecord => ({
      platform: tw,
      id,
      authorId: a,
      time: BASE + t,
      kind: 'retweet',
      parentId: obj,
      objects: [{ kind: 'post', value: obj }],
    });
    // X: A 0 s, B 30 s (both synced), C 200 s (alone); Y: A 1000 s, C 1050 s (synced): 4 of 5 on 2 objects.
    const posts = [
      rt('1', 'A', 'X', 0),
      rt('2', 'B', 'X', 30),
      rt('3', 'C', 'X', 200),
      rt('4', 'A', 'Y', 1000),
      rt('5', 'C', 'Y', 1050),
    ];
    const { ev } = run([{ posts }], { A: 0, B: 0, C: 0 });
    const s = ev(0, 'synchrony');
    expect(s.value).toBe(0.8);
    // ramp(0.8; 0.15–0.5) = 1 × ramp(2 objects; 1–10) = 1/9.
    expect(s.strength).toBe(0.111);
    expect(s.reason).toBe(
      "80 % of members' 5 actions on shared objects came within 60 s of another member's action on the same object, on 2 distinct objects",
    );
  });
});

describe('creation clustering and insularity', () => {
  it('finds the largest 28-day creation window and the inside share of received engagement', () => {
    const days = [0, 5, 10, 20, 400, 800];
    const accounts = days.map((d, i) => ({ platform: tw, id: 'm' + i, createdAt: BASE + d * 86400 }));
    const interactions = [
      { platform: tw, sourceId: 'm0', targetId: 'm1', kind: 'reply' as const, time: BASE },
      { platform: tw, sourceId: 'm1', targetId: 'm0', kind: 'reply' as const, time: BASE + 1 },
      { platform: tw, sourceId: 'm2', targetId: 'm0', kind: 'mention' as const, time: BASE + 2 },
      { platform: tw, sourceId: 'outsider', targetId: 'm0', kind: 'retweet' as const, time: BASE + 3 },
      { platform: tw, sourceId: 'm3', targetId: 'outsider', kind: 'follow' as const, time: BASE + 3 },
    ];
    const { ev, result } = run([{ accounts, interactions }], Object.fromEntries(days.map((_, i) => ['m' + i, 0])));
    const cc = ev(0, 'creation_clustering');
    expect(cc.value).toBe(0.667); // 4 of 6
    expect(cc.strength).toBe(0.917); // (0.667 − 0.3) / 0.4
    expect(cc.reason).toBe(
      '4 of 6 members with a known creation date (67 %) were created within 28 days of each other (2024-01-01 to 2024-01-21)',
    );
    const ins = ev(0, 'insularity');
    expect(ins.value).toBe(0.75); // 3 of 4 received engagements come from members; follows are not engagement
    expect(ins.strength).toBe(0.625);
    const tc = ev(0, 'target_concentration');
    expect(tc.value).toBe(1); // 3 engagements, 2 targets: all within the top 3
    // Dense, insular, created together — but only one family of evidence: not flagged.
    expect(result.communities[0].flagged).toBe(false);
  });
});

describe('a small troll shift', () => {
  it('flags name+digit accounts created together, posting templates on weekdays 09–18 at UTC+3', () => {
    const { accounts, posts } = trollShift(BASE - 300 * 86400);
    const { result, ev } = run([{ accounts, posts }], Object.fromEntries(accounts.map((a) => [a.id, 0])));
    const c = result.communities[0];
    // 150 posts, all on weekdays between 06:00 and 14:00 UTC: coverage 1, reported as 09:00–18:00 UTC+3.
    expect(ev(0, 'shift_pattern').value).toBe(1);
    expect(ev(0, 'shift_pattern').reason).toMatch(
      /^100 % of members' 150 posts fall on weekdays between 09:00–18:00 UTC\+3/,
    );
    expect(c.shiftUtcOffset).toBe(3);
    expect(ev(0, 'creation_clustering').value).toBe(1);
    expect(ev(0, 'handle_pattern').value).toBe(1);
    expect(ev(0, 'client_uniformity').value).toBe(1);
    expect(ev(0, 'near_duplicate_text').value).toBe(1);
    expect(c.flagged).toBe(true);
    expect(c.reasons[0]).toBe(
      'Flagged: 5 independent kinds of evidence (schedule, creation, handles, text, client) point to coordination',
    );
    expect(result.accounts.every((a) => a.flagged)).toBe(true);
  });
});

describe('communityVerdict', () => {
  const sig = (key: string, group: Signal['group'], strength: number): Signal => ({
    group,
    perMember: new Float32Array([1, 1, 1, 1, 1]),
    evidence: { key, label: key, value: strength, unit: 'share', strength, reason: key },
  });

  it('never flags on dense-community signals alone', () => {
    const v = communityVerdict(50, [
      sig('insularity', 'context', 1),
      sig('target_concentration', 'context', 1),
      sig('synchrony', 'timing', 1),
    ]);
    expect(v.flagged).toBe(false);
    expect(v.score).toBeLessThan(0.5);
  });
  it('needs three independent families, counting one family once', () => {
    expect(
      communityVerdict(50, [
        sig('shift_pattern', 'schedule', 0.9),
        sig('round_the_clock', 'schedule', 0.9),
        sig('handle_pattern', 'handles', 0.9),
      ]).flagged,
    ).toBe(false);
    const v = communityVerdict(50, [
      sig('shift_pattern', 'schedule', 0.6),
      sig('handle_pattern', 'handles', 0.6),
      sig('duplicate_text', 'text', 0.6),
    ]);
    expect(v.flagged).toBe(true);
    expect(v.score).toBe(0.54); // 0.9 × mean(0.6, 0.6, 0.6)
  });
  it('flags overwhelming cue sharing alone, and never communities under 5 members', () => {
    expect(communityVerdict(50, [sig('cue_sharing', 'timing', 0.8)]).flagged).toBe(true);
    expect(communityVerdict(50, [sig('cue_sharing', 'timing', 0.7)]).flagged).toBe(false);
    expect(
      communityVerdict(4, [
        sig('cue_sharing', 'timing', 1),
        sig('handle_pattern', 'handles', 1),
        sig('duplicate_text', 'text', 1),
        sig('client', 'client', 1),
      ]).flagged,
    ).toBe(false);
  });
});

describe('round the clock, bursts, duplicates and activity rate', () => {
  it('counts members posting round the clock for months', () => {
    const posts: PostRecord[] = [];
    // b0–b2: one post every 2 hours for 60 days (quietest 6 h hold 25 %); p0, p1: 08:00–22:00 only.
    for (let b = 0; b < 3; b++) {
      for (let h = 0; h < 60 * 24; h += 2)
        posts.push({
          platform: tw,
          id: `b${b}-${h}`,
          authorId: 'b' + b,
          time: BASE + h * 3600 + b * 60,
          kind: 'original',
        });
    }
    for (let p = 0; p < 2; p++) {
      for (let d = 0; d < 60; d++)
        for (let h = 8; h < 22; h += 2)
          posts.push({
            platform: tw,
            id: `p${p}-${d}-${h}`,
            authorId: 'p' + p,
            time: BASE + d * 86400 + h * 3600,
            kind: 'original',
          });
    }
    const { ev, result } = run([{ posts }], { b0: 0, b1: 0, b2: 0, p0: 0, p1: 0 });
    const rtc = ev(0, 'round_the_clock');
    expect(rtc.value).toBe(0.6); // 3 of 5
    expect(rtc.strength).toBe(1); // ramp(0.6; 0.2–0.6)
    expect(rtc.reason).toBe(
      '3 of 5 members (60 %) post round the clock for months: on average 25 % of their posts fall in the quietest 6 hours of the day (people who sleep: under 5 %)',
    );
    // 720 posts over 60 days for a bot (12 per day), 420 over 60 days for a sleeper (7 per day): median 12.
    expect(ev(0, 'activity_rate').value).toBe(12);
    expect(result.communities[0].flagged).toBe(false); // schedule alone is one family
  });

  it('measures repeated posting inside a hashtag burst the community dominates', () => {
    const posts: PostRecord[] = [];
    const t0 = BASE + 10 * 86400;
    for (let a = 0; a < 8; a++) {
      for (let k = 0; k < 3; k++) {
        posts.push({
          platform: tw,
          id: `m${a}-${k}`,
          authorId: 'm' + a,
          time: t0 + a * 20 + k * 160,
          kind: 'original',
          text: 'x',
          objects: [{ kind: 'hashtag', value: 'x' }],
        });
      }
    }
    posts.push({
      platform: tw,
      id: 'o1',
      authorId: 'o1',
      time: t0 + 100,
      kind: 'original',
      objects: [{ kind: 'hashtag', value: 'x' }],
    });
    posts.push({
      platform: tw,
      id: 'o2',
      authorId: 'o2',
      time: t0 + 200,
      kind: 'original',
      objects: [{ kind: 'hashtag', value: 'x' }],
    });
    // A quiet tag elsewhere keeps the dataset's span long: 20 days of 5-minute bins, nearly all empty for #x.
    for (let d = 0; d < 20; d++)
      posts.push({ platform: tw, id: 'q' + d, authorId: 'q', time: BASE + d * 86400, kind: 'original' });
    const ds = datasetFromRecords([{ posts }]);
    const groups: Record<string, number> = Object.fromEntries(Array.from({ length: 8 }, (_, a) => ['m' + a, 0]));
    groups.o1 = 1;
    groups.o2 = 1;
    const result = analyseCommunities(ds, membershipOf(ds.accounts.extId, groups), 2, accountFeatures(ds), {
      burstOptions: { minPosts: 20 },
    });
    const burst = result.communities.find((c) => c.id === 0)!.evidence.find((e) => e.key === 'burst')!;
    // 26 posts of #x from 0 s to 7 × 20 + 2 × 160 = 460 s (7 min 40 s, "8 minutes"); members wrote 24 (≥ half), each posted 3 times: all 8 of 8.
    expect(burst.value).toBe(1);
    expect(burst.strength).toBe(1);
    expect(burst.reason).toMatch(
      /^8 of 8 members \(100 %\) posted repeatedly inside hashtag bursts the community dominated: 10 accounts posted #x 26 times within 8 minutes/,
    );
    const outsiders = result.communities.find((c) => c.id === 1)!.evidence.find((e) => e.key === 'burst')!;
    expect(outsiders.value).toBe(0);
  });

  it('measures exact and near-duplicate text between members', () => {
    const text = (id: string, a: string, t: string): PostRecord => ({
      platform: tw,
      id,
      authorId: a,
      time: BASE,
      kind: 'original',
      text: t,
    });
    const same = 'Vote for the new bridge project in our beautiful city today';
    const posts = [
      text('1', 'a', same),
      text('2', 'b', same + '!'),
      text('3', 'c', 'Vote for the new school project in our beautiful city today'),
      text('4', 'c', 'Completely unrelated words about football and weather here'),
      text('5', 'd', 'Another unrelated sentence on coffee and morning trains'),
      text('6', 'outsider', 'Completely unrelated words about football and weather here'),
    ];
    // Ten more unique texts by d, so the community has enough own posts to judge (≥ 10).
    for (let k = 0; k < 10; k++)
      posts.push(text('d' + k, 'd', `Unique note number ${k} ${'abcdefghij'[k]} about something else entirely`));
    const { ev } = run([{ posts }], { a: 0, b: 0, c: 0, d: 0 });
    // 15 member texts; word for word among members: posts 1 and 2 → 2 of 15. Post 4 repeats only an outsider.
    expect(ev(0, 'duplicate_text').value).toBe(0.133);
    expect(ev(0, 'duplicate_text').strength).toBe(0.111); // (0.133 − 0.1) / 0.3
    // Nearly: posts 1, 2 and 3 (one word changed) → 3 of 15.
    expect(ev(0, 'near_duplicate_text').value).toBe(0.2);
  });
});

describe('reciprocity', () => {
  it('tells mutual engagement from a hub', () => {
    const r = (s: string, t: string, k: number) => ({
      platform: tw,
      sourceId: s,
      targetId: t,
      kind: 'reply' as const,
      time: BASE + k,
    });
    // Directed pairs inside: a→b, b→a, c→a, d→a (twice): 2 of 4 pairs are mutual.
    const interactions = [r('a', 'b', 1), r('b', 'a', 2), r('c', 'a', 3), r('d', 'a', 4), r('d', 'a', 5)];
    const accounts = [{ platform: tw, id: 'a', screenName: 'hub' }];
    const { ev } = run([{ accounts, interactions }], { a: 0, b: 0, c: 0, d: 0 });
    const rec = ev(0, 'reciprocity');
    expect(rec.value).toBe(0.5);
    // a receives 4 of 5 inside engagements: hub share 0.8 → ramp 1 × (1 − 0.5).
    expect(rec.strength).toBe(0.5);
    expect(rec.reason).toBe(
      '50 % of the 4 member pairs engaging inside the community engage each other both ways; the most engaged member (@hub) receives 80 % of the inside engagement',
    );
  });
});
