/**
 * Runs ForceAtlas2 on the map's graph in fa2.worker.ts and writes the positions back at most every
 * `intervalMs` (default 100 ms), once per sigma redraw at most: the worker never waits for the UI, and the UI
 * never redraws per iteration. The layout uses every merged edge (MapModel.layoutEdges), also those a thinned
 * overview does not draw.
 */
import type Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import FA2_DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import { PPN, type Fa2Positions, type Fa2Request } from './fa2-protocol';

export interface LayoutEdges {
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export interface LayoutOptions {
  settings?: ForceAtlas2Settings;
  /** Shortest time between two position updates of the graph. */
  intervalMs?: number;
  /** Called after positions (x, y per node in graph order) were written into the graph. */
  onUpdate?: (positions: Float32Array, iterations: number) => void;
}

/** Gephi's defaults scaled to the graph (Barnes–Hut above 2,000 nodes), with Gephi's θ = 1.2. */
export function layoutSettings(order: number): ForceAtlas2Settings {
  return { ...forceAtlas2.inferSettings(order), barnesHutTheta: 1.2 };
}

/** The FA2 node matrix and edge matrix (graphology-layout-forceatlas2's layout) in the graph's node order. */
export function layoutMatrices(graph: Graph, edges: LayoutEdges): { nodes: Float32Array; edges: Float32Array } {
  const nodes = new Float32Array(graph.order * PPN);
  let j = 0;
  graph.forEachNode((_key, attr: Record<string, unknown>) => {
    nodes[j] = attr.x as number;
    nodes[j + 1] = attr.y as number;
    nodes[j + 6] = 1; // mass: 1 + weighted degree, as graphology's helper computes it
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = (attr.size as number) || 1;
    j += PPN;
  });
  const m = edges.source.length;
  const matrix = new Float32Array(m * 3);
  for (let i = 0; i < m; i++) {
    const s = edges.source[i] * PPN;
    const t = edges.target[i] * PPN;
    const w = edges.weight[i];
    nodes[s + 6] += w;
    nodes[t + 6] += w;
    matrix[i * 3] = s;
    matrix[i * 3 + 1] = t;
    matrix[i * 3 + 2] = w;
  }
  return { nodes, edges: matrix };
}

/** Writes x, y per node (graph order) into the graph, with the hint that only positions changed. */
export function writePositions(graph: Graph, positions: Float32Array): void {
  let i = 0;
  graph.updateEachNodeAttributes(
    (_key, attr: Record<string, unknown>) => {
      attr.x = positions[i];
      attr.y = positions[i + 1];
      i += 2;
      return attr;
    },
    { attributes: ['x', 'y'] },
  );
}

/**
 * The graph's nodes without edges, for sigma to show while the layout moves them: sigma reprocesses every edge
 * of its graph on each position change, even hidden ones, which on 500k edges blocks the UI for a second.
 */
export function nodesOnly<N extends object, E extends object>(graph: Graph<N, E>): Graph<N, E> {
  const copy = graph.nullCopy();
  graph.forEachNode((key, attr) => copy.addNode(key, { ...attr }));
  return copy;
}

export class LayoutController {
  private readonly worker: Worker;
  private running = false;
  private pending: Fa2Positions | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Iterations the worker has run, as of the last positions received. */
  iterations = 0;

  constructor(
    private readonly graph: Graph,
    edges: LayoutEdges,
    private readonly options: LayoutOptions = {},
  ) {
    this.worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
    const matrices = layoutMatrices(graph, edges);
    const init: Fa2Request = {
      type: 'init',
      nodes: matrices.nodes,
      edges: matrices.edges,
      // The iteration kernel reads every setting: unset ones would be NaN forces and a Barnes–Hut tree that never ends.
      settings: { ...FA2_DEFAULTS, ...(options.settings ?? layoutSettings(graph.order)) },
      intervalMs: options.intervalMs ?? 100,
    };
    this.worker.postMessage(init, [matrices.nodes.buffer, matrices.edges.buffer]);
    this.worker.onmessage = (event: MessageEvent<Fa2Positions>) => {
      this.pending = event.data;
      this.iterations = event.data.iterations;
      // Written after the current frame: a burst of input or a redraw in progress delays, never queues, updates.
      this.timer ??= setTimeout(() => requestAnimationFrame(() => this.apply()), 0);
    };
  }

  private apply(): void {
    this.timer = null;
    const update = this.pending;
    this.pending = null;
    if (!update) return;
    writePositions(this.graph, update.positions);
    this.options.onUpdate?.(update.positions, update.iterations);
    this.post({ type: 'ack' });
  }

  private post(message: Fa2Request): void {
    this.worker.postMessage(message);
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    this.running = true;
    this.post({ type: 'start' });
  }

  stop(): void {
    this.running = false;
    this.post({ type: 'stop' });
  }

  kill(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.worker.terminate();
  }
}
