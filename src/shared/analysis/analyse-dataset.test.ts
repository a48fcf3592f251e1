import { describe, expect, it } from 'vitest';
import { layoutIterations, louvainRuns } from './analyse-dataset';

describe('stage budgets for big graphs', () => {
  it('gives small graphs many layout steps and dense big ones about 15M edge visits, never under 10', () => {
    expect(layoutIterations(1_000, 5_000)).toBe(300);
    expect(layoutIterations(10_000, 50_000)).toBe(100);
    expect(layoutIterations(50_000, 200_000)).toBe(30);
    expect(layoutIterations(50_000, 1_270_000)).toBe(11);
    expect(layoutIterations(1_000_000, 5_000_000)).toBe(10);
    expect(layoutIterations(2_000, 1_000_000)).toBe(15);
  });

  it('keeps best-of-three Louvain below 500k edges and one run above', () => {
    expect(louvainRuns(499_999)).toBe(3);
    expect(louvainRuns(1_270_000)).toBe(1);
  });
});
