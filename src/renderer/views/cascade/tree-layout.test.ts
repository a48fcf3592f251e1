import { describe, expect, it } from 'vitest';
import { cumulativeShares, layoutTree } from './tree-layout';

describe('layoutTree', () => {
  it('puts generations in columns and parents at the mean row of their children', () => {
    //      0
    //    / | \
    //   1  2  3
    //  / \
    // 4   5
    const l = layoutTree([-1, 0, 0, 0, 1, 1]);
    expect(Array.from(l.depth)).toEqual([0, 1, 1, 1, 2, 2]);
    expect(l.maxDepth).toBe(2);
    expect(l.leaves).toBe(4);
    expect(l.row[4]).toBe(0);
    expect(l.row[5]).toBe(1);
    expect(l.row[1]).toBe(0.5);
    expect(l.row[2]).toBe(2);
    expect(l.row[3]).toBe(3);
    expect(l.row[0]).toBeCloseTo((0.5 + 2 + 3) / 3, 12);
  });

  it('lays out a star and a 100 000-deep chain without recursion', () => {
    const star = layoutTree([-1, 0, 0, 0]);
    expect(Array.from(star.row)).toEqual([1, 0, 1, 2]);
    const n = 100_000;
    const chain = layoutTree(Int32Array.from({ length: n }, (_, k) => k - 1));
    expect(chain.maxDepth).toBe(n - 1);
    expect(chain.leaves).toBe(1);
    expect(chain.row[0]).toBe(0);
  });
});

describe('cumulativeShares', () => {
  it('counts shares up to each distinct time, ignoring the root', () => {
    expect(cumulativeShares([0, 5, 5, 12, 60])).toEqual([
      { t: 0, shares: 0 },
      { t: 5, shares: 2 },
      { t: 12, shares: 3 },
      { t: 60, shares: 4 },
    ]);
  });
});
