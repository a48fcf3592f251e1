/**
 * The community meta-graph as GEXF 1.3, for a researcher who takes the overview of a large analysis to Gephi:
 * one node per community (its members, score, verdict, rank, the edges inside it; coloured by verdict and
 * sized by members as on the map, at the centroid of its members' layout positions) and one undirected edge
 * per pair of linked communities, weighted by the summed weight of the account edges between them. A few
 * thousand communities at most, so the document is built as one string in the renderer; the accounts
 * themselves come from the account exports (GEXF of a community opened on the map, or of the whole graph).
 */
import { hexToRgb } from '../../shared/io/community-colors';
import { xmlSafe } from '../../shared/io/xml-text';
import type { MetaGraph } from '../graph/meta-graph';
import { metaNodeColor, metaNodeSize, metaScales, verdictOf } from '../graph/meta-style';

const NODE_ATTRIBUTES = [
  ['community', 'integer'],
  ['members', 'integer'],
  ['score', 'double'],
  ['flagged', 'boolean'],
  ['verdict', 'string'],
  ['rank', 'integer'],
  ['internal_edges', 'integer'],
  ['internal_weight', 'double'],
] as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => xmlSafe(s).replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
const round = (v: number) => Math.round(v * 1000) / 1000;

export function metaGraphToGexf(meta: MetaGraph, description: string): string {
  const { maxMembers } = metaScales(meta.nodes, meta.edges);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n',
    `<meta><creator>Claque</creator><description>${escape(description)}</description></meta>\n`,
    '<graph defaultedgetype="undirected" mode="static">\n<attributes class="node">',
    ...NODE_ATTRIBUTES.map(([id, type]) => `<attribute id="${id}" title="${id}" type="${type}"/>`),
    '</attributes>\n<attributes class="edge"><attribute id="account_edges" title="account_edges" type="integer"/></attributes>\n',
    '<nodes>\n',
  ];
  for (const m of meta.nodes) {
    const [r, g, b] = hexToRgb(metaNodeColor(m));
    out.push(
      `<node id="${m.community}" label="Community #${m.community}"><attvalues>` +
        `<attvalue for="community" value="${m.community}"/>` +
        `<attvalue for="members" value="${m.members}"/>` +
        `<attvalue for="score" value="${round(m.score)}"/>` +
        `<attvalue for="flagged" value="${m.flagged}"/>` +
        `<attvalue for="verdict" value="${verdictOf(m)}"/>` +
        `<attvalue for="rank" value="${m.rank}"/>` +
        `<attvalue for="internal_edges" value="${m.internalEdges}"/>` +
        `<attvalue for="internal_weight" value="${round(m.internalWeight)}"/></attvalues>` +
        `<viz:color r="${r}" g="${g}" b="${b}"/><viz:size value="${round(metaNodeSize(m, maxMembers))}"/>` +
        `<viz:position x="${round(m.x)}" y="${round(m.y)}" z="0"/></node>\n`,
    );
  }
  out.push('</nodes>\n<edges>\n');
  meta.edges.forEach((e, i) =>
    out.push(
      `<edge id="${i}" source="${e.source}" target="${e.target}" weight="${round(e.weight)}">` +
        `<attvalues><attvalue for="account_edges" value="${e.edges}"/></attvalues></edge>\n`,
    ),
  );
  out.push('</edges>\n</graph>\n</gexf>\n');
  return out.join('');
}
