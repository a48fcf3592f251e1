import {
  INTERACTION_KINDS,
  PLATFORMS,
  type AccountRecord,
  type InteractionKind,
  type InteractionRecord,
  type Platform,
} from '../../../shared/model/records';
import { parseTime } from '../../../shared/io/time';
import type { RowResult } from './format';

/** Attribute values of one node or edge, keyed by lower-cased attribute name (GEXF title, GraphML attr.name). */
export type GraphValues = Map<string, string>;

export interface GraphNode {
  id: string | undefined;
  line: number;
  /** GEXF's label attribute; GraphML has none (a `label` data key lands in `values`). */
  label?: string;
  values: GraphValues;
}

export interface GraphEdge {
  source: string | undefined;
  target: string | undefined;
  line: number;
  /** Candidates for the interaction kind, in priority order (GEXF label/kind attributes). */
  kindHints: (string | undefined)[];
  weight?: string;
  /** Candidates for the time, in priority order (GEXF start/timestamp attributes, first spell). */
  timeHints: (string | undefined)[];
  /** 'mutual' is GEXF's edge in both directions. */
  direction: 'directed' | 'undirected' | 'mutual';
  values: GraphValues;
}

const SCREEN_NAME_KEYS = ['screen_name', 'screenname', 'user_screen_name', 'username', 'handle'];
const DISPLAY_NAME_KEYS = ['display_name', 'displayname', 'user_display_name'];
const CREATED_KEYS = ['created', 'created_at', 'account_creation_date', 'createdat'];
const FOLLOWERS_KEYS = ['followers', 'followers_count', 'follower_count'];
const FOLLOWING_KEYS = ['following', 'following_count', 'friends_count'];
const KIND_KEYS = ['kind', 'type', 'label'];
const TIME_KEYS = ['start', 'timestamp', 'time'];
/** Edges waiting for a node declared later in the file; beyond this the file is treated as broken. */
const MAX_PENDING_EDGES = 100_000;

/**
 * Maps graph nodes to accounts and edges to interactions, the same way for GEXF and GraphML: node id as given,
 * label → screen name unless a screen-name attribute says otherwise, known profile attributes; edge kind from
 * a kind/type/label attribute when it names an interaction kind (else 'edge'), weight, time. Remembers node ids
 * (and their platform) so an edge to a node that never appears is reported with its line.
 */
export class GraphRecordMapper {
  /**
   * Node ids declared so far. A million-node graph keeps a million of them for as long as it is read, so they
   * are a Set of the ids alone; the few nodes whose platform is not the default keep theirs beside it.
   */
  private readonly nodes = new Set<string>();
  private readonly otherPlatform = new Map<string, Platform>();
  private pending: PendingEdge[] = [];

  constructor(private readonly defaultPlatform: Platform) {}

  node(n: GraphNode): RowResult {
    if (n.id === undefined || n.id === '') return { line: n.line, error: 'node without an id' };
    const v = n.values;
    let platform = this.defaultPlatform;
    const p = v.get('platform')?.trim().toLowerCase();
    if (p) {
      if (!(PLATFORMS as readonly string[]).includes(p)) {
        return {
          line: n.line,
          error: `node "${n.id}": unknown platform "${p}"; expected one of: ${PLATFORMS.join(', ')}`,
        };
      }
      platform = p as Platform;
    }
    const account: AccountRecord = { platform, id: n.id };
    // A label is what Gephi and NetworkX users put the handle in, unless the file also has a screen-name
    // column: then the label is the display name (Gephi shows labels, handles are ids).
    const label = nonEmpty(n.label) ?? first(v, ['label', 'name']);
    const explicitScreenName = first(v, SCREEN_NAME_KEYS);
    const screenName = explicitScreenName ?? label;
    if (screenName !== undefined) account.screenName = screenName;
    const displayName =
      first(v, DISPLAY_NAME_KEYS) ??
      (explicitScreenName !== undefined && label !== explicitScreenName ? label : undefined);
    if (displayName !== undefined) account.displayName = displayName;
    const created = first(v, CREATED_KEYS);
    if (created !== undefined) {
      const t = parseTime(created);
      if (t === undefined)
        return {
          line: n.line,
          error: `node "${n.id}": bad creation time "${created}"; expected ISO 8601 or Unix seconds`,
        };
      account.createdAt = t;
    }
    for (const [keys, field] of [
      [FOLLOWERS_KEYS, 'followers'],
      [FOLLOWING_KEYS, 'following'],
    ] as const) {
      const raw = first(v, keys);
      if (raw === undefined) continue;
      const num = Number(raw);
      if (!Number.isInteger(num) || num < 0) {
        return { line: n.line, error: `node "${n.id}": bad ${field} count "${raw}"; expected a non-negative integer` };
      }
      account[field] = num;
    }
    const description = first(v, ['description', 'user_profile_description']);
    if (description !== undefined) account.description = description;
    const location = first(v, ['location', 'user_reported_location']);
    if (location !== undefined) account.location = location;
    const language = first(v, ['language', 'lang', 'account_language']);
    if (language !== undefined) account.language = language;
    this.nodes.add(n.id);
    if (platform !== this.defaultPlatform) this.otherPlatform.set(n.id, platform);
    else this.otherPlatform.delete(n.id);
    return { line: n.line, batch: { accounts: [account] } };
  }

  /** An edge whose nodes are known now is mapped at once; otherwise it waits for the end of the graph. */
  edge(e: GraphEdge, emit: (r: RowResult) => void): void {
    if (e.source !== undefined && e.target !== undefined && (!this.nodes.has(e.source) || !this.nodes.has(e.target))) {
      if (this.pending.length >= MAX_PENDING_EDGES) {
        emit({
          line: e.line,
          error: `edge refers to node "${this.nodes.has(e.source) ? e.target : e.source}", which is not declared before it (more than ${MAX_PENDING_EDGES} such edges: declare nodes before edges)`,
        });
        return;
      }
      this.pending.push(pendingEdge(e));
      return;
    }
    emit(this.mapEdge(pendingEdge(e)));
  }

  /**
   * Maps the edges that were waiting for nodes declared after them, one at a time as they are taken: up to
   * MAX_PENDING_EDGES rows, which made all at once would be that many objects alive together.
   */
  *end(): Generator<RowResult> {
    const pending = this.pending;
    this.pending = [];
    for (let i = 0; i < pending.length; i++) {
      yield this.mapEdge(pending[i]);
      pending[i] = undefined as unknown as PendingEdge; // each mapped edge can go
    }
  }

  private platformOf(id: string): Platform {
    return this.otherPlatform.get(id) ?? this.defaultPlatform;
  }

  private mapEdge(e: PendingEdge): RowResult {
    const { source, target, line } = e;
    if (source === undefined || source === '' || target === undefined || target === '') {
      return { line, error: 'edge without a source or a target' };
    }
    for (const id of [source, target]) {
      if (!this.nodes.has(id))
        return { line, error: `edge ${source} → ${target} refers to node "${id}", which the file never declares` };
    }
    const platform = this.platformOf(source);
    if (this.platformOf(target) !== platform) {
      return {
        line,
        error: `edge ${source} → ${target} joins accounts on different platforms (${platform}, ${this.platformOf(target)})`,
      };
    }
    const interaction: InteractionRecord = { platform, sourceId: source, targetId: target, kind: e.kind };
    const rawWeight = e.weight;
    if (rawWeight !== undefined && rawWeight.trim() !== '') {
      const w = Number(rawWeight);
      if (!Number.isFinite(w) || w < 0) {
        return { line, error: `edge ${source} → ${target}: bad weight "${rawWeight}"; expected a non-negative number` };
      }
      interaction.weight = w;
    }
    const rawTime = e.time;
    if (rawTime !== undefined) {
      const t = parseTime(rawTime);
      if (t === undefined) {
        return {
          line,
          error: `edge ${source} → ${target}: bad time "${rawTime}"; expected ISO 8601, a date, or Unix seconds/milliseconds`,
        };
      }
      interaction.time = t;
    }
    // The store's interactions are directed. An undirected edge is kept once, as written (analyses that care
    // read kind 'edge' symmetrically); GEXF's 'mutual' says both directions exist, so both are stored.
    const interactions = [interaction];
    if (e.direction === 'mutual' && source !== target) {
      interactions.push({ ...interaction, sourceId: target, targetId: source });
    }
    return { line, batch: { interactions } };
  }
}

/**
 * An edge reduced to what mapping it needs: an edge that waits for nodes declared after it (up to
 * MAX_PENDING_EDGES of them) then costs a few strings, not its attribute map and hint lists.
 */
interface PendingEdge {
  source: string | undefined;
  target: string | undefined;
  line: number;
  kind: InteractionKind;
  weight: string | undefined;
  time: string | undefined;
  direction: GraphEdge['direction'];
}

function pendingEdge(e: GraphEdge): PendingEdge {
  return {
    source: e.source,
    target: e.target,
    line: e.line,
    kind: interactionKind([...e.kindHints, ...KIND_KEYS.map((k) => e.values.get(k))]),
    weight: e.weight ?? e.values.get('weight'),
    time: [...e.timeHints, ...TIME_KEYS.map((k) => e.values.get(k))].find((t) => t !== undefined && t.trim() !== ''),
    direction: e.direction,
  };
}

function interactionKind(hints: (string | undefined)[]): InteractionKind {
  for (const h of hints) {
    const k = h?.trim().toLowerCase();
    if (k && (INTERACTION_KINDS as readonly string[]).includes(k)) return k as InteractionKind;
  }
  return 'edge';
}

function first(values: GraphValues, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = nonEmpty(values.get(k));
    if (v !== undefined) return v;
  }
  return undefined;
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}
