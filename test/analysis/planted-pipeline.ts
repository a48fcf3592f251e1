/**
 * The analysis chain the planted-ring test runs until the real pipeline (src/main/analysis/pipeline.ts) takes
 * over: interaction graph + co-action graph (retweets and hashtags within 60 s) → Louvain (seeded) →
 * account features → community evidence. Membership comes from community detection only.
 */
import type { Dataset } from '../../src/shared/analysis/dataset';
import { buildCoactionGraph } from '../../src/shared/analysis/coaction';
import { detectCommunities } from '../../src/shared/analysis/communities';
import { analyseCommunities, type CommunityAnalysis, type EvidenceOptions } from '../../src/shared/analysis/evidence';
import { accountFeatures } from '../../src/shared/analysis/features';
import type { EdgeList } from '../../src/shared/graph/edge-list';
import { buildInteractionGraph } from '../../src/shared/graph/interaction-graph';

export interface ChainResult extends CommunityAnalysis {
  membership: Int32Array;
  communityCount: number;
  modularity: number;
}

export function analysePlanted(ds: Dataset, options: EvidenceOptions = {}, seed = 1): ChainResult {
  const interactions = buildInteractionGraph(ds);
  const coaction = buildCoactionGraph(ds, {
    objectKinds: ['retweet', 'hashtag'],
    windowSeconds: 60,
    minParticipation: 2,
  });
  const combined = concat(ds.accounts.count, [interactions, coaction.edges]);
  const communities = detectCommunities(combined, { seed, runs: 3 });
  // Accounts without any edge are singletons in Louvain's output: leave them outside the analysed graph.
  const degree = new Int32Array(ds.accounts.count);
  for (let e = 0; e < combined.source.length; e++) {
    degree[combined.source[e]]++;
    degree[combined.target[e]]++;
  }
  const membership = Int32Array.from(communities.community, (c, a) => (degree[a] > 0 ? c : -1));
  const features = accountFeatures(ds);
  const analysis = analyseCommunities(ds, membership, communities.count, features, options);
  return { ...analysis, membership, communityCount: communities.count, modularity: communities.modularity };
}

/** Directed concatenation: Louvain symmetrises and sums parallel edges. */
function concat(nodeCount: number, lists: EdgeList[]): EdgeList {
  const m = lists.reduce((s, l) => s + l.source.length, 0);
  const out: EdgeList = {
    nodeCount,
    directed: true,
    source: new Int32Array(m),
    target: new Int32Array(m),
    weight: new Float64Array(m),
  };
  let k = 0;
  for (const l of lists) {
    out.source.set(l.source, k);
    out.target.set(l.target, k);
    out.weight.set(l.weight, k);
    k += l.source.length;
  }
  return out;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  flaggedDecoys: string[];
}

/** Account-level precision, recall and F1 of the flagged accounts against the planted truth. */
export function scoreFlags(flaggedIds: Iterable<string>, coordinated: string[], decoys: string[]): Score {
  const flagged = new Set(flaggedIds);
  const truth = new Set(coordinated);
  const decoy = new Set(decoys);
  const tp = [...flagged].filter((id) => truth.has(id)).length;
  const precision = flagged.size ? tp / flagged.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    truePositives: tp,
    falsePositives: [...flagged].filter((id) => !truth.has(id)),
    falseNegatives: coordinated.filter((id) => !flagged.has(id)),
    flaggedDecoys: [...flagged].filter((id) => decoy.has(id)),
  };
}
