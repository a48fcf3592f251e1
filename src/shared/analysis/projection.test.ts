import { describe, expect, it } from 'vitest';
import { buildBipartite, projectBipartite, type ProjectionStats } from '../graph/bipartite';
import { createRng } from '../graph/rng';
import { tinyDataset, type TinyPost } from '../graph/test-dataset';
import type { InteractionKind } from '../model/records';
import { analyseDataset } from './analyse-dataset';

type Interaction = [number, number, InteractionKind, number?];

/**
 * 60 accounts commenting on 12 pages (page p belongs to account 60 + p): each comment is a post with a page
 * object and a comment interaction to the page's owner. A ring (0–9) comments only on pages 0–2; the others
 * on pages at random. One page (11) draws every account but the ring, to be left out at maxTargetDegree 40.
 */
function pages() {
  const rng = createRng(3);
  const posts: TinyPost[] = [];
  const interactions: Interaction[] = [];
  const comment = (account: number, page: number, t: number) => {
    posts.push({ id: `c${posts.length}`, author: account, time: t, kind: 'comment', objects: [['page', `p${page}`]] });
    interactions.push([account, 60 + page, 'comment', t]);
  };
  let t = 1_600_000_000;
  for (let a = 0; a < 10; a++) for (let k = 0; k < 6; k++) comment(a, k % 3, (t += 37));
  for (let a = 10; a < 60; a++) {
    for (let k = 0; k < 4; k++) comment(a, Math.floor(rng() * 11), (t += 53));
    comment(a, 11, (t += 11));
  }
  return tinyDataset({ accounts: 72, posts, interactions });
}

/** The projection written out naively: targets per account, then |A ∩ B| for every pair of accounts. */
function naive(targetsOf: Set<string>[], maxDegree: number, minShared: number): Map<string, number> {
  const degree = new Map<string, number>();
  for (const ts of targetsOf) for (const t of ts) degree.set(t, (degree.get(t) ?? 0) + 1);
  const out = new Map<string, number>();
  for (let a = 0; a < targetsOf.length; a++) {
    for (let b = a + 1; b < targetsOf.length; b++) {
      let shared = 0;
      for (const t of targetsOf[a]) if (targetsOf[b].has(t) && degree.get(t)! <= maxDegree) shared++;
      if (shared >= minShared) out.set(`${a}-${b}`, shared);
    }
  }
  return out;
}

describe('shared-target projections', () => {
  const ds = pages();
  const pagesOf = Array.from({ length: 72 }, () => new Set<string>());
  for (let r = 0; r < ds.objects.count; r++) {
    pagesOf[ds.posts.author[ds.objects.post[r]]].add(ds.objects.values[ds.objects.value[r]]);
  }
  const accountsOf = Array.from({ length: 72 }, () => new Set<string>());
  for (let r = 0; r < ds.interactions.count; r++) {
    accountsOf[ds.interactions.source[r]].add(`account:${ds.interactions.target[r]}`);
  }

  it('links accounts by the pages and accounts they share, leaving out targets with too many accounts', () => {
    const edgeMap = (g: { source: Int32Array; target: Int32Array; weight: Float64Array }) =>
      new Map(Array.from(g.source, (s, e) => [`${Math.min(s, g.target[e])}-${Math.max(s, g.target[e])}`, g.weight[e]]));
    const stats: ProjectionStats = { targets: 0, skippedTargets: 0, maxTargetDegree: 0 };
    const byPage = projectBipartite(buildBipartite(ds, { objectKinds: ['page'] }), { maxTargetDegree: 40 }, stats);
    expect(edgeMap(byPage)).toEqual(naive(pagesOf, 40, 1));
    expect(stats).toEqual({ targets: 12, skippedTargets: 1, maxTargetDegree: 40 });
    const both = buildBipartite(ds, { objectKinds: ['page'], accounts: true });
    expect(both.targetCount).toBe(24);
    expect(
      Array.from(both.targetAccount)
        .filter((a) => a >= 0)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 12 }, (_, p) => 60 + p));
    const union = pagesOf.map((s, a) => new Set([...s, ...accountsOf[a]]));
    expect(edgeMap(projectBipartite(both, { minShared: 3 }))).toEqual(naive(union, 1000, 3));
  });

  it('an analysis of the projection puts the ring that comments only on three pages in one community', async () => {
    const out = await analyseDataset(
      ds,
      { graph: 'projection', targets: ['page'], minWeight: 2 },
      { layoutIterations: 2 },
    );
    expect(out.summary.parameters.targets).toEqual(['page']);
    expect(out.summary.projection).toEqual({ targets: 12, skippedTargets: 0, maxTargetDegree: 1000 });
    expect(new Set(out.graph.edges.map((e) => e.kind))).toEqual(new Set(['shared_target']));
    const want = naive(pagesOf, 1000, 2);
    expect(out.graph.edges.length).toBe(want.size);
    for (const e of out.graph.edges) {
      const [a, b] = [out.graph.nodes[e.source], out.graph.nodes[e.target]].sort((x, y) => x - y);
      expect(e.weight, `${a}-${b}`).toBe(want.get(`${a}-${b}`));
    }
    const ring = out.accounts.filter((a) => Number(a.accountId.slice(1)) < 10);
    expect(new Set(ring.map((a) => a.community)).size).toBe(1);
    const defaults = await analyseDataset(ds, { graph: 'projection' }, { layoutIterations: 2 });
    expect(defaults.summary.parameters.targets).toEqual(['page', 'account']);
    // Two shared targets unless told otherwise: one shared page links strangers.
    expect(defaults.graph.edges.length).toBeGreaterThan(0);
    expect(Math.min(...defaults.graph.edges.map((e) => e.weight))).toBe(2);
  });
});
