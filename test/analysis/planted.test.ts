/**
 * The planted-ring test: a seeded synthetic investigation (test/fixtures/planted) is written into a real
 * project with RecordWriter, analysed by the real pipeline (runAnalysis with its defaults), and the flagged
 * accounts are scored against the planted truth: account-level F1 ≥ 0.9 and no decoy flagged. The same data,
 * exported as IO-archive / follow-list / share-table files, goes through the importers too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/main/analysis/load-dataset';
import { importFile } from '../../src/main/import/run-import';
import { openProject, type Db } from '../../src/main/store/project';
import { hashtagTimelines } from '../../src/shared/analysis/bursts';
import type { Dataset } from '../../src/shared/analysis/dataset';
import { writePlantedFiles } from '../fixtures/planted/export';
import { generatePlanted, type Planted } from '../fixtures/planted/generate';
import { writeRecords } from '../fixtures/planted/write-project';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import { scoreFlags } from './score-flags';

let dir: string;
let planted: Planted;
let ds: Dataset;
let result: AnalysisOutput;

// The real pipeline with its defaults (the graph a new user gets from `claque run`); a short layout keeps the
// test fast and does not touch the verdicts.
const analyse = (db: Db) => runAnalysis(db, {}, { layoutIterations: 5 });
const flaggedIds = (r: AnalysisOutput) =>
  r.accounts
    .filter((a) => a.flagged)
    .map((a) => a.accountId)
    .sort();

/** The community holding most of the given accounts. */
function communityOf(ids: string[]) {
  const communityOfAccount = new Map(result.accounts.map((a) => [a.accountId, a.community]));
  const votes = new Map<number, number>();
  for (const id of ids) {
    const c = communityOfAccount.get(id) ?? -1;
    if (c >= 0) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0][0];
  return result.communities.find((c) => c.id === best)!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claque-planted-'));
  planted = generatePlanted({ seed: 20240101 });
  const db = openProject(join(dir, 'planted.claque'));
  try {
    writeRecords(db, planted.batches);
    ds = loadDataset(db);
    result = await analyse(db);
  } finally {
    db.close();
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planted rings', () => {
  it('round-trips the generated records through a project', () => {
    expect(ds.accounts.count).toBe(planted.counts.accounts);
    expect(ds.posts.count).toBe(planted.counts.posts);
    expect(ds.interactions.count).toBe(planted.counts.interactions);
    expect(ds.follows.count).toBe(planted.counts.follows);
  });

  it('flags the coordinated accounts with F1 ≥ 0.9 and no decoy', () => {
    const flagged = flaggedIds(result);
    const s = scoreFlags(flagged, planted.truth.coordinated, planted.truth.decoys);
    console.log(
      `planted: F1 ${s.f1.toFixed(3)} (precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}; ` +
        `${s.truePositives} of ${planted.truth.coordinated.length} coordinated accounts flagged, ` +
        `${s.falsePositives.length} false positives, ${s.flaggedDecoys.length} decoys flagged)`,
    );
    expect(s.flaggedDecoys).toEqual([]);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    for (const id of Object.values(planted.truth.hubs)) expect(flagged).not.toContain(id);
    for (const [ring, ids] of Object.entries(planted.truth.rings)) {
      const caught = ids.filter((id) => flagged.includes(id)).length;
      expect(caught / ids.length, ring).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('says why, in numbers: a shift at UTC+3, round-the-clock bots, on-cue sharing, a 47-minute burst', () => {
    const trolls = communityOf(planted.truth.rings.troll_factory);
    expect(trolls.flagged).toBe(true);
    expect(trolls.shiftUtcOffset).toBe(3);
    expect(trolls.reasons.join('\n')).toMatch(/fall on weekdays between 09:00–18:00 UTC\+3/);

    const bots = communityOf(planted.truth.rings.bot_ring);
    expect(bots.flagged).toBe(true);
    expect(bots.evidence.find((e) => e.key === 'round_the_clock')!.strength).toBe(1);

    const cue = communityOf(planted.truth.rings.cue_sharing);
    expect(cue.flagged).toBe(true);
    expect(cue.reasons.join('\n')).toMatch(
      /repeatedly shared @senator_hallbrook's posts on cue: 8 posts were each shared by members within 60 s/,
    );

    const campaign = communityOf(planted.truth.rings.hashtag_burst);
    expect(campaign.flagged).toBe(true);
    const timeline = hashtagTimelines(ds).find((t) => t.key === planted.truth.campaign.tag)!;
    expect(timeline.bursts[0].reason).toMatch(/^100 accounts posted #cleanwatersnow 412 times within 47 minutes/);
    // The bursts table (bursts.csv): the campaign is the largest burst, and the campaign's community posted it.
    const top = result.bursts![0];
    expect(top).toMatchObject({ hashtag: 'cleanwatersnow', posts: 412, accounts: 100, topCommunity: campaign.id });
    expect(top.end - top.start).toBeLessThan(47 * 60);
    // Counted here: the burst's posts by accounts of that community, and by the planted campaign's accounts.
    const communityOfAccount = new Map(result.accounts.map((a) => [a.accountId, a.community]));
    const campaignIds = new Set(planted.truth.rings.hashtag_burst);
    const tag = ds.objects.values.indexOf('hashtag:cleanwatersnow');
    let byCommunity = 0;
    let byRing = 0;
    for (let o = 0; o < ds.objects.count; o++) {
      const p = ds.objects.post[o];
      if (ds.objects.value[o] !== tag || ds.posts.time[p] < top.start || ds.posts.time[p] > top.end) continue;
      const author = ds.accounts.extId[ds.posts.author[p]];
      if (communityOfAccount.get(author) === campaign.id) byCommunity++;
      if (campaignIds.has(author)) byRing++;
    }
    expect(top.topCommunityPosts).toBe(byCommunity);
    expect(byRing).toBeGreaterThan(400);
    expect(byCommunity).toBeGreaterThan(400);
    for (let i = 1; i < result.bursts!.length; i++)
      expect(result.bursts![i - 1].posts).toBeGreaterThanOrEqual(result.bursts![i].posts);
  });

  it('leaves dense organic communities alone: the fan club is insular and in sync, and not flagged', () => {
    const fans = communityOf(planted.truth.decoyGroups.fan_club);
    expect(fans.flagged).toBe(false);
    expect(fans.evidence.find((e) => e.key === 'insularity')!.strength).toBeGreaterThanOrEqual(0.5);
    expect(fans.reasons[0]).toMatch(/^Not flagged/);
    const breaking = communityOf(planted.truth.decoyGroups.breaking_news);
    expect(breaking.flagged).toBe(false);
  });

  it('is deterministic: the same seed gives the same records', () => {
    const again = generatePlanted({ seed: 20240101 });
    expect(again.counts).toEqual(planted.counts);
    const fingerprint = (p: Planted) => p.batches.flatMap((b) => (b.posts ?? []).map((x) => x.id + x.time)).join();
    expect(fingerprint(again)).toBe(fingerprint(planted));
    expect(fingerprint(generatePlanted({ seed: 7, organic: 300 }))).not.toBe(fingerprint(planted));
  });
});

describe('planted files through the importers', () => {
  it('imports the IO-archive export to the same dataset and the same verdicts', async () => {
    const files = writePlantedFiles(join(dir, 'files'), planted);
    const db = openProject(join(dir, 'from-files.claque'));
    let fromFiles: Dataset;
    let again: AnalysisOutput;
    try {
      for (const f of files.filter((x) => x.format !== 'share-table')) {
        const r = await importFile(db, f.file, { format: f.format, ...f.options, strict: true });
        expect(r.errorCount, f.file).toBe(0);
      }
      fromFiles = loadDataset(db);
      again = await analyse(db);
    } finally {
      db.close();
    }
    expect(fromFiles.accounts.count).toBe(ds.accounts.count);
    expect(fromFiles.posts.count).toBe(ds.posts.count);
    expect(fromFiles.interactions.count).toBe(ds.interactions.count);
    expect(fromFiles.follows.count).toBe(ds.follows.count);
    // Minute-precision tweet_time + snowflake ids: every second survives.
    const times = (d: Dataset) => new Map(d.posts.extId.map((id, i) => [id, d.posts.time[i]]));
    expect(times(fromFiles)).toEqual(times(ds));
    expect(flaggedIds(again)).toEqual(flaggedIds(result));
    const s = scoreFlags(flaggedIds(again), planted.truth.coordinated, planted.truth.decoys);
    expect(s.flaggedDecoys).toEqual([]);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('exports the retweets as a CooRTweet share table', async () => {
    const files = writePlantedFiles(join(dir, 'files2'), planted);
    const shares = files.find((f) => f.format === 'share-table')!;
    const db = openProject(join(dir, 'shares.claque'));
    try {
      const r = await importFile(db, shares.file, { format: shares.format, ...shares.options, strict: true });
      const retweets = planted.batches.flatMap((b) => b.posts ?? []).filter((p) => p.kind === 'retweet').length;
      expect(r.rowsImported).toBe(retweets);
      expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(retweets);
    } finally {
      db.close();
    }
  });
});
