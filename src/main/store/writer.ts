import type { Statement } from 'better-sqlite3';
import type { Db } from './project';
import type {
  AccountRecord,
  FollowRecord,
  InteractionRecord,
  PostRecord,
  RecordBatch,
} from '../../shared/model/records';

export interface WriterOptions {
  /**
   * Queue post objects and interactions and write them BUFFER_ROWS at a time, one multi-row INSERT each
   * (a third less CPU a row than one statement a row). Nothing in the writer reads them back, and the queue
   * keeps their order, so the stored rows and ids are the same; the caller calls flush() before it reads the
   * tables or `added`.
   */
  buffered?: boolean;
}

/** Rows per multi-row INSERT: enough to spread a statement's cost, far below SQLite's bound-parameter limit. */
const BUFFER_ROWS = 128;

export interface WriteCounts {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
}

/**
 * Writes normalised records into a project inside the caller's transaction. Keeps an in-memory map of
 * account keys to row ids so that a million rows by a few thousand accounts cost a few thousand upserts,
 * not a million. Everything is INSERT OR IGNORE / upsert on natural keys, so re-imports add nothing.
 */
export class RecordWriter {
  readonly added: WriteCounts = { accounts: 0, posts: 0, interactions: 0, follows: 0 };
  /**
   * platform → ext_id → row id, for every account this import has touched. Keyed by the id strings the rows
   * already hold, with a number each, so that a graph of a million accounts costs tens of MB, not hundreds.
   */
  private readonly accountIds = new Map<string, Map<string, number>>();
  /** The profile last written, for the accounts written most recently: see RecentProfiles. */
  private readonly profiles = new RecentProfiles(PROFILES_KEPT);
  /** Distinct accounts this import has named: those already in the project before it, and those it created. */
  readonly touched = { existing: 0, created: 0 };
  /**
   * The post written last: a row's interactions name the post the same row wrote (a retweet writes the post,
   * then its interaction), so this one slot saves nearly every lookup; any other post is looked up.
   */
  private lastPost = { platform: '', extId: '', id: 0 };
  private readonly buffered: boolean;
  private objectQueue: (string | number)[] = [];
  private interactionQueue: (string | number | null)[] = [];
  private readonly multiRow = new Map<string, Statement>();
  private readonly st;

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    options: WriterOptions = {},
  ) {
    this.buffered = options.buffered ?? false;
    this.st = {
      upsertAccount: db.prepare(`
        INSERT INTO accounts (platform, ext_id, screen_name, display_name, created_at, followers, following,
                              description, location, language, verified, profile_image_url, account_type)
        VALUES (@platform, @id, @screenName, @displayName, @createdAt, @followers, @following,
                @description, @location, @language, @verified, @profileImageUrl, @accountType)
        ON CONFLICT (platform, ext_id) DO UPDATE SET
          screen_name = coalesce(excluded.screen_name, screen_name),
          display_name = coalesce(excluded.display_name, display_name),
          created_at = coalesce(excluded.created_at, created_at),
          followers = coalesce(excluded.followers, followers),
          following = coalesce(excluded.following, following),
          description = coalesce(excluded.description, description),
          location = coalesce(excluded.location, location),
          language = coalesce(excluded.language, language),
          verified = coalesce(excluded.verified, verified),
          profile_image_url = coalesce(excluded.profile_image_url, profile_image_url),
          account_type = coalesce(excluded.account_type, account_type)
        RETURNING id`),
      insertStub: db.prepare('INSERT OR IGNORE INTO accounts (platform, ext_id) VALUES (?, ?)'),
      findAccount: db.prepare('SELECT id FROM accounts WHERE platform = ? AND ext_id = ?').pluck(),
      insertPost: db.prepare(`
        INSERT OR IGNORE INTO posts (platform, ext_id, author_id, time, text, language, client, kind,
                                     parent_ext_id, parent_author_id, root_ext_id, import_id, reactions, reply_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      findPost: db.prepare('SELECT id FROM posts WHERE platform = ? AND ext_id = ?').pluck(),
      findOwnPost: db.prepare('SELECT id FROM posts WHERE platform = ? AND ext_id = ? AND author_id = ?').pluck(),
      insertObject: db.prepare('INSERT OR IGNORE INTO post_objects (post_id, kind, value) VALUES (?, ?, ?)'),
      insertInteraction: db.prepare(`
        INSERT OR IGNORE INTO interactions (source_id, target_id, kind, post_id, time, weight, import_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertFollow: db.prepare(
        'INSERT OR IGNORE INTO follows (follower_id, followed_id, time, import_id) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  write(batch: RecordBatch): void {
    if (batch.accounts) for (const a of batch.accounts) this.account(a);
    if (batch.posts) for (const p of batch.posts) this.post(p);
    if (batch.interactions) for (const i of batch.interactions) this.interaction(i);
    if (batch.follows) for (const f of batch.follows) this.follow(f);
  }

  /** Upserts a full profile; skipped when the same fields were already written in this import. */
  account(a: AccountRecord): number {
    const ids = this.idsOf(a.platform);
    const known = ids.get(a.id);
    const key = a.platform + '\0' + a.id;
    const profile = hasProfile(a);
    if (known !== undefined && !profile) return known;
    if (known !== undefined && sameProfile(this.profiles.get(key), a)) return known;
    const existed = known ?? this.lookupAccount(a.platform, a.id);
    const row = this.st.upsertAccount.get({
      platform: a.platform,
      id: a.id,
      screenName: a.screenName ?? null,
      displayName: a.displayName ?? null,
      createdAt: a.createdAt ?? null,
      followers: a.followers ?? null,
      following: a.following ?? null,
      description: a.description ?? null,
      location: a.location ?? null,
      language: a.language ?? null,
      verified: a.verified === undefined ? null : a.verified ? 1 : 0,
      profileImageUrl: a.profileImageUrl ?? null,
      accountType: a.accountType ?? null,
    }) as { id: number };
    if (existed === undefined) this.added.accounts++;
    if (known === undefined) this.touch(existed !== undefined);
    ids.set(a.id, row.id);
    if (profile) this.profiles.set(key, a);
    return row.id;
  }

  /** Row id of an account known only by id (a retweeted user, a mention): created bare if new. */
  accountId(platform: string, extId: string): number {
    const ids = this.idsOf(platform);
    const known = ids.get(extId);
    if (known !== undefined) return known;
    const info = this.st.insertStub.run(platform, extId);
    const id = info.changes > 0 ? Number(info.lastInsertRowid) : (this.st.findAccount.get(platform, extId) as number);
    if (info.changes > 0) this.added.accounts++;
    this.touch(info.changes === 0);
    ids.set(extId, id);
    return id;
  }

  private idsOf(platform: string): Map<string, number> {
    let ids = this.accountIds.get(platform);
    if (!ids) this.accountIds.set(platform, (ids = new Map()));
    return ids;
  }

  private touch(existing: boolean): void {
    if (existing) this.touched.existing++;
    else this.touched.created++;
  }

  private lookupAccount(platform: string, extId: string): number | undefined {
    return this.st.findAccount.get(platform, extId) as number | undefined;
  }

  post(p: PostRecord): void {
    const authorId = this.accountId(p.platform, p.authorId);
    const parentAuthorId = p.parentAuthorId === undefined ? null : this.accountId(p.platform, p.parentAuthorId);
    const info = this.st.insertPost.run(
      p.platform,
      p.id,
      authorId,
      p.time ?? null,
      p.text ?? null,
      p.language ?? null,
      p.client ?? null,
      p.kind,
      p.parentId ?? null,
      parentAuthorId,
      p.rootId ?? null,
      this.importId,
      p.reactions ?? null,
      p.replyCount ?? null,
    );
    if (info.changes === 0) {
      // Already stored. Share tables and multi-object files give one row per (post, object), so the same post
      // comes again with another object: add it (INSERT OR IGNORE keeps re-imports idempotent).
      // Only onto the same author's post: a clashing id from another account must not gain its objects.
      const existing = p.objects?.length
        ? (this.st.findOwnPost.get(p.platform, p.id, authorId) as number | undefined)
        : undefined;
      if (existing !== undefined) for (const o of p.objects ?? []) this.object(existing, o.kind, o.value);
      return;
    }
    const postId = Number(info.lastInsertRowid);
    this.added.posts++;
    this.lastPost = { platform: p.platform, extId: p.id, id: postId };
    if (p.objects) for (const o of p.objects) this.object(postId, o.kind, o.value);
  }

  private object(postId: number, kind: string, value: string): void {
    if (!this.buffered) {
      this.st.insertObject.run(postId, kind, value);
      return;
    }
    this.objectQueue.push(postId, kind, value);
    if (this.objectQueue.length >= BUFFER_ROWS * 3) this.flushObjects();
  }

  interaction(i: InteractionRecord): void {
    const source = this.accountId(i.platform, i.sourceId);
    const target = this.accountId(i.platform, i.targetId);
    const postId = i.postId === undefined ? null : this.postId(i.platform, i.postId);
    if (this.buffered) {
      this.interactionQueue.push(source, target, i.kind, postId, i.time ?? null, i.weight ?? 1, this.importId);
      if (this.interactionQueue.length >= BUFFER_ROWS * 7) this.flushInteractions();
      return;
    }
    const info = this.st.insertInteraction.run(
      source,
      target,
      i.kind,
      postId,
      i.time ?? null,
      i.weight ?? 1,
      this.importId,
    );
    this.added.interactions += info.changes;
  }

  /** Writes what is queued (buffered mode); the tables and `added` are exact afterwards. */
  flush(): void {
    this.flushObjects();
    this.flushInteractions();
  }

  private flushObjects(): void {
    const q = this.objectQueue;
    if (q.length === 0) return;
    this.objectQueue = [];
    this.insertRows('INSERT OR IGNORE INTO post_objects (post_id, kind, value) VALUES ', 3, q);
  }

  private flushInteractions(): void {
    const q = this.interactionQueue;
    if (q.length === 0) return;
    this.interactionQueue = [];
    this.added.interactions += this.insertRows(
      'INSERT OR IGNORE INTO interactions (source_id, target_id, kind, post_id, time, weight, import_id) VALUES ',
      7,
      q,
    );
  }

  /** One INSERT of the queued rows in their order, so a later duplicate is ignored as it was row by row. */
  private insertRows(head: string, width: number, values: unknown[]): number {
    const rows = values.length / width;
    const key = head + rows;
    let st = this.multiRow.get(key);
    if (!st) {
      const row = '(' + new Array<string>(width).fill('?').join(', ') + ')';
      st = this.db.prepare(head + new Array<string>(rows).fill(row).join(', '));
      this.multiRow.set(key, st);
    }
    return st.run(values).changes;
  }

  follow(f: FollowRecord): void {
    const follower = this.accountId(f.platform, f.followerId);
    const followed = this.accountId(f.platform, f.followedId);
    const info = this.st.insertFollow.run(follower, followed, f.time ?? null, this.importId);
    this.added.follows += info.changes;
  }

  private postId(platform: string, extId: string): number | null {
    const last = this.lastPost;
    if (last.extId === extId && last.platform === platform) return last.id;
    const id = this.st.findPost.get(platform, extId) as number | undefined;
    return id ?? null;
  }
}

const PROFILE_FIELDS = [
  'screenName',
  'displayName',
  'createdAt',
  'followers',
  'following',
  'description',
  'location',
  'language',
  'verified',
  'profileImageUrl',
  'accountType',
] as const satisfies readonly (keyof AccountRecord)[];

/** Whether a record says anything about the account beyond its id (an empty cell says nothing). */
function hasProfile(a: AccountRecord): boolean {
  for (const f of PROFILE_FIELDS) {
    const v = a[f];
    if (v !== undefined && v !== '') return true;
  }
  return false;
}

/** Same profile fields, an empty cell and a missing one alike: writing it again would change nothing. */
function sameProfile(x: AccountRecord | undefined, y: AccountRecord): boolean {
  if (x === undefined) return false;
  for (const f of PROFILE_FIELDS) if ((x[f] ?? '') !== (y[f] ?? '')) return false;
  return true;
}

/** Profiles kept per generation of RecentProfiles. */
const PROFILES_KEPT = 100_000;

/**
 * The profiles last written, for skipping a rewrite of the same fields: a tweets file repeats its author's
 * profile on every row, so the accounts that matter are the ones written lately. Two generations of at most
 * `max` each: when the newer is full it becomes the older and the oldest go. A graph of a million accounts,
 * each written once, then costs two generations of profiles rather than a million (issue 16, item 6); an
 * account that fell out is written again, to the same effect.
 */
class RecentProfiles {
  private newer = new Map<string, AccountRecord>();
  private older = new Map<string, AccountRecord>();

  constructor(private readonly max: number) {}

  get(key: string): AccountRecord | undefined {
    const p = this.newer.get(key);
    if (p !== undefined) return p;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, profile: AccountRecord): void {
    if (this.newer.size >= this.max && !this.newer.has(key)) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, profile);
  }
}
