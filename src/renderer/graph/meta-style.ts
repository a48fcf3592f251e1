/**
 * How the community meta-graph looks, shared by its map, its PNG legend and its GEXF export so that the
 * picture, the legend and a Gephi view of the same file agree: colour by verdict, circle area by members,
 * line width by the log of the summed weight between two communities.
 */
import type { MetaEdge, MetaNode } from './meta-graph';

export const VERDICT_COLORS = { flagged: '#c62828', organic: '#5b7aa6', unranked: '#a0a0a0' } as const;

export type Verdict = keyof typeof VERDICT_COLORS;

export const META_EDGE_COLOR = '#d0d0d0';

/** Flagged; ranked by the analysis but not flagged; or left out of the ranking (too small to score). */
export const verdictOf = (m: MetaNode): Verdict => (m.flagged ? 'flagged' : m.rank >= 0 ? 'organic' : 'unranked');

export const metaNodeColor = (m: MetaNode): string => VERDICT_COLORS[verdictOf(m)];

export const metaNodeSize = (m: MetaNode, maxMembers: number): number =>
  3 + 22 * Math.sqrt(m.members / Math.max(1, maxMembers));

export const metaEdgeSize = (e: MetaEdge, maxWeight: number): number =>
  0.3 + 3 * (Math.log1p(e.weight) / Math.log1p(Math.max(1, maxWeight)));

export const metaNodeLabel = (m: MetaNode): string =>
  `#${m.community} · ${m.members.toLocaleString('en')} accounts${m.flagged ? ' · flagged' : ''}`;

/** Largest member count and edge weight (at least 1), for the size scales. */
export function metaScales(nodes: readonly MetaNode[], edges: readonly MetaEdge[]) {
  let maxMembers = 1;
  for (const m of nodes) if (m.members > maxMembers) maxMembers = m.members;
  let maxWeight = 1;
  for (const e of edges) if (e.weight > maxWeight) maxWeight = e.weight;
  return { maxMembers, maxWeight };
}
