import type { AnalysisOutput } from '../../shared/analysis/result';
import { PairAccumulator } from '../../shared/graph/edge-list';
import { communityColor, hexToRgb } from '../../shared/io/community-colors';
import { xmlSafe } from '../../shared/io/xml-text';

export interface GexfOptions {
  /** Only these node positions (indexes into output.graph.nodes) — the current view. Default: all. */
  nodeFilter?: (nodePosition: number) => boolean;
}

const NODE_ATTRIBUTES = [
  ['community', 'integer'],
  ['score', 'double'],
  ['flagged', 'boolean'],
  ['screen_name', 'string'],
  ['created', 'string'],
  ['posts', 'integer'],
  ['component', 'integer'],
] as const;

/**
 * GEXF 1.3 for Gephi: viz colour by community (the map's palette), size by posts, ForceAtlas2 positions; node
 * attributes community, score, flagged, screen_name, created, posts, component; edge weight and an attribute `kind`
 * (never `type`, which Gephi's importer reads as directedness and then rejects). Parallel edges are merged with
 * their weights summed; self-loops are dropped.
 *
 * Written by hand, streaming, rather than through graphology-gexf's writer: that one builds a graphology graph
 * and the whole document as one string (4 GB of memory for a 1.3M-edge analysis), and graphology cannot hold
 * account ids such as "__proto__" as keys. Every string goes through xmlSafe (no XML-invalid characters) and
 * attribute escaping, so hostile labels stay text.
 */
export function writeGexf(output: AnalysisOutput, sink: (chunk: string) => void, options: GexfOptions = {}): void {
  writeGexfDocument(prepareGexf(output, options), sink);
}

/**
 * A GEXF document in two parts: the header and node elements already rendered (tens of thousands of short
 * strings), the edges still as typed arrays (millions of them). Plain data that crosses to a worker thread
 * cheaply, so the edge part — nine tenths of a big file — can be written beside other work.
 */
export interface GexfDocument {
  head: string[];
  /** Escaped id per node position; null where the node is not in the document. */
  ids: (string | null)[];
  directed: boolean;
  edges: { source: Int32Array; target: Int32Array; weight: Float64Array; kind: Uint8Array; kindNames: string[] };
}

export function prepareGexf(output: AnalysisOutput, options: GexfOptions = {}): GexfDocument {
  const { graph } = output;
  const byIndex = new Map(output.accounts.map((a) => [a.index, a]));
  const rankOf = new Map(output.communities.map((c, rank) => [c.id, rank]));
  const head: string[] = [];
  const put = (s: string) => head.push(s);

  put('<?xml version="1.0" encoding="UTF-8"?>\n');
  put(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n',
  );
  const c = output.summary.counts;
  put(
    `<meta><creator>Claque</creator><description>${text(
      `Claque analysis: ${c.communities} communities, ${c.flagged} flagged`,
    )}</description></meta>\n`,
  );
  put(`<graph defaultedgetype="${graph.directed ? 'directed' : 'undirected'}" mode="static">\n`);
  put('<attributes class="node">');
  for (const [id, type] of NODE_ATTRIBUTES) put(`<attribute id="${id}" title="${id}" type="${type}"/>`);
  put('</attributes>\n<attributes class="edge"><attribute id="kind" title="kind" type="string"/></attributes>\n');

  const ids: (string | null)[] = new Array<string | null>(graph.nodes.length).fill(null);
  const used = new Set<string>();
  put('<nodes>\n');
  for (let p = 0; p < graph.nodes.length; p++) {
    if (options.nodeFilter && !options.nodeFilter(p)) continue;
    const account = byIndex.get(graph.nodes[p]);
    let id = xmlSafe(account?.accountId ?? String(graph.nodes[p]));
    if (used.has(id)) id = `${id}#${graph.nodes[p]}`;
    used.add(id);
    const escaped = attr(id); // escaped once: edges repeat each id many times
    ids[p] = escaped;
    const posts = account?.posts ?? 0;
    const screenName = xmlSafe(account?.screenName ?? '');
    const created = account?.createdAt ? new Date(account.createdAt * 1000).toISOString().slice(0, 10) : '';
    const [r, g, b] = hexToRgb(communityColor(rankOf.get(graph.community[p]) ?? -1));
    put(
      `<node id="${escaped}" label="${screenName ? attr(screenName) : escaped}"><attvalues>` +
        `<attvalue for="community" value="${graph.community[p]}"/>` +
        `<attvalue for="score" value="${round(account?.score ?? 0)}"/>` +
        `<attvalue for="flagged" value="${account?.flagged ? 'true' : 'false'}"/>` +
        (screenName ? `<attvalue for="screen_name" value="${attr(screenName)}"/>` : '') +
        (created ? `<attvalue for="created" value="${created}"/>` : '') +
        `<attvalue for="posts" value="${posts}"/>` +
        (account?.component !== undefined ? `<attvalue for="component" value="${account.component}"/>` : '') +
        `</attvalues>` +
        `<viz:color r="${r}" g="${g}" b="${b}"/><viz:size value="${round(2 + Math.sqrt(posts))}"/>` +
        `<viz:position x="${round(graph.x[p])}" y="${round(graph.y[p])}" z="0"/></node>\n`,
    );
  }
  put('</nodes>\n<edges>\n');

  const m = graph.edges.length;
  const edges = {
    source: new Int32Array(m),
    target: new Int32Array(m),
    weight: new Float64Array(m),
    kind: new Uint8Array(m),
    kindNames: [] as string[],
  };
  const kindCode = new Map<string, number>();
  for (let e = 0; e < m; e++) {
    const edge = graph.edges[e];
    let k = kindCode.get(edge.kind);
    if (k === undefined) {
      k = edges.kindNames.length;
      kindCode.set(edge.kind, k);
      edges.kindNames.push(edge.kind);
    }
    edges.source[e] = edge.source;
    edges.target[e] = edge.target;
    edges.weight[e] = edge.weight;
    edges.kind[e] = k;
  }
  return { head, ids, directed: graph.directed, edges };
}

export function writeGexfDocument(doc: GexfDocument, sink: (chunk: string) => void): void {
  let buffer = '';
  const put = (s: string) => {
    buffer += s;
    if (buffer.length > 1 << 16) {
      sink(buffer);
      buffer = '';
    }
  };
  for (const s of doc.head) put(s);
  // Merge parallel edges (and, undirected, both orientations) in first-seen order, weights summed, the first
  // one's kind kept. PairAccumulator hashes packed pair keys in typed arrays: no per-edge objects.
  const { ids } = doc;
  const E = doc.edges;
  const acc = new PairAccumulator(Math.max(1, ids.length), doc.directed, { capacity: E.source.length });
  const first: number[] = [];
  for (let e = 0; e < E.source.length; e++) {
    const s = E.source[e];
    const t = E.target[e];
    if (ids[s] === null || ids[t] === null || s === t) continue;
    const before = acc.size;
    acc.add(s, t, E.weight[e]);
    if (acc.size > before) first.push(e); // keeps the orientation and kind the edge was first given with
  }
  for (let k = 0; k < acc.size; k++) {
    const e = first[k];
    put(
      `<edge id="${k}" source="${ids[E.source[e]]}" target="${ids[E.target[e]]}" weight="${acc.weight[k]}">` +
        `<attvalues><attvalue for="kind" value="${E.kindNames[E.kind[e]]}"/></attvalues></edge>\n`,
    );
  }
  put('</edges>\n</graph>\n</gexf>\n');
  if (buffer) sink(buffer);
}

/** The whole document as one string (for small exports and tests). */
export function analysisToGexf(output: AnalysisOutput, options: GexfOptions = {}): string {
  const parts: string[] = [];
  writeGexf(output, (chunk) => parts.push(chunk), options);
  return parts.join('');
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
  // NEL and LINE SEPARATOR are XML 1.1 line ends that some readers fold into spaces; as references every
  // XML 1.0 reader (Gephi, xmldom) keeps them exactly.
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
};

/** An attribute value, escaped so that an XML reader gives back exactly `s` (whitespace included). */
function attr(s: string): string {
  return s.replace(/[&<>"\t\n\r\u0085\u2028]/g, (ch) => ATTR_ESCAPES[ch]);
}

function text(s: string): string {
  return xmlSafe(s).replace(/[&<>]/g, (ch) => ATTR_ESCAPES[ch]);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
