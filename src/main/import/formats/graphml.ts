import type { Readable } from 'node:stream';
import { ImportError } from '../errors';
import type { Sample } from '../source';
import { streamXml, type XmlTag } from '../xml-stream';
import type { Format, ReadContext, RowResult } from './format';
import { GraphRecordMapper, type GraphEdge, type GraphNode, type GraphValues } from './graph-records';

/** A declared GraphML key: its attr.name (lower-cased, what the mapping keys on), domain and default. */
interface KeyDef {
  name: string;
  domain: string;
  defaultValue?: string;
}

const MAX_VALUE_CHARS = 1024 * 1024;

/**
 * GraphML (NetworkX, igraph, yEd, graphology): streamed, one row per <node> and <edge>. <data key=…> values
 * are resolved through the <key> declarations by attr.name, with <default> values applied; edge direction
 * comes from the edge's `directed` or the graph's `edgedefault`. Nested graphs are read flat; hyperedges are
 * reported as rows Claque cannot represent.
 */
export const graphmlFormat: Format = {
  id: 'graphml',
  label: 'GraphML graph (NetworkX, igraph, yEd)',
  detect(sample: Sample): number {
    const head = sample.text.slice(0, 4096);
    if (/<graphml[\s>]/.test(head)) return 0.95;
    return /\.graphml$/i.test(sample.fileName) && head.trimStart().startsWith('<') ? 0.5 : 0;
  },
  read(input: Readable, ctx: ReadContext): AsyncIterable<RowResult> {
    return streamXml<RowResult>(input, ctx.file, new GraphmlHandler(ctx));
  },
};

class GraphmlHandler {
  private readonly mapper: GraphRecordMapper;
  private readonly keys = new Map<string, KeyDef>();
  private key: KeyDef | undefined;
  private rootSeen = false;
  private readonly edgeDefaults: string[] = [];
  private readonly nodeStack: GraphNode[] = [];
  private edge: GraphEdge | undefined;
  /** The <data> or <default> whose text is being collected. */
  private textTarget: { values?: GraphValues; name: string; text: string } | undefined;

  constructor(private readonly ctx: ReadContext) {
    this.mapper = new GraphRecordMapper(ctx.options.platform ?? 'generic');
  }

  open(tag: XmlTag, emit: (r: RowResult) => void): void {
    if (!this.rootSeen) {
      this.rootSeen = true;
      if (tag.name !== 'graphml') {
        throw new ImportError(
          this.ctx.file,
          tag.line,
          `expected a GraphML document (<graphml> root element), found <${tag.name}>`,
        );
      }
      return;
    }
    if (!tag.inRootNamespace) return; // yEd's y: graphics and other extensions carry no data Claque keeps
    const a = tag.attributes;
    switch (tag.name) {
      case 'key':
        if (a.id !== undefined) {
          this.key = { name: (a['attr.name'] ?? a.id).trim().toLowerCase(), domain: a.for ?? 'all' };
          this.keys.set(a.id, this.key);
        }
        break;
      case 'default':
        if (this.key) this.textTarget = { name: '', text: '' };
        break;
      case 'graph':
        this.edgeDefaults.push(a.edgedefault ?? this.edgeDefaults[this.edgeDefaults.length - 1] ?? 'directed');
        break;
      case 'node':
        this.nodeStack.push({ id: a.id, line: tag.line, values: new Map() });
        break;
      case 'edge': {
        const directed =
          a.directed ?? (this.edgeDefaults[this.edgeDefaults.length - 1] === 'undirected' ? 'false' : 'true');
        this.edge = {
          source: a.source,
          target: a.target,
          line: tag.line,
          kindHints: [],
          timeHints: [],
          direction: directed === 'false' ? 'undirected' : 'directed',
          values: new Map(),
        };
        break;
      }
      case 'hyperedge':
        emit({ line: tag.line, error: 'hyperedges cannot be stored as account-to-account interactions; skipped' });
        break;
      case 'data': {
        const owner = this.edge ?? this.nodeStack[this.nodeStack.length - 1];
        const def = a.key === undefined ? undefined : this.keys.get(a.key);
        if (owner && a.key !== undefined)
          this.textTarget = { values: owner.values, name: def?.name ?? a.key.toLowerCase(), text: '' };
        break;
      }
    }
  }

  text(t: string): void {
    if (!this.textTarget) return;
    this.textTarget.text += t;
    if (this.textTarget.text.length > MAX_VALUE_CHARS) {
      throw new ImportError(
        this.ctx.file,
        undefined,
        `a <data> or <default> value is longer than ${MAX_VALUE_CHARS} characters`,
      );
    }
  }

  close(name: string, _line: number, inRootNamespace: boolean, emit: (r: RowResult) => void): void {
    if (!inRootNamespace) return;
    switch (name) {
      case 'default':
        if (this.key && this.textTarget) this.key.defaultValue = this.textTarget.text;
        this.textTarget = undefined;
        break;
      case 'key':
        this.key = undefined;
        break;
      case 'data':
        if (this.textTarget?.values) this.textTarget.values.set(this.textTarget.name, this.textTarget.text);
        this.textTarget = undefined;
        break;
      case 'graph':
        this.edgeDefaults.pop();
        break;
      case 'node': {
        const node = this.nodeStack.pop();
        if (node) {
          this.applyDefaults(node.values, 'node');
          emit(this.mapper.node(node));
        }
        break;
      }
      case 'edge':
        if (this.edge) {
          this.applyDefaults(this.edge.values, 'edge');
          this.mapper.edge(this.edge, emit);
          this.edge = undefined;
        }
        break;
    }
  }

  end(): Iterable<RowResult> {
    return this.mapper.end();
  }

  private applyDefaults(values: GraphValues, domain: 'node' | 'edge'): void {
    for (const k of this.keys.values()) {
      if (k.defaultValue === undefined || (k.domain !== domain && k.domain !== 'all')) continue;
      if (!values.has(k.name)) values.set(k.name, k.defaultValue);
    }
  }
}
