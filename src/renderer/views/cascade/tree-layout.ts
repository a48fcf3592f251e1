/**
 * A layered tree layout for a cascade: the root at the left, each generation one column to the right, leaves
 * stacked top to bottom in depth-first order and every parent centred on its children (a simple tidy tree).
 * O(n) over the parent array (parents precede children, as collectCascades numbers them).
 */
export interface TreeLayout {
  depth: Int32Array;
  /** Row coordinate (leaf slots; a parent sits at the mean of its children). */
  row: Float64Array;
  maxDepth: number;
  leaves: number;
}

export function layoutTree(parent: ArrayLike<number>): TreeLayout {
  const n = parent.length;
  const depth = new Int32Array(n);
  const childCount = new Int32Array(n);
  let maxDepth = 0;
  for (let k = 1; k < n; k++) {
    depth[k] = depth[parent[k]] + 1;
    if (depth[k] > maxDepth) maxDepth = depth[k];
    childCount[parent[k]]++;
  }
  // Children lists in CSR form, kept in share order.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) start[k + 1] = start[k] + childCount[k];
  const fill = start.slice(0, n);
  const children = new Int32Array(Math.max(0, n - 1));
  for (let k = 1; k < n; k++) children[fill[parent[k]]++] = k;
  // Leaves get consecutive rows in depth-first order (iterative, so a 100 000-deep chain cannot overflow).
  const row = new Float64Array(n);
  let leaves = 0;
  const order: number[] = [];
  const stack: number[] = n > 0 ? [0] : [];
  while (stack.length) {
    const k = stack.pop()!;
    order.push(k);
    if (start[k + 1] === start[k]) row[k] = leaves++;
    for (let c = start[k + 1] - 1; c >= start[k]; c--) stack.push(children[c]);
  }
  // Parents after their children: reverse pre-order.
  for (let i = order.length - 1; i >= 0; i--) {
    const k = order[i];
    if (start[k + 1] === start[k]) continue;
    let sum = 0;
    for (let c = start[k]; c < start[k + 1]; c++) sum += row[children[c]];
    row[k] = sum / (start[k + 1] - start[k]);
  }
  return { depth, row, maxDepth, leaves };
}

/** Cumulative shares over time: one point per distinct offset (seconds after the root). */
export function cumulativeShares(offset: ArrayLike<number>): { t: number; shares: number }[] {
  const sorted = Array.from(offset)
    .slice(1)
    .sort((a, b) => a - b);
  const out: { t: number; shares: number }[] = [{ t: 0, shares: 0 }];
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 < sorted.length && sorted[i + 1] === sorted[i]) continue;
    out.push({ t: sorted[i], shares: i + 1 });
  }
  return out;
}
