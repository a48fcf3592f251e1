/**
 * The panels' channels (account.get, cascade.get, timeline.get, community.get, export.report, export.gexf of
 * a view) through the real backend and the real pipeline, on CooRTweet's russian_coord_tweets.csv (MIT, by
 * Nicola Righetti and Paul Balluff; see ../shared/data/README.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { createBackend, type Backend } from '../../src/main/server/backend';
import { openProject } from '../../src/main/store/project';
import { structuralViralityOf } from '../../src/shared/analysis/cascades';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS, type ExportOutcome } from '../../src/shared/api/contract';
import type { AccountDetail, CascadeDetail, CommunityExtra, TimelineSet } from '../../src/shared/api/explore-types';

const REPO = resolve(import.meta.dirname, '../..');
const COORD = resolve(REPO, '../shared/data/russian_coord_tweets.csv');

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const envelope = await backend.call(channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('exploration channels on CooRTweet data', () => {
  let dir: string;
  let backend: Backend;
  let output: AnalysisOutput;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claque-explore-'));
    backend = createBackend({ project: join(dir, 'p.claque'), create: true, runAnalysis });
    await call(backend, 'import.run', { jobId: 'i1', file: COORD });
    output = await call(backend, 'analysis.run', { jobId: 'a1', parameters: DEFAULT_ANALYSIS_PARAMETERS });
  }, 120_000);
  afterAll(() => {
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('account.get: profile, hour-of-week, a bounded page of posts, ties both ways and the verdict', async () => {
    const busiest = [...output.accounts].sort((a, b) => (b.posts ?? 0) - (a.posts ?? 0))[0];
    const detail = await call<AccountDetail>(backend, 'account.get', { accountId: busiest.accountId, postsLimit: 5 });
    expect(detail.inProject).toBe(true);
    expect(detail.postCount).toBe(busiest.posts);
    expect(detail.hourOfWeek).toHaveLength(168);
    expect(detail.hourOfWeek.reduce((s, n) => s + n, 0)).toBe(busiest.posts);
    expect(detail.posts).toHaveLength(Math.min(5, detail.postCount));
    const times = detail.posts.map((p) => p.time ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const next = await call<AccountDetail>(backend, 'account.get', {
      accountId: busiest.accountId,
      postsLimit: 5,
      postsOffset: 5,
    });
    expect(next.posts.map((p) => p.id)).not.toContain(detail.posts[0].id);
    // A share table names the shared object, not its author: no interactions to list.
    expect(detail).toMatchObject({ interactionsOut: [], interactionsIn: [], interactionsOutTotal: 0 });
    expect(detail.analysis).toMatchObject({ community: busiest.community, flagged: busiest.flagged });
    expect(await backend.call('account.get', { accountId: 'no-such-account' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await backend.call('account.get', { accountId: 'x', postsLimit: 10_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('cascade.get: the largest cascade as parents and offsets that reproduce its metrics', async () => {
    const largest = [...output.cascades].sort((a, b) => b.size - a.size)[0];
    const c = await call<CascadeDetail>(backend, 'cascade.get', { rootPostId: largest.rootPostId });
    expect(c.result).toEqual(largest);
    expect(c.parent).toHaveLength(largest.size);
    expect(c.parent[0]).toBe(-1);
    expect(c.parent.every((p, k) => k === 0 || (p >= 0 && p < k))).toBe(true);
    expect(structuralViralityOf(Int32Array.from(c.parent))).toBeCloseTo(largest.structuralVirality, 9);
    expect(c.offset.filter((t, k) => k > 0 && t <= 60)).toHaveLength(largest.sharesFirstMinute);
    expect(c.accounts[0]).toBe(largest.rootAccountId);
    expect(c.accounts.slice(1).every((a) => a.length > 0)).toBe(true);
    const communityOf = new Map(output.accounts.map((a) => [a.accountId, a.community]));
    expect(c.community).toEqual(c.accounts.map((a) => communityOf.get(a) ?? -1));
    const cut = await call<CascadeDetail>(backend, 'cascade.get', { rootPostId: largest.rootPostId, maxNodes: 3 });
    expect(cut).toMatchObject({ truncated: true, parent: c.parent.slice(0, 3) });
  });

  it('community.get: creation, activity, top targets and repeated texts of the top community', async () => {
    const top = output.communities[0];
    const extra = await call<CommunityExtra>(backend, 'community.get', { community: top.id });
    const memberPosts = output.accounts.filter((a) => a.community === top.id).reduce((s, a) => s + (a.posts ?? 0), 0);
    expect(extra.activity.reduce((s, b) => s + b.count, 0)).toBe(memberPosts);
    // A share table has no interactions, creation dates or texts.
    expect(extra.topTargets).toEqual([]);
    expect(extra.creation).toEqual([]);
    expect(extra.repeatedTexts).toEqual([]);
  });

  it('timeline.get answers for hashtags (none in a share table) and refuses too many terms', async () => {
    const set = await call<TimelineSet>(backend, 'timeline.get', { kind: 'hashtag' });
    expect(set).toEqual({ kind: 'hashtag', timelines: [], total: 0 });
    const terms = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(await backend.call('timeline.get', { kind: 'term', terms })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('export.gexf of a view keeps exactly the chosen nodes; export.report states the numbers', async () => {
    const ring = output.communities[0];
    const nodes = output.graph.community.flatMap((c, p) => (c === ring.id ? [p] : []));
    const view = Buffer.alloc(Math.ceil(output.graph.nodes.length / 8));
    for (const p of nodes) view[p >> 3] |= 1 << (p & 7);
    const gexf = await call<ExportOutcome>(backend, 'export.gexf', { view: view.toString('base64') });
    expect(gexf.fileName).toMatch(/-view\.gexf$/);
    const g = parse(Graph, gexf.content);
    expect(g.order).toBe(nodes.length);
    expect(await backend.call('export.gexf', { view: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('expected') },
    });
    const report = await call<ExportOutcome>(backend, 'export.report', { community: ring.id });
    expect(report.mimeType).toBe('text/html');
    for (const reason of ring.reasons) expect(report.content).toContain(reason.replace(/&/g, '&amp;'));
    expect(report.content).toContain('russian_coord_tweets.csv');
    expect(await backend.call('export.report', { community: -99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('account.get on an X IO archive (hand-written fixture, test/fixtures/twitter)', () => {
  let dir: string;
  let backend: Backend;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claque-account-'));
    backend = createBackend({ project: join(dir, 'p.claque'), create: true, runAnalysis });
    await call(backend, 'import.run', { jobId: 'u', file: join(REPO, 'test/fixtures/twitter/io_users.csv') });
    await call(backend, 'import.run', { jobId: 't', file: join(REPO, 'test/fixtures/twitter/io_tweets.csv') });
  });
  afterAll(() => {
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the profile and the ties both ways, counted as the store counts them', async () => {
    const db = openProject(join(dir, 'p.claque'));
    const [sourceId, extId, total] = db
      .prepare(
        'SELECT i.source_id, a.ext_id, count(*) FROM interactions i JOIN accounts a ON a.id = i.source_id GROUP BY i.source_id ORDER BY count(*) DESC, i.source_id LIMIT 1',
      )
      .raw()
      .get() as [number, string, number];
    const profile = db
      .prepare('SELECT screen_name, description, followers FROM accounts WHERE id = ?')
      .get(sourceId) as {
      screen_name: string;
      description: string | null;
      followers: number | null;
    };
    const inbound = db.prepare('SELECT count(*) FROM interactions WHERE target_id = ?').pluck().get(sourceId);
    db.close();
    const detail = await call<AccountDetail>(backend, 'account.get', { accountId: extId });
    expect(detail).toMatchObject({
      screenName: profile.screen_name,
      description: profile.description,
      followers: profile.followers,
      interactionsOutTotal: total,
      interactionsInTotal: inbound,
      analysis: null,
    });
    expect(detail.interactionsOut.reduce((s, t) => s + t.count, 0)).toBe(total);
    expect(detail.interactionsOut.every((t) => t.accountId.length > 0 && t.kind.length > 0)).toBe(true);
  });
});
