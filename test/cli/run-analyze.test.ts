import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FEATURE_COLUMNS } from '../../src/shared/io/feature-table';
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import type { CliIo } from '../../src/main/cli/io';
import type { AnalysisSummary, CommunitySummary } from '../../src/shared/analysis/result';
import { detectGroups, generateCoordinatedNetwork } from '../../src/shared/analysis/coortweet';
import { tempDir } from '../helpers/temp-dir';

// Real data: CooRTweet's russian_coord_tweets (Kulichkina, Righetti & Waldherr 2024; CooRTweet, MIT licence,
// Righetti & Balluff), see ../shared/data/README.md.
const SHARES = resolve(__dirname, '../../../shared/data/russian_coord_tweets.csv');

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('claque run and claque analyze on a real share table', () => {
  const dir = tempDir('claque-run-');
  const outDir = join(dir, 'out');
  let stdout = '';

  /** `claque analyze` on the imported project again, into DIR/name, with these options; must succeed. */
  const analyzeAgain = async (name: string, args: string[]) => {
    const m = memoryIo();
    const out = join(dir, name);
    expect(await runCli(['analyze', join(outDir, 'project.claque'), '--out', out, ...args], m.io), m.err()).toBe(0);
    return { m, out };
  };

  beforeAll(async () => {
    const m = memoryIo();
    const code = await runCli(['run', SHARES, '--out', outDir], m.io);
    stdout = m.out();
    expect(code, m.err()).toBe(0);
  }, 120_000);

  it('imports into a fresh project in DIR and writes every output', () => {
    expect(existsSync(join(outDir, 'project.claque'))).toBe(true);
    for (const f of [
      'graph.gexf',
      'communities.json',
      'accounts.csv',
      'features.csv',
      'cascades.csv',
      'summary.json',
      'coaction_edges.csv',
      'bursts.csv',
    ]) {
      expect(existsSync(join(outDir, f)), f).toBe(true);
    }
    expect(readdirSync(outDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(stdout).toMatch(/accounts in the graph, \d+ edges, \d+ communities \(modularity 0\.\d+\)/);
  });

  it('writes a GEXF 1.3 that parses back with the attributes Gephi users filter on', () => {
    const xml = readFileSync(join(outDir, 'graph.gexf'), 'utf8');
    expect(xml).toContain('version="1.3"');
    expect(xml).not.toMatch(/<attribute[^>]*title="type"/);
    const g = parseGexf(Graph, xml);
    const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as AnalysisSummary;
    expect(g.order).toBe(summary.counts.nodes);
    expect(g.size).toBe(summary.counts.edges);
    const node = g.nodes()[0];
    const attrs = g.getNodeAttributes(node);
    for (const key of ['community', 'score', 'flagged', 'posts', 'x', 'y', 'color', 'size'])
      expect(attrs, key).toHaveProperty(key);
    const edge = g.edges()[0];
    expect(g.getEdgeAttribute(edge, 'weight')).toBeGreaterThan(0);
  });

  it('writes features.csv: the numbers behind the evidence, one row per account in the graph', () => {
    const accounts = parseCsv(readFileSync(join(outDir, 'accounts.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const rows = parseCsv(readFileSync(join(outDir, 'features.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...FEATURE_COLUMNS]);
    expect(rows.map((r) => r.account_id)).toEqual(accounts.map((a) => a.account_id));
    // A share table: every account posted (shared) at least once, with ISO times, and engaged with no one.
    for (const r of rows) {
      expect(Number(r.posts)).toBeGreaterThan(0);
      expect(r.first_post).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(r.first_post <= r.last_post).toBe(true);
    }
    const busiest = rows.reduce((a, b) => (Number(b.posts) > Number(a.posts) ? b : a));
    expect(Number(busiest.posts_per_active_day)).toBeGreaterThan(0);
  });

  it('writes one accounts.csv row per account in the graph, and ranked communities', () => {
    const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as AnalysisSummary;
    const rows = parseCsv(readFileSync(join(outDir, 'accounts.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      'account_id',
      'screen_name',
      'community',
      'score',
      'flagged',
      'reasons',
      'component',
    ]);
    expect(rows.length).toBe(summary.counts.nodes);
    const communities = JSON.parse(readFileSync(join(outDir, 'communities.json'), 'utf8')) as CommunitySummary[];
    expect(communities.length).toBe(summary.counts.communities);
    for (let i = 1; i < communities.length; i++)
      expect(communities[i - 1].score).toBeGreaterThanOrEqual(communities[i].score);
    for (const c of communities) {
      expect(c.evidence.length).toBeGreaterThan(5);
      for (const e of c.evidence) expect(e.reason.length).toBeGreaterThan(10);
    }
    expect(summary.parameters).toMatchObject({ graph: 'default', windowSeconds: 60, minParticipation: 2, seed: 1 });
    for (const stage of ['load', 'graph', 'communities', 'evidence', 'cascades', 'layout']) {
      expect(summary.timings[stage], stage).toBeGreaterThanOrEqual(0);
    }
  });

  it('reconstructs one cascade per shared object', () => {
    const rows = parseCsv(readFileSync(join(outDir, 'cascades.csv')), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5000);
    const sizes = rows.map((r) => Number(r.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.used_follows))).toEqual(new Set(['false']));
  });

  it('analyses the same project again as a co-retweet graph, deterministically', async () => {
    const a = memoryIo();
    const b = memoryIo();
    const project = join(outDir, 'project.claque');
    const args = ['--coaction', 'retweet', '--window', '60', '--min-participation', '2', '--seed', '7'];
    expect(await runCli(['analyze', project, '--out', join(dir, 'a'), ...args], a.io)).toBe(0);
    expect(await runCli(['analyze', project, '--out', join(dir, 'b'), ...args], b.io)).toBe(0);
    const ca = readFileSync(join(dir, 'a', 'communities.json'), 'utf8');
    expect(ca).toBe(readFileSync(join(dir, 'b', 'communities.json'), 'utf8'));
    const edges = parseCsv(readFileSync(join(dir, 'a', 'coaction_edges.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(edges[0])).toEqual(['account_a', 'account_b', 'weight', 'avg_delta_s', 'symmetry']);
    // accounts.csv's component: the connected components of coaction_edges.csv, found here by breadth-first
    // search, numbered largest first (ties: the one whose first account comes first in accounts.csv).
    const accounts = parseCsv(readFileSync(join(dir, 'a', 'accounts.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const next = new Map<string, string[]>();
    for (const e of edges) {
      (next.get(e.account_a) ?? next.set(e.account_a, []).get(e.account_a)!).push(e.account_b);
      (next.get(e.account_b) ?? next.set(e.account_b, []).get(e.account_b)!).push(e.account_a);
    }
    const groupOf = new Map<string, number>();
    const groups: string[][] = [];
    for (const a of accounts) {
      if (groupOf.has(a.account_id)) continue;
      const group = [a.account_id];
      groupOf.set(a.account_id, groups.length);
      for (let i = 0; i < group.length; i++) {
        for (const b of next.get(group[i]) ?? []) {
          if (groupOf.has(b)) continue;
          groupOf.set(b, groups.length);
          group.push(b);
        }
      }
      groups.push(group);
    }
    const sizes = groups.map((g) => g.length).sort((x, y) => y - x);
    const summaryA = JSON.parse(readFileSync(join(dir, 'a', 'summary.json'), 'utf8')) as AnalysisSummary;
    expect(summaryA.counts.components).toBe(groups.length);
    const byComponent = new Map<string, string[]>();
    for (const a of accounts)
      (byComponent.get(a.component) ?? byComponent.set(a.component, []).get(a.component)!).push(a.account_id);
    expect([...byComponent.values()].map((g) => g.length).sort((x, y) => y - x)).toEqual(sizes);
    expect(byComponent.get('0')!.length).toBe(sizes[0]);
    for (const members of byComponent.values()) {
      expect(new Set(members.map((m) => groupOf.get(m))).size).toBe(1);
    }
    for (const e of edges.slice(0, 200)) {
      expect(Number(e.avg_delta_s)).toBeLessThanOrEqual(60);
      expect(Number(e.symmetry)).toBeGreaterThan(0);
      expect(Number(e.symmetry)).toBeLessThanOrEqual(1);
    }
  }, 120_000);

  it('--coaction coortweet writes exactly the network CooRTweet computes from the raw CSV', async () => {
    const { out } = await analyzeAgain('coor', [
      '--coaction',
      'coortweet',
      '--window',
      '60',
      '--min-participation',
      '2',
    ]);
    const got = parseCsv(readFileSync(join(out, 'coaction_edges.csv')), { columns: true }) as Record<string, string>[];

    // The reference: the CSV read directly, no importer, no project.
    const raw = parseCsv(readFileSync(SHARES), { columns: true }) as Record<string, string>[];
    const rows = {
      objectId: raw.map((r) => r.object_id),
      accountId: raw.map((r) => r.account_id),
      contentId: raw.map((r) => r.content_id),
      timestamp: raw.map((r) => Number(r.timestamp_share)),
    };
    const net = generateCoordinatedNetwork(rows, detectGroups(rows, { timeWindow: 60, minParticipation: 2 }));
    const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
    const want = new Map<string, [number, number, number]>();
    for (let e = 0; e < net.edges.source.length; e++) {
      const k = key(net.accounts[net.edges.source[e]], net.accounts[net.edges.target[e]]);
      want.set(k, [net.edges.weight[e], net.avgTimeDelta[e], net.edgeSymmetryScore[e]]);
    }
    expect(got.length).toBe(want.size);
    for (const r of got) {
      const w = want.get(key(r.account_a, r.account_b));
      expect(w, key(r.account_a, r.account_b)).toBeDefined();
      expect(Number(r.weight)).toBe(w![0]);
      expect(Number(r.avg_delta_s)).toBeCloseTo(w![1], 3);
      expect(Number(r.symmetry)).toBeCloseTo(w![2], 3);
    }
  }, 120_000);

  it('--window auto estimates the window as CooRnet does, from the raw CSV', async () => {
    const { m, out } = await analyzeAgain('auto', ['--coaction', 'retweet', '--window', 'auto']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AnalysisSummary;

    // The reference, written out here: estimate_coord_interval(q = 0.1, p = 0.5) over the CSV's shares, each
    // share once (the file repeats one row; a project stores it once), with R's type-7 quantile.
    const raw = parseCsv(readFileSync(SHARES), { columns: true }) as Record<string, string>[];
    const byObject = new Map<string, Map<string, number>>();
    for (const r of raw) {
      const shares = byObject.get(r.object_id) ?? byObject.set(r.object_id, new Map()).get(r.object_id)!;
      shares.set(r.content_id, Number(r.timestamp_share));
    }
    const quantile = (values: number[], p: number) => {
      const v = [...values].sort((a, b) => a - b);
      const h = (v.length - 1) * p;
      const lo = Math.floor(h);
      return v[lo] + (h - lo) * (v[Math.min(lo + 1, v.length - 1)] - v[lo]);
    };
    const groups = [...byObject.values()].filter((s) => s.size > 1).map((s) => [...s.values()].sort((a, b) => a - b));
    const cut = quantile(
      groups.map((t) => t[1] - t[0]),
      0.1,
    );
    const quick = groups.filter((t) => t[1] - t[0] <= cut);
    const reach = quick.map((t) => t.find((_, i) => (i + 1) / t.length > 0.5)! - t[0]);
    const want = quantile(reach, 0.5);

    expect(summary.windowEstimate).toMatchObject({ objectsShared: groups.length, objectsQuick: quick.length });
    expect(summary.windowEstimate!.seconds).toBeCloseTo(want, 6);
    expect(summary.parameters).toMatchObject({ autoWindow: true, windowSeconds: Math.ceil(want) });
    expect(m.out()).toContain(`co-action window: ${Math.ceil(want)} s, estimated from the data`);
    const edges = parseCsv(readFileSync(join(out, 'coaction_edges.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    for (const e of edges) expect(Number(e.avg_delta_s)).toBeLessThanOrEqual(Math.ceil(want));
  }, 120_000);

  it('--from / --to analyse one period alone: its shares, its accounts, its cascades', async () => {
    const { m, out } = await analyzeAgain('week', [
      '--coaction',
      'retweet',
      '--from',
      '2021-01-27',
      '--to',
      '2021-01-31',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AnalysisSummary;

    // From the raw CSV: the shares (one post per content_id) from 27 January 00:00 to 31 January 23:59:59 UTC.
    const from = Date.UTC(2021, 0, 27) / 1000;
    const to = Date.UTC(2021, 1, 1) / 1000 - 1;
    const raw = parseCsv(readFileSync(SHARES), { columns: true }) as Record<string, string>[];
    const inside = raw.filter((r) => Number(r.timestamp_share) >= from && Number(r.timestamp_share) <= to);
    expect(summary.parameters).toMatchObject({ from, to });
    expect(summary.counts.posts).toBe(new Set(inside.map((r) => r.content_id)).size);
    // One cascade per retweeted post; a share is one post, retweeting its first row's object (the file repeats
    // a few content_ids on a second row, with another object).
    const parentOf = new Map<string, string>();
    for (const r of inside) if (!parentOf.has(r.content_id)) parentOf.set(r.content_id, r.object_id);
    expect(summary.counts.cascades).toBe(new Set(parentOf.values()).size);
    expect(m.out()).toContain(`period: 2021-01-27 00:00 UTC to 2021-01-31 23:59:59 UTC: ${summary.counts.posts} posts`);
    // Every account in the graph shared inside the period.
    const sharers = new Set(inside.map((r) => r.account_id));
    const accounts = parseCsv(readFileSync(join(out, 'accounts.csv')), { columns: true }) as Record<string, string>[];
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) expect(sharers.has(a.account_id), a.account_id).toBe(true);
  }, 120_000);

  it('--projection post links accounts by the retweeted posts they share, as counted from the raw CSV', async () => {
    const { m, out } = await analyzeAgain('projection', ['--projection', 'post', '--min-weight', '3']);

    // The reference: per object the distinct accounts that shared it; objects with more than 1,000 are left out.
    const raw = parseCsv(readFileSync(SHARES), { columns: true }) as Record<string, string>[];
    const sharers = new Map<string, Set<string>>();
    for (const r of raw)
      (sharers.get(r.object_id) ?? sharers.set(r.object_id, new Set()).get(r.object_id)!).add(r.account_id);
    const shared = new Map<string, number>();
    let skipped = 0;
    for (const accounts of sharers.values()) {
      if (accounts.size > 1000) skipped++;
      if (accounts.size < 2 || accounts.size > 1000) continue;
      const list = [...accounts].sort();
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          shared.set(`${list[i]} ${list[j]}`, (shared.get(`${list[i]} ${list[j]}`) ?? 0) + 1);
    }
    const want = new Map([...shared].filter(([, w]) => w >= 3));

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AnalysisSummary;
    expect(summary.projection).toEqual({ targets: sharers.size, skippedTargets: skipped, maxTargetDegree: 1000 });
    expect(m.out()).toContain(`projection on post: ${sharers.size} targets, ${skipped} left out`);
    const g = parseGexf(Graph, readFileSync(join(out, 'graph.gexf'), 'utf8'));
    expect(g.size).toBe(want.size);
    g.forEachEdge((_e, attrs, a, b) => {
      const key = a < b ? `${a} ${b}` : `${b} ${a}`;
      expect(attrs.weight, key).toBe(want.get(key));
      expect(attrs.kind).toBe('shared_target');
    });
  }, 120_000);

  it('says why a graph came out empty, in terms of the options given', async () => {
    const late = await analyzeAgain('empty-period', ['--from', '2030-01-01']);
    expect(late.m.err()).toContain(
      'the graph is empty: the period 2030-01-01 00:00 UTC to the end holds no posts or interactions; choose another period',
    );
    const pages = await analyzeAgain('empty-pages', ['--projection', 'page']);
    expect(pages.m.err()).toContain('no two accounts share a target of the kinds page: try other targets');
    expect(pages.m.out()).toMatch(/^0 accounts in the graph/m);
  });

  it('refuses bad options with usage errors and a missing project with a clear message', async () => {
    const m = memoryIo();
    expect(await runCli(['analyze', join(outDir, 'project.claque'), '--out', dir, '--graph', 'likes'], m.io)).toBe(2);
    expect(m.err()).toMatch(/--graph expects kinds from retweet, reply/);
    const t = memoryIo();
    const project = join(outDir, 'project.claque');
    expect(await runCli(['analyze', project, '--out', dir, '--from', 'last week'], t.io)).toBe(2);
    expect(t.err()).toMatch(/--from expects a date or time .* got "last week"/);
    const u = memoryIo();
    expect(await runCli(['analyze', project, '--out', dir, '--from', '2021-02-01', '--to', '2021-01-01'], u.io)).toBe(
      2,
    );
    expect(u.err()).toMatch(/--to \(2021-01-01\) is before --from \(2021-02-01\)/);
    const v = memoryIo();
    expect(await runCli(['analyze', project, '--out', dir, '--projection', 'page,likes'], v.io)).toBe(2);
    expect(v.err()).toMatch(/--projection expects targets from page, post, url, domain, hashtag, image, account/);
    const w = memoryIo();
    expect(
      await runCli(['analyze', project, '--out', dir, '--projection', 'page', '--coaction', 'retweet'], w.io),
    ).toBe(2);
    expect(w.err()).toMatch(/give one of --graph, --coaction or --projection/);
    const n = memoryIo();
    expect(await runCli(['analyze', join(dir, 'nope.claque'), '--out', dir], n.io)).toBe(1);
    expect(n.err()).toMatch(/nope\.claque: no such project file/);
  });
});
