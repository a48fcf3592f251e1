import { describe, expect, it } from 'vitest';
import { createRng } from '../graph/rng';
import { countingOrder } from './evidence-timing';

describe('countingOrder', () => {
  it('re-sorts stably by an integer key, as a comparison sort on (key, previous position) would', () => {
    const rng = createRng(5);
    const keys = Array.from({ length: 2000 }, () => Math.floor(rng() * 37));
    const start = Int32Array.from({ length: keys.length }, (_, i) => (i * 7919) % keys.length);
    const expected = Array.from(start).sort((x, y) => keys[x] - keys[y] || start.indexOf(x) - start.indexOf(y));
    expect(Array.from(countingOrder(start, (i) => keys[i], 37))).toEqual(expected);
    expect(Array.from(countingOrder(new Int32Array(0), () => 0, 1))).toEqual([]);
  });
});
