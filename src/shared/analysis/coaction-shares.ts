/**
 * Share tables: the (object, account, time, post) rows that co-action detection windows over, derived from
 * a Dataset per kind of object. Objects are dense ids, so grouping is a counting sort, not hashing strings.
 */
import { OBJECT_KINDS, POST_KINDS, type Dataset } from './dataset';
import { createMinHasher, bandKey, normaliseText, shingleHashes, tokens } from './coaction-text';
import { createRng } from '../graph/rng';

/**
 * What accounts co-act on: `retweet` = the post a retweet/share points at (objects of kind post/object),
 * `reply` = the post replied to or commented on (parentExtId of reply/comment posts), `text` = identical
 * normalised text, `near_text` = near-duplicate text (MinHash LSH buckets), the others the post objects of
 * that kind.
 */
export type CoactionObjectKind =
  'retweet' | 'url' | 'hashtag' | 'domain' | 'image' | 'page' | 'reply' | 'text' | 'near_text';

export interface ShareTable {
  count: number;
  object: Int32Array;
  account: Int32Array;
  /** Unix seconds. */
  time: Float64Array;
  /** Post index of the share. */
  post: Int32Array;
  /** Object ids are 0 … objectCount-1. */
  objectCount: number;
}

export interface ShareOptions {
  objectKinds: CoactionObjectKind[];
  /** Only shares at or after / before this Unix time. */
  from?: number;
  to?: number;
  /** Texts shorter than this after normalisation are ignored by text and near_text (default 20 characters). */
  minTextLength?: number;
  /** near_text: MinHash size, LSH bands (size / bands rows each) and seed. */
  minhashSize?: number;
  bands?: number;
  seed?: number;
}

export const SHARE_DEFAULTS = { minTextLength: 20, minhashSize: 100, bands: 20, seed: 1 };

/** MinHash signatures of the posts that took part in a near_text share table, for verifying candidates. */
export interface NearTextIndex {
  /** Post index → row in `signatures`, or -1. */
  row: Int32Array;
  signatures: Uint32Array;
  size: number;
}

export function sharesFromDataset(
  ds: Dataset,
  options: ShareOptions,
): { shares: ShareTable; nearText: NearTextIndex | null } {
  const o = { ...SHARE_DEFAULTS, ...options };
  const from = o.from ?? -Infinity;
  const to = o.to ?? Infinity;
  const P = ds.posts;
  const inRange = (p: number) => {
    const t = P.time[p];
    return t === t && t >= from && t <= to;
  };
  const object: number[] = [];
  const post: number[] = [];
  const interned = new Map<string, number>();
  let objectCount = ds.objects.values.length;
  const intern = (key: string): number => {
    let v = interned.get(key);
    if (v === undefined) {
      v = objectCount++;
      interned.set(key, v);
    }
    return v;
  };
  const kinds = new Set(o.objectKinds);
  const objectKindWanted = new Uint8Array(OBJECT_KINDS.length);
  const want = (k: string) => (objectKindWanted[OBJECT_KINDS.indexOf(k as never)] = 1);
  if (kinds.has('retweet')) {
    want('post');
    want('object');
  }
  for (const k of ['url', 'hashtag', 'domain', 'image', 'page'] as const) if (kinds.has(k)) want(k);
  const O = ds.objects;
  for (let r = 0; r < O.count; r++) {
    if (!objectKindWanted[O.kind[r]] || !inRange(O.post[r])) continue;
    object.push(O.value[r]);
    post.push(O.post[r]);
  }
  if (kinds.has('reply')) {
    const reply = POST_KINDS.indexOf('reply');
    const comment = POST_KINDS.indexOf('comment');
    for (let p = 0; p < P.count; p++) {
      const parent = P.parentExtId[p];
      if (parent === null || (P.kind[p] !== reply && P.kind[p] !== comment) || !inRange(p)) continue;
      object.push(intern('reply:' + parent));
      post.push(p);
    }
  }
  const wantsText = kinds.has('text');
  const wantsNear = kinds.has('near_text');
  let nearText: NearTextIndex | null = null;
  if (wantsText || wantsNear) {
    // Reposts carry their parent's text: only authored texts (originals, replies, quotes, comments) count.
    const authored = new Set(['original', 'reply', 'quote', 'comment'].map((k) => POST_KINDS.indexOf(k as never)));
    const textPosts: number[] = [];
    const norms: string[] = [];
    for (let p = 0; p < P.count; p++) {
      const text = P.text[p];
      if (text === null || !authored.has(P.kind[p]) || !inRange(p)) continue;
      const norm = normaliseText(text);
      if (norm.length < o.minTextLength) continue;
      textPosts.push(p);
      norms.push(norm);
      if (wantsText) {
        object.push(intern('text:' + norm));
        post.push(p);
      }
    }
    if (wantsNear) {
      const size = o.minhashSize;
      const rows = Math.floor(size / o.bands);
      if (rows < 1) throw new Error(`near_text: ${o.bands} bands need a MinHash size ≥ ${o.bands}, got ${size}`);
      const hasher = createMinHasher(size, createRng(o.seed));
      const signatures = new Uint32Array(textPosts.length * size);
      const row = new Int32Array(P.count).fill(-1);
      for (let i = 0; i < textPosts.length; i++) {
        hasher.sign(shingleHashes(tokens(norms[i]), 3), signatures, i * size);
        row[textPosts[i]] = i;
      }
      for (let i = 0; i < textPosts.length; i++) {
        for (let b = 0; b < o.bands; b++) {
          object.push(intern('band:' + bandKey(signatures, i, size, b, rows)));
          post.push(textPosts[i]);
        }
      }
      nearText = { row, signatures, size };
    }
  }
  const n = object.length;
  const shares: ShareTable = {
    count: n,
    object: Int32Array.from(object),
    post: Int32Array.from(post),
    account: new Int32Array(n),
    time: new Float64Array(n),
    objectCount,
  };
  for (let i = 0; i < n; i++) {
    shares.account[i] = P.author[shares.post[i]];
    shares.time[i] = P.time[shares.post[i]];
  }
  return { shares, nearText };
}

/**
 * Share positions grouped by object (counting sort), each group ordered by (time, post, position).
 * `start[o] … start[o+1]` delimit object o's shares in `order`.
 */
export function groupByObject(shares: ShareTable, keep?: Uint8Array): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(shares.objectCount + 1);
  for (let i = 0; i < shares.count; i++) if (!keep || keep[i]) start[shares.object[i] + 1]++;
  for (let o = 0; o < shares.objectCount; o++) start[o + 1] += start[o];
  const fill = start.slice(0, shares.objectCount);
  const order = new Int32Array(start[shares.objectCount]);
  for (let i = 0; i < shares.count; i++) if (!keep || keep[i]) order[fill[shares.object[i]]++] = i;
  const { time, post } = shares;
  const cmp = (a: number, b: number) => time[a] - time[b] || post[a] - post[b] || a - b;
  for (let o = 0; o < shares.objectCount; o++) {
    if (start[o + 1] - start[o] > 1) order.subarray(start[o], start[o + 1]).sort(cmp);
  }
  return { order, start };
}
