/**
 * The exploration channels behind the panels: one account (profile, posts, ties) read from the project with
 * bounded, indexed queries; one cascade's tree, hashtag/term timelines and a community's extra charts from
 * the shared analysis code (collectCascades, hashtagTimelines, termTimelines, normaliseText) over the
 * project's Dataset. The Dataset is loaded once per analysis and dropped when the analysis changes.
 */
import { hashtagTimelines, termTimelines, type Timeline } from '../../shared/analysis/bursts';
import { collectCascades, type CollectedCascade } from '../../shared/analysis/cascades';
import type { Dataset } from '../../shared/analysis/dataset';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { HOURS_PER_WEEK, hourOfWeek } from '../../shared/analysis/shift';
import { normaliseText } from '../../shared/analysis/text';
import type {
  AccountDetail,
  AccountTie,
  CascadeDetail,
  CommunityExtra,
  CountBin,
  TimelineSet,
} from '../../shared/api/explore-types';
import { INTERACTION_KINDS, PLATFORMS } from '../../shared/model/records';
import { loadDataset } from '../analysis/load-dataset';
import type { Db } from '../store/project';

export class NotFound extends Error {}

export class BadView extends Error {}

/** The node filter of an export.gexf `view` bitmask (see the contract), checked against the graph's size. */
export function viewFilter(base64: string, nodeCount: number): (position: number) => boolean {
  const bits = Buffer.from(base64, 'base64');
  if (bits.length !== Math.ceil(nodeCount / 8))
    throw new BadView(`view: ${bits.length} bytes for ${nodeCount} nodes; expected ${Math.ceil(nodeCount / 8)}`);
  return (p) => ((bits[p >> 3] >> (p & 7)) & 1) === 1;
}

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export interface AccountQuery {
  accountId: string;
  platform?: string;
  postsOffset?: number;
  postsLimit?: number;
  tiesLimit?: number;
}

/** One account: profile, hour-of-week activity, one page of posts, strongest ties each way, its verdict. */
export function accountDetail(db: Db, analysis: AnalysisOutput | null, q: AccountQuery): AccountDetail {
  const postsOffset = q.postsOffset ?? 0;
  const postsLimit = q.postsLimit ?? 100;
  const tiesLimit = q.tiesLimit ?? 50;
  // platform IN (every platform) lets SQLite use the UNIQUE (platform, ext_id) index for an id alone.
  const row = db
    .prepare(
      `SELECT id, platform, ext_id, screen_name, display_name, created_at, followers, following, description, location, language
       FROM accounts WHERE platform IN (${inList(q.platform ? [q.platform] : PLATFORMS)}) AND ext_id = ? ORDER BY id LIMIT 1`,
    )
    .get(q.accountId) as Record<string, string & number> | undefined;
  const result = analysis?.accounts.find((a) => a.accountId === q.accountId) ?? null;
  if (!row && !result) throw new NotFound(`no account ${q.accountId} in this project or its analysis`);
  const community = result ? analysis!.communities.find((c) => c.id === result.community) : undefined;
  const hist = new Array<number>(HOURS_PER_WEEK).fill(0);
  let postCount = 0;
  let posts: AccountDetail['posts'] = [];
  let interactionsOut: AccountTie[] = [];
  let interactionsIn: AccountTie[] = [];
  let interactionsOutTotal = 0;
  let interactionsInTotal = 0;
  if (row) {
    const id = row.id;
    for (const t of db
      .prepare('SELECT time FROM posts WHERE author_id = ? AND time IS NOT NULL')
      .pluck()
      .iterate(id) as Iterable<number>) {
      hist[hourOfWeek(t)]++;
    }
    postCount = db.prepare('SELECT count(*) FROM posts WHERE author_id = ?').pluck().get(id) as number;
    posts = (
      db
        .prepare(
          'SELECT ext_id, time, kind, text, parent_ext_id FROM posts WHERE author_id = ? ORDER BY time, id LIMIT ? OFFSET ?',
        )
        .raw()
        .all(id, postsLimit, postsOffset) as [string, number | null, string, string | null, string | null][]
    ).map(([pid, time, kind, text, parentId]) => ({ id: pid, time, kind, text, parentId }));
    // kind IN (every kind) lets SQLite walk interactions_natural (kind, source_id, …) for one source.
    const ties = (side: 'source_id' | 'target_id', other: 'source_id' | 'target_id') =>
      (
        db
          .prepare(
            `SELECT a.ext_id, a.screen_name, i.kind, count(*) AS n, sum(i.weight) AS w FROM interactions i
             JOIN accounts a ON a.id = i.${other}
             WHERE i.kind IN (${inList(INTERACTION_KINDS)}) AND i.${side} = ?
             GROUP BY i.${other}, i.kind ORDER BY n DESC, w DESC, a.id LIMIT ?`,
          )
          .raw()
          .all(id, tiesLimit) as [string, string | null, string, number, number][]
      ).map(([accountId, screenName, kind, count, weight]) => ({ accountId, screenName, kind, count, weight }));
    interactionsOut = ties('source_id', 'target_id');
    interactionsIn = ties('target_id', 'source_id');
    interactionsOutTotal = db
      .prepare(`SELECT count(*) FROM interactions WHERE kind IN (${inList(INTERACTION_KINDS)}) AND source_id = ?`)
      .pluck()
      .get(id) as number;
    interactionsInTotal = db.prepare('SELECT count(*) FROM interactions WHERE target_id = ?').pluck().get(id) as number;
  }
  return {
    accountId: q.accountId,
    platform: row?.platform ?? null,
    screenName: row?.screen_name ?? result?.screenName ?? null,
    displayName: row?.display_name ?? null,
    createdAt: row?.created_at ?? result?.createdAt ?? null,
    followers: row?.followers ?? null,
    following: row?.following ?? null,
    description: row?.description ?? null,
    location: row?.location ?? null,
    language: row?.language ?? null,
    inProject: row !== undefined,
    analysis: result
      ? {
          community: result.community,
          score: result.score,
          flagged: result.flagged,
          reasons: result.reasons,
          communityFlagged: community?.flagged ?? false,
          communityReasons: community?.reasons ?? [],
          features: result.features ?? null,
        }
      : null,
    hourOfWeek: hist,
    postCount,
    postsOffset,
    posts,
    interactionsOut,
    interactionsIn,
    interactionsOutTotal,
    interactionsInTotal,
  };
}

/**
 * What the panels need from the whole project, computed with the analysis's own code and kept for as long
 * as the analysis it belongs to (dataset indexes match the analysis's account indexes only until the next
 * import, and an import drops the analysis).
 */
export class Explorer {
  private ds: Dataset | null = null;
  private cascades: Map<string, CollectedCascade> | null = null;
  private hashtags: Timeline[] | null = null;

  constructor(
    private readonly db: Db,
    private readonly analysis: AnalysisOutput,
  ) {}

  belongsTo(db: Db, analysis: AnalysisOutput): boolean {
    return this.db === db && this.analysis === analysis;
  }

  private dataset(): Dataset {
    this.ds ??= loadDataset(this.db);
    return this.ds;
  }

  private membership(): Int32Array {
    const m = new Int32Array(this.dataset().accounts.count).fill(-1);
    for (const a of this.analysis.accounts) if (a.index < m.length) m[a.index] = a.community;
    return m;
  }

  cascade(rootPostId: string, maxNodes: number): CascadeDetail {
    if (!this.cascades) {
      const list = collectCascades(this.dataset(), { membership: this.membership() });
      this.cascades = new Map(list.map((c) => [c.result.rootPostId, c]));
    }
    const found = this.cascades.get(rootPostId);
    if (!found) throw new NotFound(`no cascade rooted at post ${rootPostId}`);
    const ds = this.dataset();
    const { parent, offset } = found.tree;
    const n = Math.min(parent.length, maxNodes);
    // Node k is the k-th share of the root, in time order (collectCascades numbers them so).
    const authors = Array.from(found.shares, (p) => ds.posts.author[p]);
    const rootAuthor = ds.accounts.extId.indexOf(found.result.rootAccountId);
    const community = this.membership();
    const nodeAccount = (k: number) => (k === 0 ? rootAuthor : authors[k - 1]);
    const accounts: string[] = [];
    const screenNames: (string | null)[] = [];
    const communities: number[] = [];
    for (let k = 0; k < n; k++) {
      const a = nodeAccount(k);
      accounts.push(a >= 0 ? ds.accounts.extId[a] : '');
      screenNames.push(a >= 0 ? ds.accounts.screenName[a] : null);
      communities.push(a >= 0 ? community[a] : -1);
    }
    return {
      result: found.result,
      parent: Array.from(parent.subarray(0, n)),
      offset: Array.from(offset.subarray(0, n)),
      accounts,
      screenNames,
      community: communities,
      truncated: n < parent.length,
    };
  }

  timelines(kind: 'hashtag' | 'term', terms: string[], limit: number): TimelineSet {
    const all =
      kind === 'hashtag'
        ? (this.hashtags ??= hashtagTimelines(this.dataset(), { maxCountSeries: 100 }))
        : termTimelines(this.dataset(), terms, { minPosts: 1, maxCountSeries: 100 });
    return { kind, timelines: all.slice(0, limit), total: all.length };
  }

  community(id: number, limits: { targets: number; texts: number }): CommunityExtra {
    const ds = this.dataset();
    const members = new Uint8Array(ds.accounts.count);
    let size = 0;
    for (const a of this.analysis.accounts) {
      if (a.community === id && a.index < members.length) {
        members[a.index] = 1;
        size++;
      }
    }
    if (size === 0) throw new NotFound(`community ${id} has no members in this analysis`);
    const created: number[] = [];
    for (let a = 0; a < ds.accounts.count; a++) {
      const t = ds.accounts.createdAt[a];
      if (members[a] && t === t) created.push(t);
    }
    const P = ds.posts;
    const times: number[] = [];
    const texts = new Map<
      string,
      { text: string; posts: number; accounts: Set<number>; first: number; last: number }
    >();
    for (let p = 0; p < P.count; p++) {
      const a = P.author[p];
      if (!members[a]) continue;
      const t = P.time[p];
      if (t === t) times.push(t);
      const raw = P.text[p];
      if (!raw) continue;
      const key = normaliseText(raw);
      if (key.length < 8) continue;
      let g = texts.get(key);
      if (!g) texts.set(key, (g = { text: raw, posts: 0, accounts: new Set(), first: Infinity, last: -Infinity }));
      g.posts++;
      g.accounts.add(a);
      if (t < g.first) g.first = t;
      if (t > g.last) g.last = t;
    }
    const I = ds.interactions;
    const targets = new Map<number, { interactions: number; members: Set<number> }>();
    for (let i = 0; i < I.count; i++) {
      if (!members[I.source[i]]) continue;
      let t = targets.get(I.target[i]);
      if (!t) targets.set(I.target[i], (t = { interactions: 0, members: new Set() }));
      t.interactions++;
      t.members.add(I.source[i]);
    }
    const binSeconds = niceBin(times);
    return {
      id,
      creation: monthly(created),
      activity: binned(times, binSeconds),
      binSeconds,
      topTargets: [...targets]
        .sort((x, y) => y[1].members.size - x[1].members.size || y[1].interactions - x[1].interactions || x[0] - y[0])
        .slice(0, limits.targets)
        .map(([a, t]) => ({
          accountId: ds.accounts.extId[a],
          screenName: ds.accounts.screenName[a],
          member: members[a] === 1,
          interactions: t.interactions,
          members: t.members.size,
        })),
      repeatedTexts: [...texts.values()]
        .filter((g) => g.accounts.size > 1)
        .sort((x, y) => y.accounts.size - x.accounts.size || y.posts - x.posts || x.first - y.first)
        .slice(0, limits.texts)
        .map((g) => ({
          text: g.text,
          posts: g.posts,
          accounts: g.accounts.size,
          first: Number.isFinite(g.first) ? g.first : null,
          last: Number.isFinite(g.last) ? g.last : null,
        })),
    };
  }
}

const BIN_STEPS = [60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400];

/** The smallest of a few readable bin widths that keeps a span within about 200 bins. */
export function niceBin(times: number[]): number {
  if (times.length === 0) return 86400;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return BIN_STEPS.find((s) => (hi - lo) / s <= 200) ?? BIN_STEPS[BIN_STEPS.length - 1];
}

export function binned(times: number[], binSeconds: number): CountBin[] {
  if (times.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const start = Math.floor(lo / binSeconds) * binSeconds;
  const counts = new Array<number>(Math.floor((hi - start) / binSeconds) + 1).fill(0);
  for (const t of times) counts[Math.floor((t - start) / binSeconds)]++;
  return counts.map((count, i) => ({ start: start + i * binSeconds, count }));
}

/** Counts per calendar month (UTC), zero-filled between the first and last month. */
export function monthly(times: number[]): CountBin[] {
  if (times.length === 0) return [];
  const monthOf = (t: number) => {
    const d = new Date(t * 1000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    const m = monthOf(t);
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  const counts = new Array<number>(hi - lo + 1).fill(0);
  for (const t of times) counts[monthOf(t) - lo]++;
  return counts.map((count, i) => ({
    start: Date.UTC(Math.floor((lo + i) / 12), (lo + i) % 12, 1) / 1000,
    count,
  }));
}
