/**
 * What the exported map picture says below the map: the legend (what its colours mean — communities on the
 * account map, verdicts on the community meta-graph) and a caption (what it shows and where it came from).
 */
import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityColor } from '../../shared/io/community-colors';
import type { MetaGraph } from '../graph/meta-graph';
import { VERDICT_COLORS, verdictOf, type Verdict } from '../graph/meta-style';

export const LEGEND_ENTRIES = 10;

export interface LegendItem {
  color: string;
  text: string;
  /** Written in the flagged red. */
  flagged: boolean;
}

/**
 * The account map's legend: the highest ranked communities and their colours, then "other". With `only`, the
 * map shows that one community (opened from the meta-graph) and the legend names just it.
 */
export function communityLegend(
  output: AnalysisOutput,
  only: number | null = null,
  entries = LEGEND_ENTRIES,
): LegendItem[] {
  const item = (c: AnalysisOutput['communities'][number], rank: number): LegendItem => ({
    color: communityColor(rank),
    text: `#${c.id} · ${c.size.toLocaleString('en-US')} accounts${c.flagged ? ' · flagged' : ''}`,
    flagged: c.flagged,
  });
  if (only !== null) {
    const rank = output.communities.findIndex((c) => c.id === only);
    if (rank >= 0) return [item(output.communities[rank], rank)];
    return [{ color: communityColor(-1), text: `#${only} · unranked`, flagged: false }];
  }
  return [
    ...output.communities.slice(0, entries).map(item),
    { color: communityColor(-1), text: 'unranked / other', flagged: false },
  ];
}

const VERDICT_TEXT: Record<Verdict, string> = { flagged: 'flagged', organic: 'not flagged', unranked: 'unranked' };

/** The meta-graph's legend: one entry per verdict present, with how many communities carry it. */
export function verdictLegend(meta: MetaGraph): LegendItem[] {
  const counts: Record<Verdict, number> = { flagged: 0, organic: 0, unranked: 0 };
  for (const m of meta.nodes) counts[verdictOf(m)]++;
  return (Object.keys(counts) as Verdict[])
    .filter((v) => counts[v] > 0)
    .map((v) => ({
      color: VERDICT_COLORS[v],
      text: `${VERDICT_TEXT[v]} · ${counts[v].toLocaleString('en-US')} ${counts[v] === 1 ? 'community' : 'communities'}`,
      flagged: v === 'flagged',
    }));
}

const projectName = (project: string | null) =>
  project ? (project.split(/[\\/]/).pop() ?? project) : 'unsaved project';

const analysisLine = ({ summary: { parameters: p } }: AnalysisOutput) =>
  `graph ${p.graph}, resolution ${p.resolution}, seed ${p.seed}`;

/** The default caption: what the picture shows and where it came from. */
export function defaultCaption(output: AnalysisOutput, project: string | null, shownNodes: number, now: Date): string {
  const { counts } = output.summary;
  return (
    `Claque · ${projectName(project)} · ${shownNodes.toLocaleString('en-US')} of ${counts.nodes.toLocaleString('en-US')} accounts shown · ` +
    `${counts.communities} communities, ${counts.flagged} flagged · ${analysisLine(output)} · ` +
    now.toISOString().slice(0, 10)
  );
}

/** Caption of the community meta-graph: what one circle and one line stand for. */
export function metaCaption(meta: MetaGraph, output: AnalysisOutput, project: string | null, now: Date): string {
  const flagged = meta.nodes.filter((m) => m.flagged).length;
  const accounts = meta.nodes.reduce((s, m) => s + m.members, 0);
  return (
    `Community meta-graph: 1 node per community, ${meta.nodes.length.toLocaleString('en-US')} communities, ${flagged} flagged ` +
    `(${accounts.toLocaleString('en-US')} accounts; area ∝ members, lines = summed edge weight between communities) · ` +
    `${projectName(project)} · ${analysisLine(output)} · ${now.toISOString().slice(0, 10)} — Claque`
  );
}

/** Caption of one community opened from the meta-graph. */
export function communityCaption(
  output: AnalysisOutput,
  community: number,
  shown: { nodes: number; edges: number },
  project: string | null,
  now: Date,
): string {
  const c = output.communities.find((x) => x.id === community);
  const verdict = c
    ? `${c.flagged ? 'flagged' : 'not flagged'}, score ${Math.round(c.score * 1000) / 1000}`
    : 'unranked';
  return (
    `Community #${community} (${verdict}): ${shown.nodes.toLocaleString('en-US')} accounts shown, ` +
    `${shown.edges.toLocaleString('en-US')} edges among them · one of ${output.summary.counts.communities.toLocaleString('en-US')} ` +
    `communities in ${output.summary.counts.nodes.toLocaleString('en-US')} accounts · ${projectName(project)} · ` +
    `${analysisLine(output)} · ${now.toISOString().slice(0, 10)} — Claque`
  );
}

/** Splits a caption at its " · " separators into lines no wider than `width` (a part wider than that stays whole). */
export function wrapCaption(caption: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of caption.split(' · ')) {
    const candidate = line ? `${line} · ${part}` : part;
    if (line && measure(candidate) > width) {
      lines.push(`${line} ·`);
      line = part;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
