/**
 * Runs one heavy job (import, analysis) on a worker thread with progress and cancel. Used by the backend in
 * both front ends (Electron, browser mode), so neither blocks its main thread for the length of an analysis.
 * Cancel asks the worker to abort through the pipeline's own AbortSignal (an import rolls back its
 * transaction); a worker that has not stopped after `graceMs` is terminated.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisProgress } from '../../shared/analysis/analyse-dataset';
import type { AnalysisOutput, AnalysisParameters } from '../../shared/analysis/result';
import { ImportCancelled, ImportError } from '../import/errors';
import type { ImportOptions, ImportResult } from '../import/run-import';
import { ProjectError, type Db } from '../store/project';
import { findWorkerEntry, workerExecArgv, type WorkerEntry } from '../worker-entry';
import type { FromWorker, JobErrorData, JobProgress, JobRequest, JobValue, ToWorker } from './protocol';

export class JobCancelled extends Error {
  constructor(kind: string) {
    super(`${kind}: cancelled`);
    this.name = 'JobCancelled';
  }
}

/** The job worker's entry (see worker-entry.ts). */
export function jobWorkerEntry(): WorkerEntry {
  const entry = findWorkerEntry('worker', import.meta.url);
  if (!entry) throw new Error('jobs: no worker.js beside the bundle; run `npm run build`');
  return entry;
}

export interface RunJobOptions {
  onProgress?: (progress: JobProgress) => void;
  signal?: AbortSignal;
  entry?: WorkerEntry;
  /** How long a cancelled worker may take to stop by itself before it is terminated (default 3 s). */
  graceMs?: number;
}

function rebuildError(e: JobErrorData): Error {
  if (e.name === 'ImportError' && e.file !== undefined) return new ImportError(e.file, e.line, e.reason ?? e.message);
  if (e.name === 'ImportCancelled' && e.file !== undefined) return new ImportCancelled(e.file);
  // A full disk during an import names the project (store/disk-full.ts); keep it a project error across threads.
  if (e.name === 'ProjectError' && e.file !== undefined) return new ProjectError(e.file, e.reason ?? e.message);
  return Object.assign(new Error(e.message), { name: e.name });
}

export function runJob<R extends JobRequest>(request: R, options: RunJobOptions = {}): Promise<JobValue<R>> {
  const entry = options.entry ?? jobWorkerEntry();
  return new Promise<JobValue<R>>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new JobCancelled(request.kind));
      return;
    }
    const cancelFlag = new SharedArrayBuffer(4);
    const worker = new Worker(entry.path, {
      execArgv: workerExecArgv(entry),
      workerData: { cancelFlag },
    });
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      killTimer = setTimeout(() => finish(() => reject(new JobCancelled(request.kind))), options.graceMs ?? 3000);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'progress') options.onProgress?.(msg.progress);
      else if (msg.type === 'done') finish(() => resolve(msg.value as JobValue<R>));
      else {
        const err = rebuildError(msg.error);
        finish(() =>
          reject(options.signal?.aborted && err.name !== 'ImportError' ? new JobCancelled(request.kind) : err),
        );
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`${request.kind}: the job worker stopped unexpectedly (exit code ${code})`))),
    );
    worker.postMessage({ type: 'start', request } satisfies ToWorker);
  });
}

/** The backend's analysis runner, on a worker thread over the project's file. */
export function analyseInWorker(
  db: Db,
  parameters: AnalysisParameters,
  options: { onProgress?: AnalysisProgress; signal?: AbortSignal },
): Promise<AnalysisOutput> {
  return runJob(
    { kind: 'analysis', project: db.name, parameters },
    {
      signal: options.signal,
      onProgress: (p) => {
        if (p.kind === 'analysis') options.onProgress?.(p.stage, p.fraction);
      },
    },
  );
}

/** The backend's import runner, on a worker thread that opens the project and writes in one transaction. */
export function importInWorker(db: Db, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { signal: _signal, onProgress: _onProgress, worker: _worker, ...plain } = options;
  return runJob(
    { kind: 'import', project: db.name, file, options: plain },
    {
      signal: options.signal,
      onProgress: (p) => {
        if (p.kind === 'import') {
          const { kind: _kind, ...progress } = p;
          options.onProgress?.(progress);
        }
      },
    },
  );
}
