/** Messages between layout-controller.ts and fa2.worker.ts (kept apart so the page never loads the worker's code). */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

export type Fa2Request =
  | { type: 'init'; nodes: Float32Array; edges: Float32Array; settings: ForceAtlas2Settings; intervalMs: number }
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'ack' };

/** x, y of each node in order, and how many iterations have run so far. */
export interface Fa2Positions {
  positions: Float32Array;
  iterations: number;
}

/** Values per node in graphology-layout-forceatlas2's node matrix; x and y come first. */
export const PPN = 10;
