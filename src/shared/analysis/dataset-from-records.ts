/**
 * Builds a Dataset straight from normalised records, in memory, with the same semantics as writing them into
 * a project (src/main/store/writer.ts) and loading it (src/main/analysis/load-dataset.ts): accounts referenced
 * only by id become bare accounts, posts and follows are unique on their natural keys, first write wins for
 * posts, later non-empty profile fields win for accounts. For unit tests and generators that need no SQLite.
 */
import type { RecordBatch } from '../model/records';
import { INTERACTION_KIND_CODES, OBJECT_KINDS, POST_KINDS, type Dataset } from './dataset';

export function datasetFromRecords(batches: Iterable<RecordBatch>): Dataset {
  const accIndex = new Map<string, number>();
  const acc = {
    platform: [] as string[],
    extId: [] as string[],
    screenName: [] as (string | null)[],
    displayName: [] as (string | null)[],
    createdAt: [] as number[],
    followers: [] as number[],
    following: [] as number[],
    description: [] as (string | null)[],
    accountType: [] as (string | null)[],
  };
  const account = (platform: string, id: string): number => {
    const key = platform + '\0' + id;
    let i = accIndex.get(key);
    if (i === undefined) {
      i = acc.extId.length;
      accIndex.set(key, i);
      acc.platform.push(platform);
      acc.extId.push(id);
      acc.screenName.push(null);
      acc.displayName.push(null);
      acc.createdAt.push(NaN);
      acc.followers.push(NaN);
      acc.following.push(NaN);
      acc.description.push(null);
      acc.accountType.push(null);
    }
    return i;
  };
  const postIndex = new Map<string, number>();
  const posts = {
    extId: [] as string[],
    author: [] as number[],
    time: [] as number[],
    kind: [] as number[],
    text: [] as (string | null)[],
    client: [] as (string | null)[],
    parentExtId: [] as (string | null)[],
    parentAuthor: [] as number[],
  };
  const objKeys = new Set<string>();
  const objects = { post: [] as number[], kind: [] as number[], value: [] as number[], values: [] as string[] };
  const valueIndex = new Map<string, number>();
  const interKeys = new Set<string>();
  const inter = {
    source: [] as number[],
    target: [] as number[],
    kind: [] as number[],
    post: [] as number[],
    time: [] as number[],
    weight: [] as number[],
  };
  const followKeys = new Set<string>();
  const follows = { follower: [] as number[], followed: [] as number[] };

  for (const b of batches) {
    for (const a of b.accounts ?? []) {
      const i = account(a.platform, a.id);
      if (a.screenName !== undefined) acc.screenName[i] = a.screenName;
      if (a.displayName !== undefined) acc.displayName[i] = a.displayName;
      if (a.createdAt !== undefined) acc.createdAt[i] = a.createdAt;
      if (a.followers !== undefined) acc.followers[i] = a.followers;
      if (a.following !== undefined) acc.following[i] = a.following;
      if (a.description !== undefined) acc.description[i] = a.description;
      if (a.accountType !== undefined) acc.accountType[i] = a.accountType;
    }
    for (const p of b.posts ?? []) {
      const author = account(p.platform, p.authorId);
      const parentAuthor = p.parentAuthorId === undefined ? -1 : account(p.platform, p.parentAuthorId);
      const key = p.platform + '\0' + p.id;
      if (postIndex.has(key)) continue;
      const i = posts.extId.length;
      postIndex.set(key, i);
      posts.extId.push(p.id);
      posts.author.push(author);
      posts.time.push(p.time ?? NaN);
      posts.kind.push(POST_KINDS.indexOf(p.kind));
      posts.text.push(p.text ?? null);
      posts.client.push(p.client ?? null);
      posts.parentExtId.push(p.parentId ?? null);
      posts.parentAuthor.push(parentAuthor);
      for (const o of p.objects ?? []) {
        const v = o.kind + ':' + o.value;
        if (objKeys.has(i + '\0' + v)) continue;
        objKeys.add(i + '\0' + v);
        let vi = valueIndex.get(v);
        if (vi === undefined) {
          vi = objects.values.length;
          objects.values.push(v);
          valueIndex.set(v, vi);
        }
        objects.post.push(i);
        objects.kind.push(OBJECT_KINDS.indexOf(o.kind));
        objects.value.push(vi);
      }
    }
    for (const r of b.interactions ?? []) {
      const s = account(r.platform, r.sourceId);
      const t = account(r.platform, r.targetId);
      const post = r.postId === undefined ? -1 : (postIndex.get(r.platform + '\0' + r.postId) ?? -1);
      const key = [r.kind, s, t, post, r.time ?? -1].join('\0');
      if (interKeys.has(key)) continue;
      interKeys.add(key);
      inter.source.push(s);
      inter.target.push(t);
      inter.kind.push(INTERACTION_KIND_CODES.indexOf(r.kind));
      inter.post.push(post);
      inter.time.push(r.time ?? NaN);
      inter.weight.push(r.weight ?? 1);
    }
    for (const f of b.follows ?? []) {
      const a = account(f.platform, f.followerId);
      const c = account(f.platform, f.followedId);
      if (followKeys.has(a + ':' + c)) continue;
      followKeys.add(a + ':' + c);
      follows.follower.push(a);
      follows.followed.push(c);
    }
  }
  const n = acc.extId.length;
  return {
    accounts: {
      count: n,
      rowId: Int32Array.from({ length: n }, (_, i) => i + 1),
      platform: acc.platform,
      extId: acc.extId,
      screenName: acc.screenName,
      displayName: acc.displayName,
      createdAt: Float64Array.from(acc.createdAt),
      followers: Float64Array.from(acc.followers),
      following: Float64Array.from(acc.following),
      description: acc.description,
      accountType: acc.accountType,
    },
    posts: {
      count: posts.extId.length,
      extId: posts.extId,
      author: Int32Array.from(posts.author),
      time: Float64Array.from(posts.time),
      kind: Uint8Array.from(posts.kind),
      text: posts.text,
      client: posts.client,
      parentExtId: posts.parentExtId,
      parentAuthor: Int32Array.from(posts.parentAuthor),
    },
    objects: {
      count: objects.post.length,
      post: Int32Array.from(objects.post),
      kind: Uint8Array.from(objects.kind),
      value: Int32Array.from(objects.value),
      values: objects.values,
    },
    interactions: {
      count: inter.source.length,
      source: Int32Array.from(inter.source),
      target: Int32Array.from(inter.target),
      kind: Uint8Array.from(inter.kind),
      post: Int32Array.from(inter.post),
      time: Float64Array.from(inter.time),
      weight: Float64Array.from(inter.weight),
    },
    follows: {
      count: follows.follower.length,
      follower: Int32Array.from(follows.follower),
      followed: Int32Array.from(follows.followed),
    },
  };
}
