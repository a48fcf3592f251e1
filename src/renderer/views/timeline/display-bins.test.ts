import { describe, expect, it } from 'vitest';
import { displayBins, timeTick } from './display-bins';

describe('displayBins', () => {
  it('keeps fine bins when few, sums them when many, and keeps every post', () => {
    const few = displayBins({ counts: [1, 2, 3], binStart: 600, binSeconds: 300 }, 10);
    expect(few).toEqual({
      width: 300,
      data: [
        { t: 600, n: 1 },
        { t: 900, n: 2 },
        { t: 1200, n: 3 },
      ],
    });
    const counts = Array.from({ length: 1001 }, (_, i) => i % 7);
    const many = displayBins({ counts, binStart: 0, binSeconds: 300 }, 100);
    expect(many.data.length).toBeLessThanOrEqual(100);
    expect(many.width).toBe(300 * 11);
    expect(many.data.reduce((s, d) => s + d.n, 0)).toBe(counts.reduce((s, n) => s + n, 0));
    expect(many.data[1].t).toBe(11 * 300);
  });
});

describe('timeTick', () => {
  it('shows dates over long spans and times over short ones', () => {
    expect(timeTick([{ t: 0 }, { t: 10 * 86400 }])(86400)).toBe('1970-01-02');
    expect(timeTick([{ t: 0 }, { t: 3600 }])(1800)).toBe('01-01 00:30');
  });
});
