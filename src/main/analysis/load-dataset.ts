import type { Db } from '../store/project';
import { INTERACTION_KIND_CODES, OBJECT_KINDS, POST_KINDS, type Dataset } from '../../shared/analysis/dataset';
import type { TextGroupInput } from '../../shared/analysis/text';
import type { InteractionKind, ObjectKind, PostKind } from '../../shared/model/records';

/**
 * Reads a whole project into typed-array columns for analysis. Streams each table with `iterate()` so no
 * array of row objects is ever held; account and post row ids are remapped to dense indexes.
 */
/** Kind name → index into POST_KINDS (the Dataset's kind code). */
const postKind = Object.fromEntries(POST_KINDS.map((k, j) => [k, j])) as Record<PostKind, number>;

export interface LoadOptions {
  /**
   * Read the posts' texts (default true). An analysis whose text groups come from a stage worker and that has
   * no text co-action skips them: a million strings it would never read. posts.text is then all null.
   */
  texts?: boolean;
}

export function loadDataset(db: Db, options: LoadOptions = {}): Dataset {
  const withTexts = options.texts ?? true;
  const nAccounts = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  const accountIndex = rowIndex(db, 'accounts', nAccounts);
  const accounts = {
    count: nAccounts,
    rowId: new Int32Array(nAccounts),
    platform: new Array<string>(nAccounts),
    extId: new Array<string>(nAccounts),
    screenName: new Array<string | null>(nAccounts),
    displayName: new Array<string | null>(nAccounts),
    createdAt: new Float64Array(nAccounts),
    followers: new Float64Array(nAccounts),
    following: new Float64Array(nAccounts),
    description: new Array<string | null>(nAccounts),
    accountType: new Array<string | null>(nAccounts),
  };
  let i = 0;
  for (const r of db
    .prepare(
      'SELECT id, platform, ext_id, screen_name, display_name, created_at, followers, following, description, account_type FROM accounts ORDER BY id',
    )
    .raw()
    .iterate() as Iterable<
    [
      number,
      string,
      string,
      string | null,
      string | null,
      number | null,
      number | null,
      number | null,
      string | null,
      string | null,
    ]
  >) {
    accountIndex.set(r[0], i);
    accounts.rowId[i] = r[0];
    accounts.platform[i] = r[1];
    accounts.extId[i] = r[2];
    accounts.screenName[i] = r[3];
    accounts.displayName[i] = r[4];
    accounts.createdAt[i] = r[5] ?? NaN;
    accounts.followers[i] = r[6] ?? NaN;
    accounts.following[i] = r[7] ?? NaN;
    accounts.description[i] = r[8];
    accounts.accountType[i] = r[9];
    i++;
  }

  const nPosts = db.prepare('SELECT count(*) FROM posts').pluck().get() as number;
  const postIndex = rowIndex(db, 'posts', nPosts);
  const posts = {
    count: nPosts,
    extId: new Array<string>(nPosts),
    author: new Int32Array(nPosts),
    time: new Float64Array(nPosts),
    kind: new Uint8Array(nPosts),
    text: new Array<string | null>(nPosts),
    client: new Array<string | null>(nPosts),
    parentExtId: new Array<string | null>(nPosts),
    parentAuthor: new Int32Array(nPosts),
  };
  i = 0;
  for (const r of db
    .prepare(
      `SELECT id, ext_id, author_id, time, kind, ${withTexts ? 'text' : 'NULL'}, client, parent_ext_id, parent_author_id
       FROM posts ORDER BY id`,
    )
    .raw()
    .iterate() as Iterable<
    [number, string, number, number | null, PostKind, string | null, string | null, string | null, number | null]
  >) {
    postIndex.set(r[0], i);
    posts.extId[i] = r[1];
    posts.author[i] = accountIndex.get(r[2]);
    posts.time[i] = r[3] ?? NaN;
    posts.kind[i] = postKind[r[4]];
    posts.text[i] = r[5];
    posts.client[i] = r[6];
    posts.parentExtId[i] = r[7];
    posts.parentAuthor[i] = r[8] === null ? -1 : accountIndex.get(r[8]);
    i++;
  }

  const nObjects = db.prepare('SELECT count(*) FROM post_objects').pluck().get() as number;
  const objectKind = Object.fromEntries(OBJECT_KINDS.map((k, j) => [k, j])) as Record<ObjectKind, number>;
  const objects = {
    count: nObjects,
    post: new Int32Array(nObjects),
    kind: new Uint8Array(nObjects),
    value: new Int32Array(nObjects),
    values: [] as string[],
  };
  // Read in (kind, value) order through the post_objects_value index, so equal values arrive together and
  // are interned by comparing with the previous row: no map of half a million value strings.
  i = 0;
  let lastKind = '';
  let lastValue = '';
  for (const r of db
    .prepare('SELECT post_id, kind, value FROM post_objects INDEXED BY post_objects_value ORDER BY kind, value')
    .raw()
    .iterate() as Iterable<[number, ObjectKind, string]>) {
    if (r[2] !== lastValue || r[1] !== lastKind || objects.values.length === 0) {
      objects.values.push(r[1] + ':' + r[2]);
      lastKind = r[1];
      lastValue = r[2];
    }
    objects.post[i] = postIndex.get(r[0]);
    objects.kind[i] = objectKind[r[1]];
    objects.value[i] = objects.values.length - 1;
    i++;
  }

  const nInteractions = db.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
  const interactionKind = Object.fromEntries(INTERACTION_KIND_CODES.map((k, j) => [k, j])) as Record<
    InteractionKind,
    number
  >;
  const interactions = {
    count: nInteractions,
    source: new Int32Array(nInteractions),
    target: new Int32Array(nInteractions),
    kind: new Uint8Array(nInteractions),
    post: new Int32Array(nInteractions),
    time: new Float64Array(nInteractions),
    weight: new Float64Array(nInteractions),
  };
  i = 0;
  for (const r of db
    .prepare('SELECT source_id, target_id, kind, post_id, time, weight FROM interactions ORDER BY id')
    .raw()
    .iterate() as Iterable<[number, number, InteractionKind, number | null, number | null, number]>) {
    interactions.source[i] = accountIndex.get(r[0]);
    interactions.target[i] = accountIndex.get(r[1]);
    interactions.kind[i] = interactionKind[r[2]];
    interactions.post[i] = r[3] === null ? -1 : postIndex.get(r[3]);
    interactions.time[i] = r[4] ?? NaN;
    interactions.weight[i] = r[5];
    i++;
  }

  const nFollows = db.prepare('SELECT count(*) FROM follows').pluck().get() as number;
  const follows = { count: nFollows, follower: new Int32Array(nFollows), followed: new Int32Array(nFollows) };
  i = 0;
  for (const r of db.prepare('SELECT follower_id, followed_id FROM follows').raw().iterate() as Iterable<
    [number, number]
  >) {
    follows.follower[i] = accountIndex.get(r[0]);
    follows.followed[i] = accountIndex.get(r[1]);
    i++;
  }

  return { accounts, posts, objects, interactions, follows };
}

/**
 * What a stage worker needs to find each post's parent from the project file itself, in loadDataset's post
 * order and in one read transaction (one snapshot): the posts' kinds (to check both threads read the same
 * posts) and each post's parent post as SQLite finds it through the (platform, ext_id) index — the same match
 * as postParents(), without a map of a million id strings.
 */
export function loadPostParents(db: Db): { kinds: Uint8Array; parent: Int32Array } {
  return db.transaction(() => {
    const count = db.prepare('SELECT count(*) FROM posts').pluck().get() as number;
    const index = rowIndex(db, 'posts', count);
    const kinds = new Uint8Array(count);
    let i = 0;
    for (const r of db.prepare('SELECT id, kind FROM posts ORDER BY id').raw().iterate() as Iterable<
      [number, PostKind]
    >) {
      index.set(r[0], i);
      kinds[i++] = postKind[r[1]];
    }
    const parent = new Int32Array(count).fill(-1);
    for (const [child, of] of db
      .prepare(
        `SELECT p.id, q.id FROM posts p JOIN posts q ON q.platform = p.platform AND q.ext_id = p.parent_ext_id
         WHERE p.parent_ext_id IS NOT NULL AND q.id <> p.id`,
      )
      .raw()
      .iterate() as Iterable<[number, number]>) {
      parent[index.get(child)] = index.get(of);
    }
    return { kinds, parent };
  })();
}

/** What text grouping reads (see TextGroupInput), in loadDataset's post order, for a stage worker. */
export function loadPostTexts(db: Db): TextGroupInput {
  return db.transaction(() => {
    const count = db.prepare('SELECT count(*) FROM posts').pluck().get() as number;
    const posts = { count, text: new Array<string | null>(count), kind: new Uint8Array(count) };
    let i = 0;
    for (const r of db.prepare('SELECT kind, text FROM posts ORDER BY id').raw().iterate() as Iterable<
      [PostKind, string | null]
    >) {
      posts.kind[i] = postKind[r[0]];
      posts.text[i++] = r[1];
    }
    return { posts };
  })();
}

/**
 * Row id → dense index. Row ids are SQLite's integer keys, dense unless rows were deleted, so a typed array
 * indexed by id replaces a Map of a million entries; sparse ids (max id far above the row count) use a Map.
 */
class RowIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(minId: number | null, maxId: number | null, count: number) {
    const dense = minId !== null && maxId !== null && minId >= 0 && maxId <= 4 * count + 1024;
    this.dense = dense ? new Int32Array(maxId + 1) : null;
    this.sparse = dense ? null : new Map();
  }

  set(id: number, index: number): void {
    if (this.dense) this.dense[id] = index;
    else this.sparse!.set(id, index);
  }

  /** Like Map.get into a typed array: an unknown id reads as 0 (a project's foreign keys rule that out). */
  get(id: number): number {
    return this.dense ? this.dense[id] : this.sparse!.get(id)!;
  }
}

function rowIndex(db: Db, table: 'accounts' | 'posts', count: number): RowIndex {
  const [min, max] = db.prepare(`SELECT min(id), max(id) FROM ${table}`).raw().get() as [number | null, number | null];
  return new RowIndex(min, max, count);
}
