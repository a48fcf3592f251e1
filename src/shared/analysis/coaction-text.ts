/**
 * MinHash LSH for co-text detection. Exact co-text compares texts after normalisation; near-duplicate text
 * uses MinHash signatures over word 3-shingles (Broder 1997, "On the resemblance and containment of
 * documents") with LSH banding (Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, ch. 3), as
 * CooRTweet's detect_similar_text does through R's textreuse.
 */
import type { Rng } from '../graph/rng';

// One normaliser and one shingler for all of Claque's text signals (text.ts), so co-text edges and the
// duplicate-text evidence agree on what "the same text" is.
export { normaliseText, shingleHashes, tokens } from './text';

/** murmur3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface MinHasher {
  size: number;
  /** Writes the signature of a shingle set into `out` at `offset`. */
  sign(shingles: Uint32Array, out: Uint32Array, offset: number): void;
}

/** `size` hash functions h_k(x) = fmix32(x ^ salt_k), salts drawn from the rng. */
export function createMinHasher(size: number, rng: Rng): MinHasher {
  const salts = new Uint32Array(size);
  for (let k = 0; k < size; k++) salts[k] = Math.floor(rng() * 2 ** 32) >>> 0;
  return {
    size,
    sign(shingles, out, offset) {
      for (let k = 0; k < size; k++) {
        let min = 0xffffffff;
        const salt = salts[k];
        for (let i = 0; i < shingles.length; i++) {
          const h = fmix32(shingles[i] ^ salt);
          if (h < min) min = h;
        }
        out[offset + k] = min;
      }
    },
  };
}

/** Estimated Jaccard similarity: the share of equal signature slots. */
export function signatureSimilarity(sig: Uint32Array, a: number, b: number, size: number): number {
  let same = 0;
  const oa = a * size;
  const ob = b * size;
  for (let k = 0; k < size; k++) if (sig[oa + k] === sig[ob + k]) same++;
  return same / size;
}

/** Bucket key of band `band` (rows r) of signature `i`: a string, interned by the caller. */
export function bandKey(sig: Uint32Array, i: number, size: number, band: number, rows: number): string {
  let h1 = 0x9747b28c ^ band;
  let h2 = 0x2545f491 ^ band;
  const base = i * size + band * rows;
  for (let k = 0; k < rows; k++) {
    h1 = fmix32(h1 ^ sig[base + k]);
    h2 = Math.imul(h2 ^ sig[base + k], 0x01000193) >>> 0;
  }
  return band + ':' + h1.toString(36) + ':' + h2.toString(36);
}
