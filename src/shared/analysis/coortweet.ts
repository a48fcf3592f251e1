/**
 * CooRTweet-compatible co-share detection: reproduces `detect_groups(x, time_window, min_participation,
 * remove_loops = TRUE)` and `generate_coordinated_network(x)` of the CooRTweet R package (Righetti &
 * Balluff, github nicolarighetti/CooRTweet, MIT; method of Giglietto et al. 2020) row for row, so results
 * can be checked against published analyses. Semantics (see ../shared/data/README.md):
 *  1. drop accounts with fewer than min_participation rows;
 *  2. per object_id, every unordered pair of shares with |Δt| ≤ time_window (inclusive, as R's `<=`);
 *  3. remove loops (object_id = content_id or content_id_y, equal content_ids, equal accounts);
 *  4. keep accounts with ≥ min_participation rows whose content_id is among the remaining rows' content_ids,
 *     and keep a row if *either* content_id belongs to such an account;
 *  5. network: per unordered account pair, weight = rows, avg_time_delta = mean |Δt|, symmetry =
 *     min(distinct content_id, distinct content_id_y) / max(…).
 * Orientation as in R: content_id is the older share; on equal times, the one first in step 1's row order
 * (data.table's `by = account_id` regroups rows by account in order of first appearance).
 * Pairs come from a sliding window over each object's shares sorted by time, not from all pairs.
 */
import { OBJECT_KINDS, type Dataset } from './dataset';
import { PairAccumulator, type EdgeList } from '../graph/edge-list';

/** CooRTweet's input table, one entry per share. */
export interface CoorShareRows {
  objectId: string[];
  accountId: string[];
  contentId: string[];
  /** Unix seconds. */
  timestamp: ArrayLike<number>;
}

export interface CoorOptions {
  timeWindow: number;
  minParticipation: number;
  removeLoops?: boolean;
}

/** detect_groups' result: one entry per coordinated pair of shares, as input row indexes. */
export interface CoorGroups {
  /** Input row of `content_id` / `account_id` (the older share). */
  row: Int32Array;
  /** Input row of `content_id_y` / `account_id_y` (the newer share). */
  rowY: Int32Array;
  /** |Δt| in seconds. */
  timeDelta: Float64Array;
}

export function detectGroups(x: CoorShareRows, options: CoorOptions): CoorGroups {
  const { timeWindow, minParticipation } = options;
  const removeLoops = options.removeLoops ?? true;
  const n = x.objectId.length;
  if (x.accountId.length !== n || x.contentId.length !== n || x.timestamp.length !== n)
    throw new Error('detectGroups: objectId, accountId, contentId and timestamp must have the same length');
  // Intern ids: objects and contents share one space because step 3 compares object_id with content_id.
  const ids = new Map<string, number>();
  const intern = (s: string) => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const accounts = new Map<string, number>();
  const obj = new Int32Array(n);
  const content = new Int32Array(n);
  const acc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    obj[i] = intern(x.objectId[i]);
    content[i] = intern(x.contentId[i]);
    let a = accounts.get(x.accountId[i]);
    if (a === undefined) accounts.set(x.accountId[i], (a = accounts.size));
    acc[i] = a;
    if (typeof x.timestamp[i] !== 'number' || Number.isNaN(x.timestamp[i]))
      throw new Error(`detectGroups: row ${i + 1}: timestamp_share must be a number, got ${String(x.timestamp[i])}`);
  }
  const A = accounts.size;
  // Step 1. Accounts are numbered by first appearance, so grouping rows by account number (stable)
  // is data.table's `by = account_id` order.
  const rowsOf = new Int32Array(A);
  for (let i = 0; i < n; i++) rowsOf[acc[i]]++;
  const keptRow = new Uint8Array(n);
  for (let i = 0; i < n; i++) keptRow[i] = rowsOf[acc[i]] >= minParticipation ? 1 : 0;
  const startOf = new Int32Array(A + 1);
  for (let a = 0; a < A; a++) startOf[a + 1] = startOf[a] + (rowsOf[a] >= minParticipation ? rowsOf[a] : 0);
  const rank = new Int32Array(n);
  const fill = startOf.slice(0, A);
  for (let i = 0; i < n; i++) if (keptRow[i]) rank[i] = fill[acc[i]]++;

  // Step 2. Group kept rows by object, sort by (time, step-1 rank), slide the window.
  const objCount = ids.size;
  const objStart = new Int32Array(objCount + 1);
  for (let i = 0; i < n; i++) if (keptRow[i]) objStart[obj[i] + 1]++;
  for (let o = 0; o < objCount; o++) objStart[o + 1] += objStart[o];
  const order = new Int32Array(objStart[objCount]);
  const pos = objStart.slice(0, objCount);
  for (let i = 0; i < n; i++) if (keptRow[i]) order[pos[obj[i]]++] = i;
  const ts = x.timestamp;
  const cmp = (a: number, b: number) => ts[a] - ts[b] || rank[a] - rank[b];
  let row: Int32Array = new Int32Array(1024);
  let rowY: Int32Array = new Int32Array(1024);
  let m = 0;
  for (let o = 0; o < objCount; o++) {
    const s = objStart[o];
    const e = objStart[o + 1];
    if (e - s < 2) continue;
    const g = order.subarray(s, e).sort(cmp);
    for (let i = 0; i < g.length; i++) {
      const ri = g[i];
      for (let j = i + 1; j < g.length && ts[g[j]] - ts[ri] <= timeWindow; j++) {
        const rj = g[j];
        // Step 3.
        if (
          removeLoops &&
          (obj[ri] === content[ri] || obj[ri] === content[rj] || content[ri] === content[rj] || acc[ri] === acc[rj])
        )
          continue;
        if (m === row.length) {
          row = growI32(row);
          rowY = growI32(rowY);
        }
        row[m] = ri;
        rowY[m] = rj;
        m++;
      }
    }
  }

  // Step 4.
  let keep = new Uint8Array(m).fill(1);
  if (minParticipation >= 1) {
    const inResult = new Uint8Array(objCount);
    for (let k = 0; k < m; k++) {
      inResult[content[row[k]]] = 1;
      inResult[content[rowY[k]]] = 1;
    }
    const hits = new Int32Array(A);
    for (let i = 0; i < n; i++) if (keptRow[i] && inResult[content[i]]) hits[acc[i]]++;
    const filtContent = new Uint8Array(objCount);
    for (let i = 0; i < n; i++)
      if (keptRow[i] && inResult[content[i]] && hits[acc[i]] >= minParticipation) filtContent[content[i]] = 1;
    keep = new Uint8Array(m);
    for (let k = 0; k < m; k++) keep[k] = filtContent[content[row[k]]] || filtContent[content[rowY[k]]] ? 1 : 0;
  }
  let kept = 0;
  for (let k = 0; k < m; k++) kept += keep[k];
  const out: CoorGroups = { row: new Int32Array(kept), rowY: new Int32Array(kept), timeDelta: new Float64Array(kept) };
  for (let k = 0, w = 0; k < m; k++) {
    if (!keep[k]) continue;
    out.row[w] = row[k];
    out.rowY[w] = rowY[k];
    out.timeDelta[w] = Math.abs(ts[rowY[k]] - ts[row[k]]);
    w++;
  }
  return out;
}

export interface CoorNetwork {
  /** Distinct account ids; EdgeList nodes index into it. */
  accounts: string[];
  /** Undirected, weight = number of coordinated share pairs. */
  edges: EdgeList;
  avgTimeDelta: Float64Array;
  nContentId: Int32Array;
  nContentIdY: Int32Array;
  edgeSymmetryScore: Float64Array;
}

/** generate_coordinated_network(x) on detectGroups' result (default arguments: no subgraph, no fast net). */
export function generateCoordinatedNetwork(x: CoorShareRows, groups: CoorGroups): CoorNetwork {
  const accountIndex = new Map<string, number>();
  const accounts: string[] = [];
  const node = (id: string) => {
    let v = accountIndex.get(id);
    if (v === undefined) {
      accountIndex.set(id, (v = accounts.length));
      accounts.push(id);
    }
    return v;
  };
  const contentIndex = new Map<string, number>();
  const cid = (id: string) => {
    let v = contentIndex.get(id);
    if (v === undefined) contentIndex.set(id, (v = contentIndex.size));
    return v;
  };
  const m = groups.row.length;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    a[k] = node(x.accountId[groups.row[k]]);
    b[k] = node(x.accountId[groups.rowY[k]]);
  }
  const pairs = new PairAccumulator(Math.max(1, accounts.length), false, { capacity: 1024, withSum: true });
  const edgeOf = new Int32Array(m);
  for (let k = 0; k < m; k++) edgeOf[k] = pairs.add(a[k], b[k], 1, groups.timeDelta[k]);
  const E = pairs.size;
  const nContentId = new Int32Array(E);
  const nContentIdY = new Int32Array(E);
  const seen = new Set<number>();
  const seenY = new Set<number>();
  const C = () => contentIndex.size + 1;
  for (let k = 0; k < m; k++) {
    const e = edgeOf[k];
    const c = cid(x.contentId[groups.row[k]]);
    const cy = cid(x.contentId[groups.rowY[k]]);
    // Keys e·2^26 + c stay exact for up to 2^26 contents and 2^27 edges.
    if (C() > 2 ** 26) throw new Error('generateCoordinatedNetwork: more than 2^26 distinct content ids');
    const key = e * 2 ** 26 + c;
    if (!seen.has(key)) {
      seen.add(key);
      nContentId[e]++;
    }
    const keyY = e * 2 ** 26 + cy;
    if (!seenY.has(keyY)) {
      seenY.add(keyY);
      nContentIdY[e]++;
    }
  }
  const { edges } = pairs.toEdgeList();
  const avgTimeDelta = new Float64Array(E);
  const edgeSymmetryScore = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    avgTimeDelta[e] = pairs.sum![e] / pairs.count[e];
    edgeSymmetryScore[e] = Math.min(nContentId[e], nContentIdY[e]) / Math.max(nContentId[e], nContentIdY[e]);
  }
  return { accounts, edges, avgTimeDelta, nContentId, nContentIdY, edgeSymmetryScore };
}

/**
 * The share table CooRTweet would get from a project: every post with a `post` or `object` object (a
 * retweet/share of something), as object_id = the object's value, account_id = the author's platform id,
 * content_id = the post's platform id. Posts without a time are skipped (CooRTweet needs one).
 */
export function coorSharesFromDataset(ds: Dataset): CoorShareRows & { post: Int32Array } {
  const objectId: string[] = [];
  const accountId: string[] = [];
  const contentId: string[] = [];
  const timestamp: number[] = [];
  const post: number[] = [];
  const O = ds.objects;
  const P = ds.posts;
  const wanted = new Set([OBJECT_KINDS.indexOf('post'), OBJECT_KINDS.indexOf('object')]);
  for (let r = 0; r < O.count; r++) {
    if (!wanted.has(O.kind[r])) continue;
    const p = O.post[r];
    if (Number.isNaN(P.time[p])) continue;
    const value = O.values[O.value[r]];
    objectId.push(value.slice(value.indexOf(':') + 1));
    accountId.push(ds.accounts.extId[P.author[p]]);
    contentId.push(P.extId[p]);
    timestamp.push(P.time[p]);
    post.push(p);
  }
  return { objectId, accountId, contentId, timestamp: Float64Array.from(timestamp), post: Int32Array.from(post) };
}

function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
