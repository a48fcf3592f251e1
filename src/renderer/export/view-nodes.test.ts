import { describe, expect, it } from 'vitest';
import { viewMask } from './view-nodes';

describe('viewMask', () => {
  it('sets bit p of byte p >> 3 for each shown position, base64-encoded', () => {
    const bytes = Uint8Array.from(atob(viewMask([0, 3, 8, 17], 18)), (c) => c.charCodeAt(0));
    expect(Array.from(bytes)).toEqual([0b1001, 0b1, 0b10]);
    expect(atob(viewMask([], 0))).toBe('');
  });

  it('encodes a million-node view well under the HTTP API body limit', () => {
    const n = 1_000_000;
    const all = Array.from({ length: n }, (_, p) => p);
    const mask = viewMask(all, n);
    expect(mask.length).toBeLessThan(200_000);
    expect(atob(mask).charCodeAt(n / 8 - 1)).toBe(255);
  });
});
