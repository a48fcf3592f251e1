/**
 * Duplicate and near-duplicate text detection.
 *
 * Exact duplicates: texts equal after normalisation (case, Unicode form, URLs, mentions and punctuation
 * removed), which is what copy-paste templates survive. Near duplicates: MinHash over word shingles
 * (Broder 1997, "On the resemblance and containment of documents") with banded locality-sensitive hashing
 * (Indyk & Motwani 1998; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3) so that only
 * posts sharing a band are compared: never all pairs. Candidates are confirmed by the signature's estimate of
 * the Jaccard similarity of their shingle sets.
 */
import { POST_KINDS, type PostTable } from './dataset';

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gu;
const RT_PREFIX_RE = /^rt\s+@[\p{L}\p{N}_]+:?\s*/u;
const MENTION_RE = /@[\p{L}\p{N}_]+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}#]+/gu;

/** Lower-cases, folds Unicode compatibility forms, drops URLs, mentions, punctuation and extra spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(RT_PREFIX_RE, '')
    .replace(URL_RE, ' ')
    .replace(MENTION_RE, ' ')
    .replace(NON_WORD_RE, ' ')
    .trim();
}

export function tokens(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

/** FNV-1a, 32 bit: a fast, well-spread string hash for shingles. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: turns (shingle hash xor seed) into an independent-looking permutation. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Hashes of the word shingles of a token list (one shingle of all tokens when there are fewer than `size`).
 * Each word is hashed once and a shingle's hash combines its words' hashes in order, so no shingle string is
 * ever built.
 */
export function shingleHashes(toks: string[], size: number): Uint32Array {
  if (toks.length === 0) return new Uint32Array(0);
  const words = new Uint32Array(toks.length);
  for (let i = 0; i < toks.length; i++) words[i] = hashString(toks[i]);
  const n = Math.max(1, toks.length - size + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(toks.length, i + size); j++) h = mix32(Math.imul(h, 0x01000193) ^ words[j]);
    out[i] = h;
  }
  return out;
}

const seedCache = new Map<number, Int32Array>();
function signedSeeds(k: number): Int32Array {
  let s = seedCache.get(k);
  if (!s) {
    s = new Int32Array(k);
    for (let j = 0; j < k; j++) s[j] = mix32(0x9e3779b9 + j * 0x632be5ab) | 0;
    seedCache.set(k, s);
  }
  return s;
}

/**
 * MinHash signature: for each of `k` seeded hash functions, the minimum over the shingles. Each function is
 * one multiply-xorshift of (shingle hash xor seed): the shingle hashes are already well spread, and this inner
 * loop runs k × shingles times per text, so it is kept to three operations.
 */
export function minhashSignature(shingles: Uint32Array, k: number, out = new Uint32Array(k)): Uint32Array {
  // Signed 32-bit arithmetic keeps every value a small integer for the JIT (unsigned values above 2^31 are
  // doubles); minima are taken on the order-preserving flip x ^ 0x80000000 and flipped back at the end.
  const seed = signedSeeds(k);
  const mins = scratch(k);
  mins.fill(0x7fffffff);
  for (let i = 0; i < shingles.length; i++) {
    const x = shingles[i] | 0;
    for (let j = 0; j < k; j++) {
      let h = Math.imul(x ^ seed[j], -1640531535);
      h = h ^ (h >>> 15) ^ -2147483648;
      if (h < mins[j]) mins[j] = h;
    }
  }
  for (let j = 0; j < k; j++) out[j] = (mins[j] ^ -2147483648) >>> 0;
  return out;
}

let scratchBuf = new Int32Array(64);
function scratch(k: number): Int32Array {
  if (scratchBuf.length < k) scratchBuf = new Int32Array(k);
  return scratchBuf;
}

/** mix32 with a signed result (same bits), for loops that stay in 32-bit integer registers. */
function mix32i(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * minhashSignature(shingleHashes(tokens(norm), size), k) written into out[offset …], without building the
 * token strings or the two arrays per text (the text-group pass signs hundreds of thousands of texts).
 * Returns false, writing nothing, when the text has fewer than minTokens tokens.
 */
function signText(
  norm: string,
  size: number,
  minTokens: number,
  k: number,
  out: Uint32Array,
  offset: number,
  scratchWords: Int32Array,
): boolean {
  // Token hashes exactly as hashString(token) over norm.split(' ').
  let words = scratchWords;
  let nw = 0;
  let h = 0x811c9dc5;
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm.charCodeAt(i) : 32;
    if (c === 32) {
      if (nw === words.length) {
        const w = new Int32Array(words.length * 2);
        w.set(words);
        words = w;
      }
      words[nw++] = h;
      h = 0x811c9dc5;
    } else {
      h = Math.imul(h ^ c, 0x01000193);
    }
  }
  if (nw < minTokens) return false;
  const n = Math.max(1, nw - size + 1);
  // Shingle hashes overwrite the front of the word array once no later shingle needs those words.
  const shingles = n <= words.length ? words : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let x = 0x811c9dc5;
    const end = Math.min(nw, i + size);
    for (let j = i; j < end; j++) x = mix32i(Math.imul(x, 0x01000193) ^ words[j]);
    shingles[i] = x;
  }
  const seed = signedSeeds(k);
  for (let j = 0; j < k; j++) {
    const sj = seed[j];
    let m = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      let y = Math.imul(shingles[i] ^ sj, -1640531535);
      y = y ^ (y >>> 15) ^ -2147483648;
      if (y < m) m = y;
    }
    out[offset + j] = (m ^ -2147483648) >>> 0;
  }
  return true;
}

/** The exact Jaccard similarity of two shingle-hash sets (for tests and small inputs). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 0 : inter / union;
}

export interface TextGroupOptions {
  /** Words per shingle (default 2: templates with a few changed words keep most word pairs). */
  shingleSize?: number;
  /** MinHash functions = bands × rows (defaults 16 × 4 = 64; LSH threshold ≈ (1/16)^(1/4) ≈ 0.5). */
  bands?: number;
  rows?: number;
  /** Estimated Jaccard similarity from which two texts count as near duplicates (default 0.5). */
  threshold?: number;
  /** Texts with fewer normalised words take part in exact matching only (default 5): short texts collide by chance. */
  minTokens?: number;
}

export interface TextGroups {
  /** Per post: id of its exact-duplicate group (posts with equal normalised text), or -1 (no own text). */
  exact: Int32Array;
  /** Per post: id of its near-duplicate cluster (includes exact duplicates), or -1 (no own text). */
  near: Int32Array;
}

/** Post kinds whose text is the author's own (a retweet or share carries its parent's text), by kind code. */
const AUTHORED = Uint8Array.from(POST_KINDS, (k) => (['original', 'reply', 'quote', 'comment'].includes(k) ? 1 : 0));

/** What text grouping reads of a Dataset (a worker thread can load just this from the project). */
export interface TextGroupInput {
  posts: Pick<PostTable, 'count' | 'text' | 'kind'>;
}

/**
 * Groups every authored post's text into exact-duplicate groups and near-duplicate clusters (union-find over
 * LSH candidates confirmed by signature similarity). Group ids are dense, starting at 0; a group of one post
 * means the text is unique.
 */
export function textGroups(ds: TextGroupInput, options: TextGroupOptions = {}): TextGroups {
  const shingleSize = options.shingleSize ?? 2;
  const bands = options.bands ?? 16;
  const rows = options.rows ?? 4;
  const threshold = options.threshold ?? 0.5;
  const minTokens = options.minTokens ?? 5;
  const k = bands * rows;
  const n = ds.posts.count;
  const exact = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const exactIds = new Map<string, number>();
  const firstOfExact: number[] = [];
  const norms: string[] = [];

  for (let p = 0; p < n; p++) {
    const text = ds.posts.text[p];
    if (text === null || !AUTHORED[ds.posts.kind[p]]) continue;
    const norm = normaliseText(text);
    if (norm === '') continue;
    let g = exactIds.get(norm);
    parent[p] = p;
    if (g === undefined) {
      g = firstOfExact.length;
      exactIds.set(norm, g);
      firstOfExact.push(p);
      norms.push(norm);
    } else {
      parent[p] = firstOfExact[g];
    }
    exact[p] = g;
  }

  // One signature per exact group, on its first post (row = group id): duplicates share it.
  const sigs = new Uint32Array(firstOfExact.length * k);
  const hasSig = new Uint8Array(n);
  const scratchWords = new Int32Array(64);
  for (let g = 0; g < firstOfExact.length; g++) {
    if (signText(norms[g], shingleSize, minTokens, k, sigs, g * k, scratchWords)) hasSig[firstOfExact[g]] = 1;
  }
  norms.length = 0;

  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const similarity = (a: number, b: number): number => {
    const oa = exact[a] * k;
    const ob = exact[b] * k;
    let same = 0;
    for (let j = 0; j < k; j++) if (sigs[oa + j] === sigs[ob + j]) same++;
    return same / k;
  };

  // Per band: sort (band hash, post) pairs packed in one float (hash × 2^postBits + post, under 2^52) and scan
  // equal runs. More posts leave fewer hash bits; a hash collision only adds a candidate that `similarity`
  // then checks, so results stay exact. Up to 2^22 posts the packing is 30-bit hash × 2^22 as it always was.
  const withSig: number[] = [];
  for (let p = 0; p < n; p++) if (hasSig[p]) withSig.push(p);
  if (withSig.length >= 2) {
    const postBits = Math.max(22, Math.ceil(Math.log2(n + 1)));
    if (postBits > 31) throw new Error(`textGroups: ${n} posts is more than 2^31`);
    const scale = 2 ** postBits;
    const hashShift = postBits - 20;
    const keys = new Float64Array(withSig.length);
    // The same bits as mix32 over the unsigned values, kept in signed 32-bit registers.
    const sigsI = new Int32Array(sigs.buffer, sigs.byteOffset, sigs.length);
    for (let b = 0; b < bands; b++) {
      for (let i = 0; i < withSig.length; i++) {
        const p = withSig[i];
        const o = exact[p] * k + b * rows;
        let h = 0x811c9dc5 ^ b;
        for (let r = 0; r < rows; r++) h = mix32i(h ^ sigsI[o + r]);
        keys[i] = (h >>> hashShift) * scale + p;
      }
      keys.sort();
      let start = 0;
      for (let i = 1; i <= keys.length; i++) {
        if (i < keys.length && Math.floor(keys[i] / scale) === Math.floor(keys[start] / scale)) continue;
        if (i - start >= 2) linkRun(keys, start, i, scale);
        start = i;
      }
    }
  }

  // Within a bucket, compare each post with up to four representatives of the clusters found so far: buckets of
  // a popular template are large, and comparing all pairs there would be quadratic.
  function linkRun(keys: Float64Array, from: number, to: number, scale: number): void {
    const reps: number[] = [];
    for (let i = from; i < to; i++) {
      const p = keys[i] % scale;
      let linked = false;
      for (const r of reps) {
        if (find(r) === find(p) || similarity(r, p) >= threshold) {
          union(r, p);
          linked = true;
          break;
        }
      }
      if (!linked && reps.length < 4) reps.push(p);
    }
  }
  function union(a: number, b: number): void {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  const near = new Int32Array(n).fill(-1);
  const groupOfRoot = new Int32Array(n).fill(-1);
  let groups = 0;
  for (let p = 0; p < n; p++) {
    if (parent[p] < 0) continue;
    const root = find(p);
    if (groupOfRoot[root] < 0) groupOfRoot[root] = groups++;
    near[p] = groupOfRoot[root];
  }
  return { exact, near };
}
