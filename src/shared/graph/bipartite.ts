/**
 * Account → target bipartite graphs (targets being post objects: pages, URLs, domains, hashtags, images,
 * retweeted posts) and their one-mode projection onto accounts: two accounts are linked by the number of
 * targets they both engage with (Newman 2001, "Scientific collaboration networks", Phys. Rev. E 64).
 */
import { OBJECT_KINDS, type Dataset } from '../analysis/dataset';
import type { ObjectKind } from '../model/records';
import { PairAccumulator, type EdgeList } from './edge-list';

export interface BipartiteGraph {
  accountCount: number;
  targetCount: number;
  /** Per target: its index into ds.objects.values ("kind:value"). */
  targetValue: Int32Array;
  /** Edges account → target, weight = number of the account's posts acting on the target. */
  account: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export interface BipartiteOptions {
  objectKinds?: ObjectKind[];
  from?: number;
  to?: number;
}

export function buildBipartite(ds: Dataset, options: BipartiteOptions = {}): BipartiteGraph {
  const kinds = options.objectKinds ?? ['page', 'url', 'domain'];
  const wanted = new Uint8Array(OBJECT_KINDS.length);
  for (const k of kinds) wanted[OBJECT_KINDS.indexOf(k)] = 1;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const bounded = options.from !== undefined || options.to !== undefined;
  const O = ds.objects;
  const targetOf = new Int32Array(O.values.length).fill(-1);
  const targetValue: number[] = [];
  const acc = new PairAccumulator(Math.max(ds.accounts.count, O.values.length), true, {
    capacity: Math.max(1024, O.count),
  });
  for (let r = 0; r < O.count; r++) {
    if (!wanted[O.kind[r]]) continue;
    const p = O.post[r];
    if (bounded && !(ds.posts.time[p] >= from && ds.posts.time[p] <= to)) continue;
    const v = O.value[r];
    if (targetOf[v] < 0) {
      targetOf[v] = targetValue.length;
      targetValue.push(v);
    }
    acc.add(ds.posts.author[p], targetOf[v], 1);
  }
  const { edges } = acc.toEdgeList();
  return {
    accountCount: ds.accounts.count,
    targetCount: targetValue.length,
    targetValue: Int32Array.from(targetValue),
    account: edges.source,
    target: edges.target,
    weight: edges.weight,
  };
}

export interface ProjectionOptions {
  /** Targets engaged by more accounts are skipped (their pairs would swamp the graph; default 1000). */
  maxTargetDegree?: number;
  /** Edges sharing fewer targets are dropped (default 1). */
  minShared?: number;
}

/** Accounts linked by the number of targets they share (undirected). */
export function projectBipartite(bg: BipartiteGraph, options: ProjectionOptions = {}): EdgeList {
  const maxDegree = options.maxTargetDegree ?? 1000;
  const minShared = options.minShared ?? 1;
  const start = new Int32Array(bg.targetCount + 1);
  for (let e = 0; e < bg.target.length; e++) start[bg.target[e] + 1]++;
  for (let t = 0; t < bg.targetCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, bg.targetCount);
  const members = new Int32Array(bg.target.length);
  for (let e = 0; e < bg.target.length; e++) members[fill[bg.target[e]]++] = bg.account[e];
  const acc = new PairAccumulator(bg.accountCount, false, { capacity: 1024 });
  for (let t = 0; t < bg.targetCount; t++) {
    const s = start[t];
    const e = start[t + 1];
    if (e - s < 2 || e - s > maxDegree) continue;
    for (let i = s; i < e; i++) for (let j = i + 1; j < e; j++) acc.add(members[i], members[j], 1);
  }
  return acc.toEdgeList((e) => acc.weight[e] >= minShared).edges;
}
