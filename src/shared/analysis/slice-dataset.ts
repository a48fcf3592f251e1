/**
 * A time range of a Dataset: the posts and interactions inside [from, to] (Unix seconds, inclusive), every
 * account, every follow (follows carry no time). An analysis of the slice is an analysis of that period
 * alone — graph, co-action, evidence, cascades and features all see the same posts — rather than a graph
 * of one week scored with a year's evidence. Posts and interactions without a time are left out, since they
 * cannot be placed inside the range; follows (which carry no time) are kept.
 */
import { INTERACTION_KIND_CODES, type Dataset } from './dataset';

export interface TimeRange {
  from?: number;
  to?: number;
}

export const hasTimeRange = (r: TimeRange): boolean => r.from !== undefined || r.to !== undefined;

/** "2021-09-20 00:00 UTC to 2021-09-26 23:59:59 UTC", or "all the data". */
export function describeTimeRange(r: TimeRange): string {
  if (!hasTimeRange(r)) return 'all the data';
  const at = (t: number) =>
    new Date(t * 1000)
      .toISOString()
      .replace('T', ' ')
      .replace(/(:00)?\.000Z$/, ' UTC');
  return `${r.from === undefined ? 'the start' : at(r.from)} to ${r.to === undefined ? 'the end' : at(r.to)}`;
}

/** The dataset itself when the range is open at both ends. */
export function sliceDataset(ds: Dataset, range: TimeRange): Dataset {
  if (!hasTimeRange(range)) return ds;
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  const inside = (t: number) => t >= from && t <= to; // false for NaN

  const P = ds.posts;
  const newIndex = new Int32Array(P.count).fill(-1);
  const kept: number[] = [];
  for (let p = 0; p < P.count; p++) {
    if (!inside(P.time[p])) continue;
    newIndex[p] = kept.length;
    kept.push(p);
  }
  const pick = <T>(column: T[]) => kept.map((p) => column[p]);
  const posts: Dataset['posts'] = {
    count: kept.length,
    extId: pick(P.extId),
    author: Int32Array.from(kept, (p) => P.author[p]),
    time: Float64Array.from(kept, (p) => P.time[p]),
    kind: Uint8Array.from(kept, (p) => P.kind[p]),
    text: pick(P.text),
    client: pick(P.client),
    parentExtId: pick(P.parentExtId),
    parentAuthor: Int32Array.from(kept, (p) => P.parentAuthor[p]),
  };

  const O = ds.objects;
  const objectRows: number[] = [];
  for (let r = 0; r < O.count; r++) if (newIndex[O.post[r]] >= 0) objectRows.push(r);
  const objects: Dataset['objects'] = {
    count: objectRows.length,
    post: Int32Array.from(objectRows, (r) => newIndex[O.post[r]]),
    kind: Uint8Array.from(objectRows, (r) => O.kind[r]),
    value: Int32Array.from(objectRows, (r) => O.value[r]),
    // Shared, not copied: values are looked up by index, and unused ones cost nothing.
    values: O.values,
  };

  const I = ds.interactions;
  const rows: number[] = [];
  const follow = INTERACTION_KIND_CODES.indexOf('follow');
  // Untimed follow rows (from edge lists) are follows like ds.follows: kept.
  for (let r = 0; r < I.count; r++) {
    if (inside(I.time[r]) || (I.kind[r] === follow && Number.isNaN(I.time[r]))) rows.push(r);
  }
  const interactions: Dataset['interactions'] = {
    count: rows.length,
    source: Int32Array.from(rows, (r) => I.source[r]),
    target: Int32Array.from(rows, (r) => I.target[r]),
    kind: Uint8Array.from(rows, (r) => I.kind[r]),
    post: Int32Array.from(rows, (r) => (I.post[r] >= 0 ? newIndex[I.post[r]] : -1)),
    time: Float64Array.from(rows, (r) => I.time[r]),
    weight: Float64Array.from(rows, (r) => I.weight[r]),
  };

  return { accounts: ds.accounts, posts, objects, interactions, follows: ds.follows };
}
