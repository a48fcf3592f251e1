/**
 * The analysis stages over a Dataset, in order: graph → communities → features and evidence → cascades →
 * layout. Pure (no I/O), so the CLI, the app's worker and tests run exactly the same steps.
 *
 * The default graph ("what finds rings best") is the union, as one undirected weighted graph, of
 *   - the interaction graph (retweet, reply, quote, mention, comment, share, edge; follows left out because
 *     organic fan clubs follow each other densely and follows carry no timing), and
 *   - the co-action graph: accounts sharing the same post/object, link, image or hashtag within 60 s, with at
 *     least 2 shares (CooRTweet's defaults; co-link and co-image as in CooRnet; co-hashtag because hashtag
 *     pushes — hundreds of posts by ~100 accounts in 47 minutes — are a ring's main trace). Domains are left
 *     out: thousands of strangers link one news site within a minute. Organic crowds on a hashtag add weak,
 *     unrepeated edges that Louvain and the evidence (which needs repetition and several signals) discount;
 *     the planted-ring test measures recall 0.61 without hashtags and 0.996 with them, no decoy flagged.
 * Closed rings show up in both (they amplify each other and act on cue together), while organic audiences
 * mostly connect to a hub and rarely co-act within seconds repeatedly.
 */
import { buildInteractionGraph } from '../graph/interaction-graph';
import { compactNodes, MIXED_KIND, PairAccumulator, type EdgeList } from '../graph/edge-list';
import { forceAtlas2Layout, type Layout, type LayoutOptions } from '../graph/layout';
import { estimateWindow, type WindowEstimate } from './auto-window';
import { ANALYSIS_DEFAULTS, PROJECTION_MIN_SHARED } from './defaults';
import { hasTimeRange, sliceDataset } from './slice-dataset';
import { buildCascades } from './cascades';
import { buildCoactionGraph, COACTION_DEFAULTS, type CoactionGraph } from './coaction';
import type { CoactionObjectKind } from './coaction-shares';
import { detectCommunities } from './communities';
import { INTERACTION_KIND_CODES, POST_KINDS, type Dataset } from './dataset';
import { analyseCommunities } from './evidence';
import { accountFeatures, postParents } from './features';
import type { TextGroups } from './text';
import { coorSharesFromDataset, detectGroups, generateCoordinatedNetwork } from './coortweet';
import type { AnalysisOutput, AnalysisParameters, CoactionMode, GraphEdgeOut, ProjectionTarget } from './result';
import { buildBipartite, projectBipartite, type ProjectionStats } from '../graph/bipartite';
import { connectedComponents } from '../graph/components';
import { buildCommentGraph } from './comments/comment-graph';
import { commentThreads, isCommentData, type CommentThreads } from './comments/threads';
import type { ObjectKind } from '../model/records';

export type AnalysisProgress = (stage: string, fraction: number) => void;

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

export { ANALYSIS_DEFAULTS };

const COACTION_KIND: Record<Exclude<CoactionMode, 'coortweet'>, CoactionObjectKind> = {
  retweet: 'retweet',
  link: 'url',
  hashtag: 'hashtag',
  text: 'text',
  reply: 'reply',
  near_text: 'near_text',
  domain: 'domain',
  image: 'image',
};

/** What the default graph co-shares on (see the banner). */
export const DEFAULT_COACTION_KINDS: CoactionObjectKind[] = ['retweet', 'url', 'image', 'hashtag'];

/** The objects the graph co-shares on; what an estimated window is estimated over. */
function coactionKindsOf(p: AnalysisParameters): CoactionObjectKind[] {
  if (p.graph !== 'coaction') return DEFAULT_COACTION_KINDS;
  const mode = p.coaction ?? 'retweet';
  return [mode === 'coortweet' ? 'retweet' : COACTION_KIND[mode]];
}

/** Edge kind code used for co-action edges in a combined EdgeList. */
const COACTION_CODE = 254;
/** Edge kind code of projection (shared-target) edges. */
const PROJECTION_CODE = 253;

export interface AnalyseOptions {
  onProgress?: AnalysisProgress;
  /** Anything with `aborted` (an AbortSignal): checked between stages. */
  signal?: { readonly aborted: boolean };
  /** Called between stages so a host can deliver progress and notice cancellation (e.g. yield a tick). */
  pause?: () => Promise<void>;
  /** Louvain runs (best modularity kept); default louvainRuns(edges). */
  runs?: number;
  /** ForceAtlas2 iterations; default scales down with graph size. */
  layoutIterations?: number;
  /** Stages a host runs elsewhere (another thread) at the same time as the others; see StageOffload. */
  offload?: StageOffload;
}

/**
 * Work a host can take off the analysis thread. The layout needs only the graph and its communities, and
 * text grouping only the posts' texts, so on a second core they run while features, evidence and cascades
 * run here; post parents and text groups can be computed from the project's file before the dataset is even
 * loaded (the parents first: the cascades need only them, the features both). Each gives exactly what the in-thread call would (same code, same seed).
 */
export interface StageOffload {
  /** postParents(ds) computed elsewhere, or null when that failed or saw other data (computed here then). */
  postParents?: () => Promise<Int32Array | null>;
  /** textGroups(ds) computed elsewhere, or null as above. */
  textGroups?: () => Promise<TextGroups | null>;
  /** forceAtlas2Layout(edges, options) computed elsewhere; started as soon as the communities are known. */
  layout?: (edges: EdgeList, options: LayoutOptions) => Promise<Layout>;
}

export async function analyseDataset(
  whole: Dataset,
  partial: Partial<AnalysisParameters> = {},
  options: AnalyseOptions = {},
): Promise<AnalysisOutput> {
  const params: AnalysisParameters = { ...ANALYSIS_DEFAULTS, ...partial };
  if (params.graph === 'coaction' && !params.coaction) params.coaction = 'retweet';
  if (params.graph === 'projection' && !params.targets) params.targets = DEFAULT_PROJECTION_TARGETS;
  const timings: Record<string, number> = {};
  const progress = options.onProgress ?? (() => {});
  const stage = async <T>(name: string, fraction: number, fn: () => T | Promise<T>): Promise<T> => {
    if (options.signal?.aborted) throw new AnalysisCancelled();
    progress(name, fraction);
    await options.pause?.();
    const t = Date.now();
    const out = await fn();
    timings[name] = Date.now() - t;
    return out;
  };

  if (params.from !== undefined && params.to !== undefined && params.from > params.to) {
    throw new RangeError(`the time range ends (${params.to}) before it starts (${params.from})`);
  }
  const ds = hasTimeRange(params) ? await stage('range', 0.02, () => sliceDataset(whole, params)) : whole;
  let windowEstimate: WindowEstimate | undefined;
  if (params.autoWindow) {
    windowEstimate = await stage('window', 0.05, () =>
      estimateWindow(ds, coactionKindsOf(params), params.windowSeconds ?? COACTION_DEFAULTS.windowSeconds),
    );
    params.windowSeconds = windowEstimate.windowSeconds;
  }
  // Comment data is linked by replies and co-commenting (comments/comment-graph.ts), which needs each
  // comment's thread, so its post parents are found here rather than in the parents stage.
  let earlyParents: Int32Array | undefined;
  let threads: CommentThreads | undefined;
  if (hasComments(ds)) {
    earlyParents = await stage('threads', 0.08, () => postParents(ds));
    threads = commentThreads(ds, earlyParents);
  }
  const commentGraph = params.graph === 'default' && threads !== undefined && isCommentData(ds, threads);
  const { graph, coaction, projection, comments } = await stage('graph', 0.1, () =>
    commentGraph ? commentDataGraph(ds, threads!, params) : buildGraph(ds, params),
  );
  const compact = compactNodes(graph);
  const communities = await stage('communities', 0.3, () =>
    detectCommunities(compact.edges, {
      resolution: params.resolution,
      seed: params.seed,
      runs: options.runs ?? louvainRuns(compact.edges.source.length),
    }),
  );
  const membership = new Int32Array(ds.accounts.count).fill(-1);
  compact.original.forEach((account, node) => (membership[account] = communities.community[node]));
  const components = connectedComponents(compact.edges);

  const layoutOptions: LayoutOptions = {
    seed: params.seed,
    community: communities.community,
    iterations: options.layoutIterations ?? layoutIterations(compact.edges.nodeCount, compact.edges.source.length),
  };
  // Started now, awaited last: an offloaded layout runs beside features, evidence and cascades. Its rejection
  // is handled when awaited; the catch only keeps it from counting as unhandled meanwhile.
  const layoutElsewhere = options.offload?.layout?.(compact.edges, layoutOptions);
  layoutElsewhere?.catch(() => {});

  // Cascades first: they need only the post parents, which come before the text groups (the slower part).
  const postParent = await stage(
    'parents',
    0.4,
    async () => earlyParents ?? (await options.offload?.postParents?.()) ?? postParents(ds),
  );
  const cascades = await stage('cascades', 0.45, () => buildCascades(ds, { membership, postParent }));
  const features = await stage('features', 0.6, async () =>
    accountFeatures(ds, { postParent, textGroups: (await options.offload?.textGroups?.()) ?? undefined }),
  );
  const evidence = await stage('evidence', 0.75, () =>
    analyseCommunities(ds, membership, communities.count, features, {
      windowSeconds: params.windowSeconds,
      comments: threads && threads.comments > 0 ? threads : undefined,
      graph,
    }),
  );
  const layout = await stage('layout', 0.85, () => layoutElsewhere ?? forceAtlas2Layout(compact.edges, layoutOptions));

  const edges: GraphEdgeOut[] = new Array(compact.edges.source.length);
  for (let e = 0; e < edges.length; e++) {
    edges[e] = {
      source: compact.edges.source[e],
      target: compact.edges.target[e],
      weight: compact.edges.weight[e],
      kind: edgeKindName(compact.edges.kind?.[e]),
    };
  }
  const componentOf = new Int32Array(ds.accounts.count).fill(-1);
  compact.original.forEach((account, node) => (componentOf[account] = components.component[node]));
  for (const a of evidence.accounts) if (componentOf[a.index] >= 0) a.component = componentOf[a.index];
  const flagged = evidence.communities.filter((c) => c.flagged);
  progress('done', 1);
  return {
    summary: {
      counts: {
        accounts: ds.accounts.count,
        posts: ds.posts.count,
        interactions: ds.interactions.count,
        nodes: compact.edges.nodeCount,
        edges: edges.length,
        communities: communities.count,
        flagged: flagged.length,
        flaggedAccounts: evidence.accounts.filter((a) => a.flagged).length,
        cascades: cascades.length,
        components: components.count,
      },
      parameters: params,
      ...(windowEstimate && { windowEstimate }),
      ...(projection && { projection }),
      ...(comments && { comments }),
      modularity: communities.modularity,
      timings,
    },
    communities: evidence.communities,
    accounts: evidence.accounts,
    cascades,
    graph: {
      directed: compact.edges.directed,
      nodes: Array.from(compact.original),
      x: Array.from(layout.x),
      y: Array.from(layout.y),
      community: Array.from(communities.community),
      edges,
    },
    coactionEdges: coaction ? coactionRows(ds, coaction) : undefined,
    bursts: evidence.bursts,
  };
}

/** The co-action edges written to coaction_edges.csv. */
type CoactionEdges = Pick<CoactionGraph, 'edges' | 'avgDelta' | 'symmetry'>;

/**
 * CooRTweet's detect_groups + generate_coordinated_network, exactly (coortweet.ts), on the project's shares,
 * with the network's nodes mapped back to dataset accounts. min-weight does not apply: CooRTweet has none.
 */
function coortweetGraph(ds: Dataset, timeWindow: number, minParticipation: number): CoactionEdges {
  const rows = coorSharesFromDataset(ds);
  const net = generateCoordinatedNetwork(rows, detectGroups(rows, { timeWindow, minParticipation }));
  const indexOf = new Map<string, number>();
  for (let i = 0; i < rows.accountId.length; i++) indexOf.set(rows.accountId[i], ds.posts.author[rows.post[i]]);
  const toAccount = Int32Array.from(net.accounts, (id) => indexOf.get(id)!);
  return {
    edges: {
      nodeCount: ds.accounts.count,
      directed: false,
      source: net.edges.source.map((v) => toAccount[v]),
      target: net.edges.target.map((v) => toAccount[v]),
      weight: net.edges.weight,
    },
    avgDelta: net.avgTimeDelta,
    symmetry: net.edgeSymmetryScore,
  };
}

interface BuiltGraph {
  graph: EdgeList;
  coaction?: CoactionEdges;
  projection?: ProjectionStats;
  comments?: NonNullable<AnalysisOutput['summary']['comments']>;
}

const COMMENT_POST = POST_KINDS.indexOf('comment');
const REPLY_POST = POST_KINDS.indexOf('reply');
/** Interactions a comment graph keeps beside its own edges: all but comments on Pages, replies and follows. */
const NON_COMMENT_KINDS = INTERACTION_KIND_CODES.filter((k) => k !== 'comment' && k !== 'reply' && k !== 'follow');

/** Whether any post is a comment or a non-X reply: only then are threads worth finding. */
function hasComments(ds: Dataset): boolean {
  for (let p = 0; p < ds.posts.count; p++) {
    if (ds.posts.kind[p] === COMMENT_POST) return true;
    if (ds.posts.kind[p] === REPLY_POST && ds.accounts.platform[ds.posts.author[p]] !== 'twitter') return true;
  }
  return false;
}

/**
 * The default graph of comment data: replies and co-commenting (comments/comment-graph.ts), plus the
 * interactions that are not comments on a Page (retweets, mentions, shares in a mixed project); the
 * comment → Page edges are left out, or every Page's audience would be one community.
 */
function commentDataGraph(ds: Dataset, threads: CommentThreads, p: AnalysisParameters): BuiltGraph {
  const built = buildCommentGraph(ds, threads, {
    windowSeconds: p.windowSeconds ?? COACTION_DEFAULTS.windowSeconds,
    minParticipation: p.minParticipation ?? COACTION_DEFAULTS.minParticipation,
    coactionCode: COACTION_CODE,
  });
  const interaction = buildInteractionGraph(ds, { kinds: [...NON_COMMENT_KINDS], minWeight: 1 });
  const acc = new PairAccumulator(ds.accounts.count, false, {
    capacity: built.graph.source.length + interaction.source.length,
    withKind: true,
  });
  addEdges(acc, built.graph);
  addEdges(acc, interaction);
  const minWeight = p.minWeight ?? 1;
  return {
    graph: acc.toEdgeList((e) => acc.weight[e] >= minWeight).edges,
    coaction: built.coaction,
    comments: {
      comments: threads.comments,
      threads: threads.rootCount,
      replies: built.replies,
      coCommentEdges: built.coaction.edges.source.length,
    },
  };
}

function buildGraph(ds: Dataset, p: AnalysisParameters): BuiltGraph {
  const coactionOptions = (kind: CoactionObjectKind) => ({
    objectKinds: [kind],
    windowSeconds: p.windowSeconds,
    minParticipation: p.minParticipation,
    minWeight: p.minWeight ?? COACTION_DEFAULTS.minWeight,
  });
  if (p.graph === 'interaction') {
    return { graph: buildInteractionGraph(ds, { kinds: p.kinds, minWeight: p.minWeight }) };
  }
  if (p.graph === 'projection') return projectionGraph(ds, p.targets ?? DEFAULT_PROJECTION_TARGETS, p.minWeight);
  if (p.graph === 'coaction') {
    const mode = p.coaction ?? 'retweet';
    const coaction =
      mode === 'coortweet'
        ? coortweetGraph(ds, p.windowSeconds ?? COACTION_DEFAULTS.windowSeconds, p.minParticipation ?? 2)
        : buildCoactionGraph(ds, coactionOptions(COACTION_KIND[mode]));
    const graph = { ...coaction.edges, kind: new Uint8Array(coaction.edges.source.length).fill(COACTION_CODE) };
    return { graph, coaction };
  }
  // default: interactions ∪ co-shares, undirected.
  const interaction = buildInteractionGraph(ds, { minWeight: 1 });
  const coaction = buildCoactionGraph(ds, {
    ...coactionOptions('retweet'),
    objectKinds: DEFAULT_COACTION_KINDS,
    minWeight: 1,
  });
  const acc = new PairAccumulator(ds.accounts.count, false, {
    capacity: interaction.source.length + coaction.edges.source.length,
    withKind: true,
  });
  addEdges(acc, interaction);
  const ce = coaction.edges;
  for (let e = 0; e < ce.source.length; e++) acc.add(ce.source[e], ce.target[e], ce.weight[e], 0, COACTION_CODE);
  const minWeight = p.minWeight ?? 1;
  return { graph: acc.toEdgeList((e) => acc.weight[e] >= minWeight).edges, coaction };
}

/** What a projection links on by default: the pages commented on and the accounts engaged with. */
export const DEFAULT_PROJECTION_TARGETS: ProjectionTarget[] = ['page', 'account'];

/**
 * Accounts linked by the number of targets they share (bipartite.ts), whatever the time between: how
 * accounts that only ever comment on a handful of official pages show up together. Two shared targets by
 * default: strangers commenting on one popular page are not linked. Targets engaged by more
 * than 1,000 accounts are left out (each would add half a million pairs); the summary says how many.
 */
function projectionGraph(ds: Dataset, targets: ProjectionTarget[], minWeight = PROJECTION_MIN_SHARED): BuiltGraph {
  const objectKinds = targets.flatMap((t): ObjectKind[] =>
    t === 'account' ? [] : t === 'post' ? ['post', 'object'] : [t],
  );
  const bg = buildBipartite(ds, { objectKinds, accounts: targets.includes('account') });
  const projection: ProjectionStats = { targets: 0, skippedTargets: 0, maxTargetDegree: 0 };
  const edges = projectBipartite(bg, { minShared: minWeight }, projection);
  return { graph: { ...edges, kind: new Uint8Array(edges.source.length).fill(PROJECTION_CODE) }, projection };
}

/** Adds every edge of `g` to `acc` with its own kind (MIXED_KIND where it has none). */
function addEdges(acc: PairAccumulator, g: EdgeList): void {
  for (let e = 0; e < g.source.length; e++)
    acc.add(g.source[e], g.target[e], g.weight[e], 0, g.kind?.[e] ?? MIXED_KIND);
}

function edgeKindName(code: number | undefined): GraphEdgeOut['kind'] {
  if (code === undefined || code === MIXED_KIND) return 'mixed';
  if (code === COACTION_CODE) return 'coaction';
  if (code === PROJECTION_CODE) return 'shared_target';
  return INTERACTION_KIND_CODES[code] ?? 'mixed';
}

/**
 * Best of three Louvain runs where a run is cheap; one on big graphs, where runs differ little: on the
 * analysis bench's graph (50k nodes, 1.27M edges) one run's modularity was within 0.001 of the best of three
 * for each of seeds 1–5, and each extra run costs half a second.
 */
export function louvainRuns(edges: number): number {
  return edges > 500_000 ? 1 : 3;
}

/** Fewer iterations on big graphs keep the layout under a few seconds; the map can refine it live. */
export function layoutIterations(nodes: number, edges: number): number {
  let byNodes = 10;
  if (nodes <= 2_000) byNodes = 300;
  else if (nodes <= 20_000) byNodes = 100;
  else if (nodes <= 100_000) byNodes = 30;
  // A step visits every edge once (attraction) besides the Barnes–Hut pass over the nodes, so dense graphs get
  // fewer steps: about 15M edge visits in all, never under 10 (communities already start apart, see layout.ts).
  return Math.max(10, Math.min(byNodes, Math.floor(15_000_000 / Math.max(1, edges))));
}

function coactionRows(ds: Dataset, c: CoactionEdges) {
  const rows = new Array(c.edges.source.length);
  for (let e = 0; e < rows.length; e++) {
    rows[e] = {
      accountA: ds.accounts.extId[c.edges.source[e]],
      accountB: ds.accounts.extId[c.edges.target[e]],
      weight: c.edges.weight[e],
      avgDeltaS: c.avgDelta[e],
      symmetry: c.symmetry[e],
    };
  }
  return rows;
}
