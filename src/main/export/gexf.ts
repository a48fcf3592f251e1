import Graph from 'graphology';
import { write } from 'graphology-gexf';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityColor } from '../../shared/io/community-colors';
import { xmlSafe } from '../../shared/io/xml-text';

export interface GexfOptions {
  /** Only these node positions (indexes into output.graph.nodes) — the current view. Default: all. */
  nodeFilter?: (nodePosition: number) => boolean;
}

/**
 * GEXF 1.3 for Gephi: viz colour by community (same palette as the map), size by posts, ForceAtlas2
 * positions; node attributes community, score, flagged, screen_name, created, posts; edge weight and an
 * attribute `kind` (never `type`, which Gephi's importer reads as directedness and then rejects).
 */
export function analysisToGexf(output: AnalysisOutput, options: GexfOptions = {}): string {
  const { graph } = output;
  const byIndex = new Map(output.accounts.map((a) => [a.index, a]));
  const rankOf = new Map(output.communities.map((c, rank) => [c.id, rank]));
  // graphology keeps adjacency in plain objects: an account id such as "__proto__" or "valueOf" used as a
  // node key reads as an existing edge, or (in a multi graph) writes onto Object.prototype. So nodes are
  // keyed n0, n1, … here and the real ids are put into the XML after writing.
  const g = new Graph({ type: graph.directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false });
  const keys: string[] = new Array(graph.nodes.length);
  const ids: string[] = new Array(graph.nodes.length);
  const used = new Set<string>();
  g.setAttribute('creator', 'Claque');
  g.setAttribute('description', `Claque analysis: ${output.summary.counts.communities} communities, ${output.summary.counts.flagged} flagged`);

  for (let p = 0; p < graph.nodes.length; p++) {
    if (options.nodeFilter && !options.nodeFilter(p)) continue;
    const account = byIndex.get(graph.nodes[p]);
    let id = xmlSafe(account?.accountId ?? String(graph.nodes[p]));
    if (used.has(id)) id = `${id}#${graph.nodes[p]}`;
    used.add(id);
    ids[p] = id;
    keys[p] = `n${p}`;
    const posts = account?.posts ?? 0;
    g.addNode(keys[p], {
      label: xmlSafe(account?.screenName ?? id),
      color: communityColor(rankOf.get(graph.community[p]) ?? -1),
      size: 2 + Math.sqrt(posts),
      x: round(graph.x[p]),
      y: round(graph.y[p]),
      community: graph.community[p],
      score: round(account?.score ?? 0),
      flagged: account?.flagged ?? false,
      screen_name: xmlSafe(account?.screenName ?? ''),
      created: account?.createdAt ? new Date(account.createdAt * 1000).toISOString().slice(0, 10) : '',
      posts,
    });
  }
  for (const e of graph.edges) {
    const s = keys[e.source];
    const t = keys[e.target];
    if (s === undefined || t === undefined || s === t) continue;
    if (g.hasEdge(s, t)) {
      g.updateEdgeAttribute(s, t, 'weight', (w) => (w as number) + e.weight);
      continue;
    }
    g.addEdge(s, t, { weight: e.weight, kind: e.kind });
  }
  const idOf = (key: string) => xmlAttr(ids[Number(key)]);
  return (
    write(g, { version: '1.3', pretty: false })
      .replace(/<node id="n(\d+)"/g, (_m, k: string) => `<node id="${idOf(k)}"`)
      .replace(/ (source|target)="n(\d+)"/g, (_m, end: string, k: string) => ` ${end}="${idOf(k)}"`)
      // NEL and LINE SEPARATOR are XML 1.1 line ends: xmldom (graphology-gexf's reader) turns them into spaces
      // when they stand literally in an attribute value. As character references they are kept exactly, and
      // XML 1.0 readers (Gephi) read both forms as the same character.
      .replace(/[\u0085\u2028]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)
  );
}

/** An attribute value, escaped so that an XML reader gives back exactly `s` (whitespace included). */
function xmlAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
