/**
 * What an analysis returns: serialisable (plain JSON), shared by the CLI writers, the browser-mode API,
 * Electron IPC and the renderer. The pipeline (src/main/analysis/pipeline.ts) fills it.
 */
import type { InteractionKind } from '../model/records';
import type { WindowEstimate } from './auto-window';
import type { Burst } from './bursts';
import type { ProjectionStats } from '../graph/bipartite';

/** One number behind a verdict, with the sentence that explains it to a reader. */
/**
 * Which family of evidence a signal belongs to. Signals of one family are not independent (a troll shift and
 * a round-the-clock schedule both describe timing of the day), so the verdict counts families, not signals.
 * `context` signals (insularity, target concentration, replies from inside…) describe every dense community,
 * organic or not, and never count towards a flag: front ends show them as context, not as findings.
 */
export type EvidenceFamily = 'timing' | 'schedule' | 'creation' | 'handles' | 'text' | 'client' | 'rate' | 'context';

export interface Evidence {
  /** Stable key: insularity, target_concentration, synchrony, shift_pattern, round_the_clock, creation_clustering,
   *  handle_pattern, duplicate_text, near_duplicate_text, client_uniformity, activity_rate, cue_sharing, burst … */
  key: string;
  label: string;
  /** The measured value (a share 0–1, a count, seconds…; see `unit`). */
  value: number;
  unit: 'share' | 'count' | 'seconds' | 'days' | 'hours' | 'per_day' | 'ratio';
  /** How strongly this signal points to coordination, 0–1 (0 = not at all). */
  strength: number;
  /** Plain-language reason with the numbers in it, e.g. "93 % of the engagement members receive comes from other members". */
  reason: string;
  /** Its family (absent in analyses saved before families were written out). */
  family?: EvidenceFamily;
  /**
   * The data is too thin to judge (e.g. 5 posts for a working-hours pattern); `value` is shown for reference
   * only, `strength` is 0, and front ends must not present it as a finding. Absent when there was enough data.
   */
  insufficient?: true;
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** 0–1 coordination score. */
  score: number;
  flagged: boolean;
  evidence: Evidence[];
  /** The reasons of the evidence that drove the verdict, strongest first. */
  reasons: string[];
  /** Up to 20 members, most active first. */
  sampleMembers: { accountId: string; screenName: string | null; posts: number }[];
  /** Hour-of-week activity of members (168 counts, Monday 00:00 UTC first). */
  hourOfWeek?: number[];
  /** Best shift time zone found, as a UTC offset in hours, when a shift pattern is present. */
  shiftUtcOffset?: number;
  /** Comment data: the Pages and posts whose comment sections members write in, most of theirs first. */
  commentTargets?: CommentTargets;
}

/** Where a community comments (comment data): what share of each comment section is theirs. */
export interface CommentTargets {
  /** Up to 10 Pages, by members' comments under their posts. */
  pages: { accountId: string; name: string | null; comments: number; memberComments: number; share: number }[];
  /** Up to 10 posts, by members' share of their comments (posts with 10+ comments), then by comments. */
  posts: {
    postId: string;
    pageId: string | null;
    comments: number;
    memberComments: number;
    share: number;
  }[];
}

export interface AccountResult {
  /** Account index in the dataset. */
  index: number;
  accountId: string;
  screenName: string | null;
  community: number;
  score: number;
  flagged: boolean;
  reasons: string[];
  /** Account creation time (Unix seconds), when known. */
  createdAt?: number | null;
  /** Posts by this account in the project. */
  posts?: number;
  /** Connected component of the account in the analysed graph, 0 = the largest. */
  component?: number;
  /** The per-account numbers behind the evidence (features.csv). */
  features?: AccountFeatureRow;
}

/**
 * One account's features (src/shared/analysis/features.ts) as plain JSON: null where a number has no meaning
 * (no posts, too few posts for timing, no client, no engagements). Shares are 0–1, times Unix seconds (UTC).
 */
export interface AccountFeatureRow {
  posts: number;
  activeDays: number;
  firstPost: number | null;
  lastPost: number | null;
  /** Posts per active day. */
  activityRate: number;
  /** Share on local weekdays at the best shift offset, share inside the best weekday 9-hour window, that offset. */
  weekdayShare: number | null;
  shiftCoverage: number | null;
  shiftUtcOffset: number | null;
  /** Share of posts in the quietest 6 hours of the day. */
  quietShare: number | null;
  roundTheClock: boolean;
  /** 0–1: how generated the handle looks. */
  handleScore: number;
  topClient: string | null;
  clientTopShare: number | null;
  /** Posts with own text; of those, exact duplicates of another account's text, and near duplicates. */
  textPosts: number;
  duplicatePosts: number;
  nearDuplicatePosts: number;
  engagements: number;
  distinctTargets: number;
  topTargetShare: number | null;
  /** Median seconds from the parent post to this account's shares and replies. */
  medianLatencyS: number | null;
}

export type CascadeShape = 'star_broadcast' | 'synchronised_burst' | 'multi_generation' | 'small';

export interface CascadeResult {
  rootPostId: string;
  rootAccountId: string;
  size: number;
  depth: number;
  maxBreadth: number;
  structuralVirality: number;
  secondsToHalf: number | null;
  secondsTo90: number | null;
  sharesFirstMinute: number;
  /** Share of the sharers that belong to the single most represented community. */
  shareFromOneCommunity: number;
  shape: CascadeShape;
  /** False when the tree was built without follow data (every sharer attached to the root). */
  usedFollows: boolean;
}

/** A hashtag burst as the outputs list it (bursts.csv). */
export interface BurstRow extends Burst {
  hashtag: string;
  /** Bin width of the hashtag's timeline, seconds (baselinePerBin is per bin). */
  binSeconds: number;
  /** The community with most posts inside the burst (null when none of its posters is in the graph). */
  topCommunity: number | null;
  topCommunityPosts: number;
}

export interface GraphEdgeOut {
  source: number;
  target: number;
  weight: number;
  kind: InteractionKind | 'coaction' | 'shared_target' | 'mixed';
}

/**
 * What a projection links accounts on: the pages, retweeted posts, links, domains, hashtags or images they
 * post about, or the accounts they engage with (retweet, reply, mention, quote, comment).
 */
export const PROJECTION_TARGETS = ['page', 'post', 'url', 'domain', 'hashtag', 'image', 'account'] as const;
export type ProjectionTarget = (typeof PROJECTION_TARGETS)[number];

/**
 * What a co-action graph links accounts on. `coortweet` reproduces CooRTweet's detect_groups +
 * generate_coordinated_network exactly on the project's shares (posts and share-table objects).
 */
export const COACTION_MODES = [
  'retweet',
  'link',
  'hashtag',
  'text',
  'reply',
  'near_text',
  'domain',
  'image',
  'coortweet',
] as const;
export type CoactionMode = (typeof COACTION_MODES)[number];

export interface AnalysisParameters {
  graph: 'interaction' | 'coaction' | 'projection' | 'default';
  kinds?: InteractionKind[];
  /** projection: the targets two accounts are linked by sharing (bipartite.ts); default page and account. */
  targets?: ProjectionTarget[];
  coaction?: CoactionMode;
  /** Analyse only this period: posts and interactions from / to these Unix seconds, inclusive (slice-dataset.ts). */
  from?: number;
  to?: number;
  windowSeconds?: number;
  /** Estimate the window from the data (auto-window.ts); windowSeconds is then the window used. */
  autoWindow?: boolean;
  minParticipation?: number;
  minWeight?: number;
  resolution: number;
  seed: number;
}

export interface AnalysisSummary {
  counts: {
    accounts: number;
    posts: number;
    interactions: number;
    nodes: number;
    edges: number;
    communities: number;
    flagged: number;
    flaggedAccounts: number;
    cascades: number;
    /** Connected components of the analysed graph. */
    components?: number;
  };
  parameters: AnalysisParameters;
  /** projection graphs: targets in the bipartite graph, and those left out for having too many accounts. */
  projection?: ProjectionStats;
  /** How the window was estimated, when parameters.autoWindow asked for it. */
  windowEstimate?: WindowEstimate;
  /**
   * Comment data (most posts are comments): the default graph was built from replies and co-commenting, not
   * from comment → Page edges; these are its inputs. Absent for other data and other graphs.
   */
  comments?: { comments: number; threads: number; replies: number; coCommentEdges: number };
  modularity: number;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

/** The analysed graph as sent to front ends and exporters: nodes are dataset account indexes. */
export interface AnalysedGraph {
  directed: boolean;
  /** Dataset account index per node. */
  nodes: number[];
  /** Layout position per node (ForceAtlas2), same order as `nodes`. */
  x: number[];
  y: number[];
  /** Community id per node, same order as `nodes`. */
  community: number[];
  /** Edges between node positions (indexes into `nodes`, not account indexes). */
  edges: GraphEdgeOut[];
}

export interface AnalysisOutput {
  summary: AnalysisSummary;
  /** Ranked by score, highest first. */
  communities: CommunitySummary[];
  /** One row per account in the analysed graph. */
  accounts: AccountResult[];
  cascades: CascadeResult[];
  graph: AnalysedGraph;
  coactionEdges?: { accountA: string; accountB: string; weight: number; avgDeltaS: number; symmetry: number }[];
  /** Every hashtag burst (bursts.ts), largest first, with the community that posted most inside it. */
  bursts?: BurstRow[];
}
