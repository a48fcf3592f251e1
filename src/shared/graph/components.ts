/**
 * Connected components of an EdgeList (direction ignored) by union–find with path halving and union by
 * size (Tarjan 1975, "Efficiency of a good but not linear set union algorithm", JACM 22(2)): near-linear,
 * typed arrays only. Co-action graphs are mostly many small components; Louvain splits the large ones.
 */
import type { EdgeList } from './edge-list';

export interface Components {
  /** Component id per node; 0 is the largest component, ties broken by smallest node id. */
  component: Int32Array;
  count: number;
  /** Node count per component id. */
  sizes: Int32Array;
}

export function connectedComponents(g: EdgeList): Components {
  const n = g.nodeCount;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let e = 0; e < g.source.length; e++) {
    let a = find(g.source[e]);
    let b = find(g.target[e]);
    if (a === b) continue;
    if (size[a] < size[b]) {
      const t = a;
      a = b;
      b = t;
    }
    parent[b] = a;
    size[a] += size[b];
  }
  // Number roots by decreasing size, then by their smallest member, so ids are stable for a given graph.
  const rootFirst = new Int32Array(n).fill(-1);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootFirst[r] < 0) {
      rootFirst[r] = i;
      roots.push(r);
    }
  }
  roots.sort((a, b) => size[b] - size[a] || rootFirst[a] - rootFirst[b]);
  const id = new Int32Array(n);
  const sizes = new Int32Array(roots.length);
  roots.forEach((r, k) => {
    id[r] = k;
    sizes[k] = size[r];
  });
  const component = new Int32Array(n);
  for (let i = 0; i < n; i++) component[i] = id[find(i)];
  return { component, count: roots.length, sizes };
}
