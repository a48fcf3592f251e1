/**
 * Evidence whose producer found too little data carries `insufficient: true` (and strength 0), so front ends can
 * show its value for reference only; evidence measured on enough data carries no flag at all.
 */
import { describe, expect, it } from 'vitest';
import type { PostRecord, RecordBatch } from '../model/records';
import { datasetFromRecords } from './dataset-from-records';
import { analyseCommunities } from './evidence';
import { accountFeatures } from './features';
import type { Evidence } from './result';
import { trollShift } from './test-troll-shift';

const tw = 'twitter' as const;
const BASE = Date.UTC(2024, 0, 1) / 1000; // Monday 00:00 UTC

function evidenceOf(batches: RecordBatch[], members: string[]): Map<string, Evidence> {
  const ds = datasetFromRecords(batches);
  const membership = Int32Array.from(ds.accounts.extId, (id) => (members.includes(id) ? 0 : -1));
  const result = analyseCommunities(ds, membership, 1, accountFeatures(ds), { timelines: [] });
  return new Map(result.communities[0].evidence.map((e) => [e.key, e]));
}

/** Signals a producer may call too thin to judge, and the ones that always state a finding. */
const THIN_KEYS = [
  'shift_pattern',
  'round_the_clock',
  'creation_clustering',
  'handle_pattern',
  'duplicate_text',
  'near_duplicate_text',
  'client_uniformity',
  'synchrony',
  'insularity',
  'reciprocity',
  'target_concentration',
];

describe('evidence on too little data', () => {
  it('marks every signal a five-post community cannot support as insufficient, with strength 0', () => {
    // Five nameless accounts, one dated post each on Monday 10:00 UTC: no text, client, creation date or tie.
    const posts: PostRecord[] = Array.from({ length: 5 }, (_, i) => ({
      platform: tw,
      id: 'p' + i,
      authorId: 'a' + i,
      time: BASE + 10 * 3600 + i * 60,
      kind: 'original',
    }));
    const ev = evidenceOf([{ posts }], ['a0', 'a1', 'a2', 'a3', 'a4']);
    const shift = ev.get('shift_pattern')!;
    // The raw value is kept for reference (all 5 posts fall in the window) but it is not a finding.
    expect(shift.value).toBe(1);
    expect(shift.strength).toBe(0);
    expect(shift.insufficient).toBe(true);
    expect(shift.reason).toBe('Too little activity (5 posts) to judge working hours');
    for (const key of THIN_KEYS) {
      const e = ev.get(key)!;
      expect(e.insufficient, key).toBe(true);
      expect(e.strength, key).toBe(0);
    }
    expect(ev.get('round_the_clock')!.reason).toBe(
      'No member has enough dated posts to judge a round-the-clock schedule',
    );
    expect(ev.get('handle_pattern')!.reason).toBe(
      'No member has a screen name in the data, so handles cannot be judged',
    );
    // Every post is dated, so the rate is measured; cue sharing and bursts state that nothing was found.
    expect(ev.get('activity_rate')!.insufficient).toBeUndefined();
    expect(ev.get('cue_sharing')!.insufficient).toBeUndefined();
    expect(ev.get('burst')!.insufficient).toBeUndefined();
  });

  it('marks the activity rate insufficient when no member has a dated post', () => {
    const posts: PostRecord[] = ['a', 'b', 'c'].map((a) => ({
      platform: tw,
      id: a + '1',
      authorId: a,
      kind: 'original',
    }));
    const rate = evidenceOf([{ posts }], ['a', 'b', 'c']).get('activity_rate')!;
    expect(rate.insufficient).toBe(true);
    expect(rate.strength).toBe(0);
    expect(rate.reason).toBe('No member has a dated post, so the activity rate cannot be measured');
  });

  it('leaves the flag off evidence measured on enough data', () => {
    // Six generated-looking accounts created on consecutive days, 25 templated weekday posts each from one
    // client, replying to each other in a ring: 150 posts, enough for every profile signal.
    const { accounts, posts } = trollShift(BASE);
    const interactions = accounts.map((a, i) => ({
      platform: tw,
      sourceId: a.id,
      targetId: accounts[(i + 1) % 6].id,
      kind: 'reply' as const,
      time: BASE + i,
    }));
    const ev = evidenceOf(
      [{ accounts, posts, interactions }],
      accounts.map((a) => a.id),
    );
    for (const key of [
      'shift_pattern',
      'creation_clustering',
      'handle_pattern',
      'duplicate_text',
      'near_duplicate_text',
      'client_uniformity',
      'activity_rate',
      'insularity',
      'reciprocity',
      'target_concentration',
    ]) {
      expect('insufficient' in ev.get(key)!, key).toBe(false);
    }
    expect(ev.get('shift_pattern')!.strength).toBe(1);
    // The flag survives the JSON that communities.json and the browser-mode API carry.
    const thin = evidenceOf([{ posts: posts.slice(0, 5) }], ['t0']).get('shift_pattern')!;
    expect(JSON.parse(JSON.stringify(thin)).insufficient).toBe(true);
  });
});
