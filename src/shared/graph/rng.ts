/**
 * Seeded pseudo-random numbers for every random step in graph analysis (Louvain node order, layout start
 * positions, MinHash permutations, benchmark generators), so a seed reproduces a result exactly.
 *
 * mulberry32: Tommy Ettinger's 32-bit generator — tiny state, passes PractRand to 2^32 outputs, which is far
 * more than any of these steps draws. Not for cryptography.
 */

/** A function returning uniform floats in [0, 1), like Math.random. */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}
