import type {
  AccountRecord,
  FollowRecord,
  InteractionRecord,
  ObjectKind,
  Platform,
  PostKind,
  PostRecord,
  RecordBatch,
} from '../../shared/model/records';
import type { RowResult } from './formats/format';

/**
 * Row results as one flat array of primitives per chunk, for the parse worker to hand to the writing thread.
 * Structured clones or JSON of a million small objects cost more to rebuild than parsing the CSV did; a flat
 * JSON array of strings and numbers parses several times faster, and fixed-shape objects are cheap to make.
 *
 * Layout per row: line, then 0 and the error message, 3 and a warning, or 1 (2: its time had no zone) and the batch as counted groups of fixed fields
 * (accounts, posts with their objects, interactions, follows; -1 for a list the batch does not have). `undefined` travels as null and comes back
 * as undefined, so the writer sees exactly what the format produced.
 */
export type Flat = (string | number | boolean | null)[];

const u = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function encodeRow(out: Flat, row: RowResult): void {
  out.push(row.line);
  if ('error' in row) {
    out.push(0, row.error);
    return;
  }
  if ('warning' in row) {
    out.push(3, row.warning);
    return;
  }
  out.push(row.zonelessTime ? 2 : 1);
  const b = row.batch;
  const accounts = b.accounts ?? [];
  out.push(b.accounts ? accounts.length : -1);
  for (const a of accounts) {
    out.push(a.platform, a.id, u(a.screenName), u(a.displayName), u(a.createdAt), u(a.followers), u(a.following));
    out.push(u(a.description), u(a.location), u(a.language), u(a.verified), u(a.profileImageUrl), u(a.accountType));
  }
  const posts = b.posts ?? [];
  out.push(b.posts ? posts.length : -1);
  for (const p of posts) {
    out.push(p.platform, p.id, p.authorId, u(p.time), u(p.text), u(p.language), u(p.client), p.kind);
    out.push(u(p.parentId), u(p.parentAuthorId), u(p.rootId), u(p.reactions), u(p.replyCount));
    if (p.objects === undefined) out.push(-1);
    else {
      out.push(p.objects.length);
      for (const o of p.objects) out.push(o.kind, o.value);
    }
  }
  const interactions = b.interactions ?? [];
  out.push(b.interactions ? interactions.length : -1);
  for (const i of interactions) {
    out.push(i.platform, i.sourceId, i.targetId, i.kind, u(i.postId), u(i.time), u(i.weight));
  }
  const follows = b.follows ?? [];
  out.push(b.follows ? follows.length : -1);
  for (const f of follows) out.push(f.platform, f.followerId, f.followedId, u(f.time));
}

/** Decodes what encodeRow wrote, row by row, in order. */
export function* decodeRows(flat: Flat): Generator<RowResult> {
  let k = 0;
  // Each field read is typed by its place in the layout above.
  const s = () => flat[k++] as string;
  const os = () => (flat[k] === null ? (k++, undefined) : (flat[k++] as string));
  const on = () => (flat[k] === null ? (k++, undefined) : (flat[k++] as number));
  const n = () => flat[k++] as number;
  while (k < flat.length) {
    const line = n();
    const status = n();
    if (status === 0) {
      yield { line, error: s() };
      continue;
    }
    if (status === 3) {
      yield { line, warning: s() };
      continue;
    }
    const batch: RecordBatch = {};
    const na = n();
    if (na >= 0) {
      const accounts: AccountRecord[] = [];
      for (let j = 0; j < na; j++) {
        accounts.push({
          platform: s() as Platform,
          id: s(),
          screenName: os(),
          displayName: os(),
          createdAt: on(),
          followers: on(),
          following: on(),
          description: os(),
          location: os(),
          language: os(),
          verified: flat[k] === null ? (k++, undefined) : (flat[k++] as boolean),
          profileImageUrl: os(),
          accountType: os(),
        });
      }
      batch.accounts = accounts;
    }
    const np = n();
    if (np >= 0) {
      const posts: PostRecord[] = [];
      for (let j = 0; j < np; j++) {
        const p: PostRecord = {
          platform: s() as Platform,
          id: s(),
          authorId: s(),
          time: on(),
          text: os(),
          language: os(),
          client: os(),
          kind: s() as PostKind,
          parentId: os(),
          parentAuthorId: os(),
          rootId: os(),
          reactions: on(),
          replyCount: on(),
        };
        const no = n();
        if (no >= 0) {
          const objects = (p.objects = new Array<{ kind: ObjectKind; value: string }>(no));
          for (let m = 0; m < no; m++) objects[m] = { kind: s() as ObjectKind, value: s() };
        }
        posts.push(p);
      }
      batch.posts = posts;
    }
    const ni = n();
    if (ni >= 0) {
      const interactions: InteractionRecord[] = [];
      for (let j = 0; j < ni; j++) {
        interactions.push({
          platform: s() as Platform,
          sourceId: s(),
          targetId: s(),
          kind: s() as InteractionRecord['kind'],
          postId: os(),
          time: on(),
          weight: on(),
        });
      }
      batch.interactions = interactions;
    }
    const nf = n();
    if (nf >= 0) {
      const follows: FollowRecord[] = [];
      for (let j = 0; j < nf; j++)
        follows.push({ platform: s() as Platform, followerId: s(), followedId: s(), time: on() });
      batch.follows = follows;
    }
    yield status === 2 ? { line, batch, zonelessTime: true } : { line, batch };
  }
}
