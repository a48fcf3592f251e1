import type { Readable } from 'node:stream';
import { ImportError } from '../errors';
import type { Sample } from '../source';
import { streamXml, type XmlTag } from '../xml-stream';
import type { Format, ReadContext, RowResult } from './format';
import { GraphRecordMapper, type GraphEdge, type GraphNode, type GraphValues } from './graph-records';

/** A declared GEXF attribute: its title (lower-cased, what the mapping keys on) and default value. */
interface AttributeDef {
  title: string;
  defaultValue?: string;
}

const MAX_DEFAULT_CHARS = 64 * 1024;

/**
 * GEXF 1.1–1.3 (Gephi, graphology-gexf, NetworkX): streamed, one row per <node> and <edge>. Attribute values
 * (<attvalue for=…>) are resolved through the <attributes> declarations by title; viz: elements and any other
 * foreign namespace are ignored. Hierarchical GEXF (nodes inside nodes) is read flat.
 */
export const gexfFormat: Format = {
  id: 'gexf',
  label: 'GEXF graph (Gephi, graphology)',
  detect(sample: Sample): number {
    const head = sample.text.slice(0, 4096);
    if (/<gexf[\s>]/.test(head)) return 0.95;
    return /\.gexf$/i.test(sample.fileName) && head.trimStart().startsWith('<') ? 0.5 : 0;
  },
  read(input: Readable, ctx: ReadContext): AsyncIterable<RowResult> {
    return streamXml<RowResult>(input, ctx.file, new GexfHandler(ctx));
  },
};

class GexfHandler {
  private readonly mapper: GraphRecordMapper;
  private readonly attrs = { node: new Map<string, AttributeDef>(), edge: new Map<string, AttributeDef>() };
  private attrClass: 'node' | 'edge' | undefined;
  private attrDef: AttributeDef | undefined;
  private defaultText: string | undefined;
  private defaultEdgeType = 'undirected';
  private rootSeen = false;
  private readonly nodeStack: GraphNode[] = [];
  private edge: GraphEdge | undefined;

  constructor(private readonly ctx: ReadContext) {
    this.mapper = new GraphRecordMapper(ctx.options.platform ?? 'generic');
  }

  open(tag: XmlTag, emit: (r: RowResult) => void): void {
    if (!this.rootSeen) {
      this.rootSeen = true;
      if (tag.name !== 'gexf') {
        throw new ImportError(
          this.ctx.file,
          tag.line,
          `expected a GEXF document (<gexf> root element), found <${tag.name}>`,
        );
      }
      return;
    }
    if (!tag.inRootNamespace) return; // viz:color, viz:position, … carry no data Claque keeps
    const a = tag.attributes;
    switch (tag.name) {
      case 'graph':
        if (a.defaultedgetype) this.defaultEdgeType = a.defaultedgetype;
        break;
      case 'attributes':
        this.attrClass = a.class === 'edge' ? 'edge' : a.class === 'node' ? 'node' : undefined;
        break;
      case 'attribute':
        if (this.attrClass && a.id !== undefined) {
          this.attrDef = { title: (a.title ?? a.id).trim().toLowerCase() };
          this.attrs[this.attrClass].set(a.id, this.attrDef);
        }
        break;
      case 'default':
        if (this.attrDef) this.defaultText = '';
        break;
      case 'node':
        this.nodeStack.push({ id: a.id, line: tag.line, label: a.label, values: new Map() });
        break;
      case 'edge':
        this.edge = {
          source: a.source,
          target: a.target,
          line: tag.line,
          kindHints: [a.kind, a.label],
          weight: a.weight,
          timeHints: [a.start, a.timestamp],
          direction: direction(a.type ?? this.defaultEdgeType),
          values: new Map(),
        };
        break;
      case 'attvalue':
        this.attvalue(a);
        break;
      case 'spell':
        if (this.edge && a.start !== undefined) this.edge.timeHints.push(a.start);
        else if (this.edge && a.timestamp !== undefined) this.edge.timeHints.push(a.timestamp);
        break;
    }
    void emit;
  }

  text(t: string): void {
    if (this.defaultText === undefined) return;
    this.defaultText += t;
    if (this.defaultText.length > MAX_DEFAULT_CHARS) {
      throw new ImportError(this.ctx.file, undefined, `attribute default longer than ${MAX_DEFAULT_CHARS} characters`);
    }
  }

  close(name: string, _line: number, inRootNamespace: boolean, emit: (r: RowResult) => void): void {
    if (!inRootNamespace) return;
    switch (name) {
      case 'default':
        if (this.attrDef && this.defaultText !== undefined) this.attrDef.defaultValue = this.defaultText;
        this.defaultText = undefined;
        break;
      case 'attribute':
        this.attrDef = undefined;
        break;
      case 'attributes':
        this.attrClass = undefined;
        break;
      case 'node': {
        const node = this.nodeStack.pop();
        if (node) {
          applyDefaults(node.values, this.attrs.node);
          emit(this.mapper.node(node));
        }
        break;
      }
      case 'edge':
        if (this.edge) {
          applyDefaults(this.edge.values, this.attrs.edge);
          this.mapper.edge(this.edge, emit);
          this.edge = undefined;
        }
        break;
    }
  }

  end(): Iterable<RowResult> {
    return this.mapper.end();
  }

  private attvalue(a: Record<string, string>): void {
    // GEXF 1.2/1.3 name the attribute with `for`, 1.1 with `id`.
    const ref = a.for ?? a.id;
    if (ref === undefined || a.value === undefined) return;
    if (this.edge) {
      const def = this.attrs.edge.get(ref);
      this.edge.values.set(def?.title ?? ref.toLowerCase(), a.value);
      // A dynamic attribute value's start is the edge's time when the edge itself has none.
      if (a.start !== undefined) this.edge.timeHints.push(a.start);
      return;
    }
    const node = this.nodeStack[this.nodeStack.length - 1];
    if (node) node.values.set(this.attrs.node.get(ref)?.title ?? ref.toLowerCase(), a.value);
  }
}

function applyDefaults(values: GraphValues, defs: Map<string, AttributeDef>): void {
  for (const def of defs.values()) {
    if (def.defaultValue !== undefined && !values.has(def.title)) values.set(def.title, def.defaultValue);
  }
}

function direction(type: string): GraphEdge['direction'] {
  const t = type.trim().toLowerCase();
  return t === 'directed' ? 'directed' : t === 'mutual' ? 'mutual' : 'undirected';
}
