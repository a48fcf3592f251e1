/** Messages between the analysis thread and its stage worker (stage-worker.ts). */
import type { EdgeList } from '../../shared/graph/edge-list';
import type { LayoutOptions } from '../../shared/graph/layout';
import type { GexfDocument } from '../export/gexf';

export type StageTask =
  | { id: number; task: 'postParents'; project: string }
  | { id: number; task: 'textGroups'; project: string }
  | { id: number; task: 'layout'; edges: EdgeList; options: LayoutOptions }
  | { id: number; task: 'gexf'; doc: GexfDocument; file: string };

export type StageReply =
  | (PostsRead & { task: 'postParents'; parent: Int32Array })
  | (PostsRead & { task: 'textGroups'; exact: Int32Array; near: Int32Array })
  | { id: number; task: 'layout'; x: Float32Array; y: Float32Array; ms: number }
  | { id: number; task: 'gexf'; ms: number }
  | { id: number; task: 'error'; message: string };

/** Posts read and their kind fingerprint: the caller checks the worker read the same posts as it did. */
interface PostsRead {
  id: number;
  count: number;
  kinds: number;
  ms: number;
}

/** A cheap check that two threads read the same posts: a polynomial hash of the post kinds in order. */
export function kindFingerprint(kinds: Uint8Array): number {
  let h = 0;
  for (let i = 0; i < kinds.length; i++) h = (Math.imul(h, 31) + kinds[i] + 1) | 0;
  return h;
}
