import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectGroups, generateCoordinatedNetwork, type CoorShareRows } from '../../src/shared/analysis/coortweet';

// CooRTweet's russian_coord_tweets (MIT, Righetti & Balluff; data of Kulichkina, Righetti & Waldherr 2024).
const here = path.dirname(fileURLToPath(import.meta.url));
const csv = path.resolve(here, '../../../shared/data/russian_coord_tweets.csv');

function readShares(): CoorShareRows {
  const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const col = (name: string) => header.indexOf(name);
  const x: CoorShareRows = { objectId: [], accountId: [], contentId: [], timestamp: [] as number[] };
  for (const line of lines.slice(1)) {
    const f = line.split(',').map((v) => v.replace(/"/g, ''));
    x.objectId.push(f[col('object_id')]);
    x.accountId.push(f[col('account_id')]);
    x.contentId.push(f[col('content_id')]);
    (x.timestamp as number[]).push(Number(f[col('timestamp_share')]));
  }
  return x;
}

/** CooRTweet's detect_groups + generate_coordinated_network written out plainly, all pairs per object. */
function naive(x: CoorShareRows, window: number, minPart: number) {
  type Row = { object: string; account: string; content: string; ts: number };
  let rows: Row[] = x.objectId.map((o, i) => ({
    object: o,
    account: x.accountId[i],
    content: x.contentId[i],
    ts: x.timestamp[i],
  }));
  // Step 1, with data.table's `by = account_id` regrouping (accounts in order of first appearance).
  const byAccount = new Map<string, Row[]>();
  for (const r of rows) byAccount.set(r.account, [...(byAccount.get(r.account) ?? []), r]);
  rows = [...byAccount.values()].filter((g) => g.length >= minPart).flat();
  // Step 2: all pairs (i < j in that row order) per object with |Δ| ≤ window.
  const byObject = new Map<string, Row[]>();
  for (const r of rows) byObject.set(r.object, [...(byObject.get(r.object) ?? []), r]);
  let result: { object: string; a: Row; b: Row; delta: number }[] = [];
  for (const [object, g] of byObject)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const delta = g[i].ts - g[j].ts;
        if (Math.abs(delta) <= window) result.push({ object, a: g[i], b: g[j], delta });
      }
  // Step 3.
  result = result.filter(
    (r) =>
      r.object !== r.a.content &&
      r.object !== r.b.content &&
      r.a.content !== r.b.content &&
      r.a.account !== r.b.account,
  );
  // Step 4.
  const contentIds = new Set(result.flatMap((r) => [r.a.content, r.b.content]));
  const counts = new Map<string, number>();
  for (const r of rows) if (contentIds.has(r.content)) counts.set(r.account, (counts.get(r.account) ?? 0) + 1);
  const filt = new Set(
    rows.filter((r) => contentIds.has(r.content) && counts.get(r.account)! >= minPart).map((r) => r.content),
  );
  result = result.filter((r) => filt.has(r.a.content) || filt.has(r.b.content));
  // Orientation: swap so content_id is the older share.
  const oriented = result
    .map((r) => (r.delta > 0 ? { ...r, a: r.b, b: r.a } : r))
    .map((r) => ({ ...r, delta: Math.abs(r.delta) }));
  // Step 5.
  const edges = new Map<string, { w: number; sum: number; c: Set<string>; cy: Set<string> }>();
  for (const r of oriented) {
    const key = [r.a.account, r.b.account].sort().join('|');
    const e = edges.get(key) ?? { w: 0, sum: 0, c: new Set(), cy: new Set() };
    e.w++;
    e.sum += r.delta;
    e.c.add(r.a.content);
    e.cy.add(r.b.content);
    edges.set(key, e);
  }
  return { rows: oriented, edges };
}

function compare(x: CoorShareRows, window: number, minPart: number) {
  const groups = detectGroups(x, { timeWindow: window, minParticipation: minPart });
  const net = generateCoordinatedNetwork(x, groups);
  const ref = naive(x, window, minPart);
  const mine = Array.from(groups.row, (r, k) =>
    [
      x.objectId[r],
      x.accountId[r],
      x.accountId[groups.rowY[k]],
      x.contentId[r],
      x.contentId[groups.rowY[k]],
      groups.timeDelta[k],
    ].join(' '),
  ).sort();
  const theirs = ref.rows
    .map((r) => [r.object, r.a.account, r.b.account, r.a.content, r.b.content, r.delta].join(' '))
    .sort();
  expect(mine.length).toBe(theirs.length);
  expect(mine).toEqual(theirs);
  expect(net.edges.source.length).toBe(ref.edges.size);
  for (let e = 0; e < net.edges.source.length; e++) {
    const key = [net.accounts[net.edges.source[e]], net.accounts[net.edges.target[e]]].sort().join('|');
    const r = ref.edges.get(key)!;
    expect(r, key).toBeDefined();
    expect(net.edges.weight[e]).toBe(r.w);
    expect(net.avgTimeDelta[e]).toBeCloseTo(r.sum / r.w, 9);
    expect(net.nContentId[e]).toBe(r.c.size);
    expect(net.nContentIdY[e]).toBe(r.cy.size);
    expect(net.edgeSymmetryScore[e]).toBeCloseTo(Math.min(r.c.size, r.cy.size) / Math.max(r.c.size, r.cy.size), 12);
  }
  return { rows: groups.row.length, edges: net.edges.source.length };
}

describe('CooRTweet-compatible detect_groups + generate_coordinated_network', () => {
  const x = readShares();

  it('reads the real share table', () => {
    expect(x.objectId.length).toBe(35125);
  });

  it('matches a naive all-pairs implementation at time_window 60 s, min_participation 2', () => {
    const r = compare(x, 60, 2);
    expect(r.rows).toBeGreaterThan(100);
    expect(r.edges).toBeGreaterThan(50);
  });

  it('matches at time_window 10 s, min_participation 3', () => {
    const r = compare(x, 10, 3);
    expect(r.rows).toBeGreaterThan(10);
  });

  it('treats Δt = time_window as coordinated, keeps ties in step-1 order, and removes loops', () => {
    const t: CoorShareRows = {
      objectId: ['o1', 'o1', 'o1', 'o2', 'o2', 'o2', 'o3', 'o3'],
      accountId: ['b', 'a', 'c', 'a', 'b', 'a', 'a', 'b'],
      contentId: ['b1', 'a1', 'c1', 'a2', 'b2', 'a3', 'o3', 'b3'],
      timestamp: [100, 100, 111, 0, 10, 5, 0, 1],
    };
    const g = detectGroups(t, { timeWindow: 10, minParticipation: 1 });
    const rows = Array.from(g.row, (r, k) => `${t.contentId[r]}>${t.contentId[g.rowY[k]]}:${g.timeDelta[k]}`).sort();
    // o1: b1 and a1 tie at 100: b appears first, so b1 is content_id; c1 is 11 s later (outside).
    // o2: a2–b2 (10 s, inclusive), a3–b2 (5 s); a2–a3 same account. o3: object_id = content_id a loop.
    expect(rows).toEqual(['a2>b2:10', 'a3>b2:5', 'b1>a1:0']);
    const net = generateCoordinatedNetwork(t, g);
    expect(net.edges.source.length).toBe(1);
    expect(net.edges.weight[0]).toBe(3);
    // content_id distinct {a2, a3, b1} = 3, content_id_y distinct {b2, a1} = 2.
    expect(net.edgeSymmetryScore[0]).toBeCloseTo(2 / 3, 12);
  });
});
