/**
 * Runs the offloadable analysis stages (StageOffload) on one worker thread beside the analysis thread: the
 * machines Claque targets have two cores or more, and layout, post parents and text grouping are over a third
 * of a big analysis. Small projects stay on one thread: starting a worker costs more than it saves there.
 */
import { Worker } from 'node:worker_threads';
import type { StageOffload } from '../../shared/analysis/analyse-dataset';
import type { Dataset } from '../../shared/analysis/dataset';
import { textGroups, type TextGroups } from '../../shared/analysis/text';
import { loadPostTexts } from './load-dataset';
import type { EdgeList } from '../../shared/graph/edge-list';
import type { Layout, LayoutOptions } from '../../shared/graph/layout';
import type { Db } from '../store/project';
import type { GexfDocument } from '../export/gexf';
import { findWorkerEntry, workerExecArgv } from '../worker-entry';
import { kindFingerprint, type StageReply, type StageTask } from './stage-protocol';

/** 'auto' offloads from OFFLOAD_MIN_ROWS posts + interactions; 'always' / 'never' are for tests and benches. */
export type OffloadMode = 'auto' | 'always' | 'never';
export const OFFLOAD_MIN_ROWS = 100_000;

type Pending = { resolve: (r: StageReply) => void; reject: (e: Error) => void };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

export class StageWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: StageReply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (r.task === 'error') p?.reject(new Error(`analysis stage worker: ${r.message}`));
      else p?.resolve(r);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(this.failure);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis stage worker stopped (exit code ${code})`)));
  }

  /** A worker, or undefined where its code is not found (a bundle built without it). */
  static start(): StageWorker | undefined {
    const entry = findWorkerEntry('stage-worker', import.meta.url);
    return entry && new StageWorker(new Worker(entry.path, { execArgv: workerExecArgv(entry) }));
  }

  private send(task: Distribute<StageTask>): Promise<StageReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<StageReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...task, id });
    });
  }

  /** Post parents of the project's posts, found by the worker from the file itself. */
  async postParents(project: string): Promise<Extract<StageReply, { task: 'postParents' }>> {
    return (await this.send({ task: 'postParents', project })) as Extract<StageReply, { task: 'postParents' }>;
  }

  /** Text groups of the project's posts, read by the worker from the file itself. */
  async textGroups(project: string): Promise<Extract<StageReply, { task: 'textGroups' }>> {
    return (await this.send({ task: 'textGroups', project })) as Extract<StageReply, { task: 'textGroups' }>;
  }

  async layout(edges: EdgeList, options: LayoutOptions): Promise<Layout & { ms: number }> {
    const r = (await this.send({ task: 'layout', edges, options })) as Extract<StageReply, { task: 'layout' }>;
    return { x: r.x, y: r.y, ms: r.ms };
  }

  /** Writes a prepared GEXF document to `file` on the worker. */
  async gexf(doc: GexfDocument, file: string): Promise<void> {
    await this.send({ task: 'gexf', doc, file });
  }

  close(): void {
    this.failure ??= new Error('analysis stage worker closed');
    void this.worker.terminate();
  }
}

function worthOffloading(db: Db, mode: OffloadMode): boolean {
  if (mode === 'never' || db.memory) return false;
  if (mode === 'always') return true;
  const rows = db.prepare('SELECT (SELECT count(*) FROM posts) + (SELECT count(*) FROM interactions)').pluck().get();
  return (rows as number) >= OFFLOAD_MIN_ROWS;
}

export interface Offloading {
  /**
   * Hands the stages to analyseDataset, once the dataset is loaded; `textsLoaded` false when it was loaded
   * without texts (then a missing worker result is computed from texts read here, not from the dataset).
   */
  forDataset(ds: Dataset, textsLoaded?: boolean): StageOffload;
  /** Worker-side milliseconds per stage, for the summary's timings. */
  timings: Record<string, number>;
  close(): void;
}

/**
 * Starts the worker on the post parents and text groups at once (before the dataset is loaded: the worker
 * reads the posts while this thread loads the rest), or returns undefined when offloading does not pay or is impossible.
 */
export function startOffloading(
  db: Db,
  mode: OffloadMode = 'auto',
  { columns = true }: { columns?: boolean } = {},
): Offloading | undefined {
  if (!worthOffloading(db, mode)) return undefined;
  const worker = StageWorker.start();
  if (!worker) return undefined;
  const timings: Record<string, number> = {};
  // Queued in this order on the worker: the parents (quick) are needed first. Not at all when the analysis
  // reads a time slice: the worker's columns are the whole project's (only the layout is offloaded then).
  const none = Promise.resolve(null);
  const parents = columns ? worker.postParents(db.name) : none;
  const texts = columns ? worker.textGroups(db.name) : none;
  // A failure means computing them here instead (below), not an unhandled rejection meanwhile.
  parents.catch(() => {});
  texts.catch(() => {});
  return {
    timings,
    close: () => worker.close(),
    forDataset: (ds, textsLoaded = true) => {
      // Whether posts read elsewhere are the dataset's: not when an import committed in between.
      let fingerprint: number | undefined;
      const same = (r: { count: number; kinds: number } | null): boolean =>
        r !== null && r.count === ds.posts.count && r.kinds === (fingerprint ??= kindFingerprint(ds.posts.kind));
      return {
        postParents: async (): Promise<Int32Array | null> => {
          const r = await parents.catch(() => null);
          if (!r || !same(r)) return null;
          timings.postParentsWorker = Math.round(r.ms);
          return r.parent;
        },
        textGroups: async (): Promise<TextGroups | null> => {
          const r = await texts.catch(() => null);
          if (r && same(r)) {
            timings.textGroupsWorker = Math.round(r.ms);
            return { exact: r.exact, near: r.near };
          }
          if (textsLoaded) return null; // computed from the dataset's own texts
          // The dataset was loaded without texts: read them now, from the same snapshot as the dataset or not at all.
          const input = loadPostTexts(db);
          if (!same({ count: input.posts.count, kinds: kindFingerprint(input.posts.kind) }))
            throw new Error('the project changed while it was being analysed (an import?): run the analysis again');
          return textGroups(input);
        },
        layout: async (edges, options) => {
          const r = await worker.layout(edges, options);
          timings.layoutWorker = Math.round(r.ms);
          return r;
        },
      };
    },
  };
}
