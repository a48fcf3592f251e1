/**
 * Evidence per community: every number with a sentence that states it, a 0–1 score and a flagged verdict
 * (see verdict.ts for the calibration), and per-account results. Pure and deterministic:
 * `analyseCommunities(ds, membership, communityCount, features, options)`.
 */
import { hashtagTimelines, type BurstOptions, type Timeline } from './bursts';
import type { Dataset } from './dataset';
import {
  activityRate,
  clientUniformity,
  contextSignals,
  creationClustering,
  duplicateText,
  handlePatterns,
  memberHourOfWeek,
  roundTheClock,
  shiftPattern,
} from './evidence-profile';
import type { Signal } from './evidence-signal';
import { burstParticipation, cueSharing, synchrony, type Members } from './evidence-timing';
import { featureRow, type AccountFeatures } from './features';
import type { AccountResult, BurstRow, CommunitySummary } from './result';
import { communityVerdict, DEFAULT_VERDICT, memberScore, type VerdictOptions } from './verdict';
import { commentTargets } from './comments/comment-targets';
import { idBatches } from './comments/id-batches';
import { insideReplies } from './comments/inside-replies';
import { pagesAsPeople } from './comments/pages-as-people';
import { templatedText } from './comments/templated-text';
import type { CommentThreads } from './comments/threads';
import type { EdgeList } from '../graph/edge-list';

export interface EvidenceOptions {
  /** Δt for synchrony, seconds (default 60). */
  windowSeconds?: number;
  /** Sharing on cue: within this many seconds of the original (default 60) … */
  cueSeconds?: number;
  /** … on at least this many of one source's posts (default 3) … */
  minCuePosts?: number;
  /** … each shared on cue by at least this many members (default 5) … */
  minCueSharers?: number;
  /** … making up at least this share of the members' shares of that post (default 0.5). */
  minCueShare?: number;
  /** Shift window length, hours (default 9). */
  shiftHours?: number;
  /** Creation-date clustering window, days (default 28). */
  creationWindowDays?: number;
  /** Hashtag timelines with bursts; computed with `burstOptions` when absent. */
  timelines?: Timeline[];
  burstOptions?: BurstOptions;
  verdict?: Partial<VerdictOptions>;
  /**
   * The comment threads of a dataset with comments: adds the evidence comment rings leave (replies from
   * inside, where they comment, ids in batches, Pages posing as people, templated comments).
   */
  comments?: CommentThreads;
  /** The analysed graph over dataset accounts: which communities are tied to which (id_batches). */
  graph?: EdgeList;
}

export interface CommunityAnalysis {
  /** Ranked by score, highest first (ties: larger first, then id). */
  communities: CommunitySummary[];
  /** One per account with a community (membership ≥ 0), in account order. */
  accounts: AccountResult[];
  /** Every hashtag burst, most posts first, with the community that posted most inside it. */
  bursts: BurstRow[];
}

/** Evidence, verdicts and per-account results for every community of `membership` (-1 = not in the graph). */
export function analyseCommunities(
  ds: Dataset,
  membership: ArrayLike<number>,
  communityCount: number,
  features: AccountFeatures,
  options: EvidenceOptions = {},
): CommunityAnalysis {
  if (membership.length !== ds.accounts.count) {
    throw new Error(
      `analyseCommunities: membership has ${membership.length} entries for ${ds.accounts.count} accounts`,
    );
  }
  const members = memberLists(membership, communityCount);
  const timing = {
    windowSeconds: options.windowSeconds ?? 60,
    cueSeconds: options.cueSeconds ?? 60,
    minCuePosts: options.minCuePosts ?? 3,
    minCueSharers: options.minCueSharers ?? 5,
    minCueShare: options.minCueShare ?? 0.5,
  };
  const profile = { shiftHours: options.shiftHours ?? 9, creationWindowDays: options.creationWindowDays ?? 28 };
  const verdictOptions = { ...DEFAULT_VERDICT, ...options.verdict };
  const timelines = options.timelines ?? hashtagTimelines(ds, options.burstOptions);

  const sync = synchrony(ds, members, timing);
  const cue = cueSharing(ds, features, members, timing);
  const bursts: BurstRow[] = [];
  const burst = burstParticipation(ds, members, timelines, bursts);
  bursts.sort((a, b) => b.posts - a.posts || a.start - b.start);
  const context = contextSignals(ds, members);
  const threads = options.comments;
  const targets = threads ? commentTargets(ds, threads, members) : undefined;
  const commentSignals: Signal[][] = threads
    ? zipSignals(
        insideReplies(ds, threads, members),
        targets!.signals,
        templatedText(ds, threads, members),
        idBatches(ds, members, options.graph),
        pagesAsPeople(ds, members),
      )
    : members.lists.map(() => []);

  const communities: CommunitySummary[] = [];
  const accounts: AccountResult[] = [];
  members.lists.forEach((list, c) => {
    if (list.length === 0) return;
    const hist = memberHourOfWeek(features, list);
    const shift = shiftPattern(features, list, hist, profile);
    const signals: Signal[] = [
      cue[c],
      sync[c],
      burst[c],
      shift.signal,
      roundTheClock(features, list),
      creationClustering(features, list, profile),
      handlePatterns(ds, features, list),
      ...duplicateText(features, list),
      clientUniformity(ds, features, list),
      activityRate(features, list),
      ...commentSignals[c],
      ...context[c],
    ];
    const verdict = communityVerdict(list.length, signals, verdictOptions);
    const sample = Array.from(list)
      .sort((a, b) => features.posts[b] - features.posts[a] || a - b)
      .slice(0, 20)
      .map((a) => ({
        accountId: ds.accounts.extId[a],
        screenName: ds.accounts.screenName[a],
        posts: features.posts[a],
      }));
    communities.push({
      id: c,
      size: list.length,
      score: verdict.score,
      flagged: verdict.flagged,
      evidence: signals.map((s) => ({ ...s.evidence, family: s.group })),
      reasons: verdict.reasons,
      sampleMembers: sample,
      hourOfWeek: hist,
      shiftUtcOffset: shift.signal.evidence.strength >= verdictOptions.strongAt ? shift.offset : undefined,
      ...(targets && { commentTargets: targets.targets[c] }),
    });
    list.forEach((a, i) => {
      const m = memberScore(i, verdict);
      const flagged = verdict.flagged && m.score >= verdictOptions.memberFlagAt;
      accounts.push({
        index: a,
        accountId: ds.accounts.extId[a],
        screenName: ds.accounts.screenName[a],
        community: c,
        score: Math.round(verdict.score * m.score * 1000) / 1000,
        flagged,
        reasons: verdict.flagged ? m.reasons : [],
        createdAt: Number.isNaN(ds.accounts.createdAt[a]) ? null : ds.accounts.createdAt[a],
        posts: features.posts[a],
        features: featureRow(features, a),
      });
    });
  });
  communities.sort((a, b) => b.score - a.score || b.size - a.size || a.id - b.id);
  accounts.sort((a, b) => a.index - b.index);
  return { communities, accounts, bursts };
}

/** The ranked community summaries only (see analyseCommunities). */
export function communityEvidence(
  ds: Dataset,
  membership: ArrayLike<number>,
  communityCount: number,
  features: AccountFeatures,
  options: EvidenceOptions = {},
): CommunitySummary[] {
  return analyseCommunities(ds, membership, communityCount, features, options).communities;
}

/** Per community, the signals of several producers (each one signal or a list of them per community). */
function zipSignals(...perProducer: (Signal | Signal[])[][]): Signal[][] {
  return perProducer[0].map((_, c) => perProducer.flatMap((signals) => signals[c]));
}

function memberLists(membership: ArrayLike<number>, communityCount: number): Members {
  const sizes = new Int32Array(communityCount);
  for (let a = 0; a < membership.length; a++) {
    const c = membership[a];
    if (c < 0) continue;
    if (c >= communityCount || !Number.isInteger(c)) {
      throw new Error(`analyseCommunities: account ${a} has community ${c}; expected -1 or 0…${communityCount - 1}`);
    }
    sizes[c]++;
  }
  const lists = Array.from(sizes, (n) => new Int32Array(n));
  const fill = new Int32Array(communityCount);
  const position = new Int32Array(membership.length).fill(-1);
  for (let a = 0; a < membership.length; a++) {
    const c = membership[a];
    if (c < 0) continue;
    position[a] = fill[c];
    lists[c][fill[c]++] = a;
  }
  return { membership, lists, position };
}
