/**
 * Tiny Datasets for unit tests of graph and analysis code: rows written as plain objects, turned into the
 * typed columns the real loader produces.
 */
import { INTERACTION_KIND_CODES, OBJECT_KINDS, POST_KINDS, type Dataset } from '../analysis/dataset';
import type { InteractionKind, ObjectKind, PostKind } from '../model/records';

export interface TinyPost {
  id: string;
  author: number;
  time: number;
  kind?: PostKind;
  parent?: string;
  text?: string;
  objects?: [ObjectKind, string][];
}

export function tinyDataset(spec: {
  accounts: number;
  posts?: TinyPost[];
  interactions?: [number, number, InteractionKind, number?][];
  follows?: [number, number][];
}): Dataset {
  const posts = spec.posts ?? [];
  const inter = spec.interactions ?? [];
  const follows = spec.follows ?? [];
  const A = spec.accounts;
  const objectRows: [number, number, string][] = [];
  posts.forEach((p, i) =>
    (p.objects ?? []).forEach(([k, v]) => objectRows.push([i, OBJECT_KINDS.indexOf(k), k + ':' + v])),
  );
  const values = [...new Set(objectRows.map((r) => r[2]))];
  const authorOf = new Map(posts.map((p) => [p.id, p.author]));
  return {
    accounts: {
      count: A,
      rowId: Int32Array.from({ length: A }, (_, i) => i + 1),
      platform: Array(A).fill('twitter'),
      extId: Array.from({ length: A }, (_, i) => 'u' + i),
      screenName: Array.from({ length: A }, (_, i) => 'user' + i),
      displayName: Array(A).fill(null),
      createdAt: new Float64Array(A).fill(NaN),
      followers: new Float64Array(A).fill(NaN),
      following: new Float64Array(A).fill(NaN),
      description: Array(A).fill(null),
      accountType: Array(A).fill(null),
    },
    posts: {
      count: posts.length,
      extId: posts.map((p) => p.id),
      author: Int32Array.from(posts, (p) => p.author),
      time: Float64Array.from(posts, (p) => p.time),
      kind: Uint8Array.from(posts, (p) => POST_KINDS.indexOf(p.kind ?? 'original')),
      text: posts.map((p) => p.text ?? null),
      client: posts.map(() => null),
      parentExtId: posts.map((p) => p.parent ?? null),
      parentAuthor: Int32Array.from(posts, (p) => (p.parent !== undefined ? (authorOf.get(p.parent) ?? -1) : -1)),
    },
    objects: {
      count: objectRows.length,
      post: Int32Array.from(objectRows, (r) => r[0]),
      kind: Uint8Array.from(objectRows, (r) => r[1]),
      value: Int32Array.from(objectRows, (r) => values.indexOf(r[2])),
      values,
    },
    interactions: {
      count: inter.length,
      source: Int32Array.from(inter, (r) => r[0]),
      target: Int32Array.from(inter, (r) => r[1]),
      kind: Uint8Array.from(inter, (r) => INTERACTION_KIND_CODES.indexOf(r[2])),
      post: new Int32Array(inter.length).fill(-1),
      time: Float64Array.from(inter, (r) => r[3] ?? NaN),
      weight: new Float64Array(inter.length).fill(1),
    },
    follows: {
      count: follows.length,
      follower: Int32Array.from(follows, (r) => r[0]),
      followed: Int32Array.from(follows, (r) => r[1]),
    },
  };
}
