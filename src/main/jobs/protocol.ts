/**
 * Messages between the main thread and a job worker (worker.ts). A job names its project by file: the worker
 * opens its own SQLite connection (WAL lets it read, or write in one transaction, beside the main thread's).
 */
import type { AnalysisOutput, AnalysisParameters } from '../../shared/analysis/result';
import type { ImportOptions, ImportProgress, ImportResult } from '../import/run-import';

/**
 * The import options that cross to the worker: every one of ImportOptions that is plain data. Derived from
 * it, so an option added to imports reaches the worker too (a hand-kept copy once dropped the time zone).
 */
export type ImportJobOptions = Omit<ImportOptions, 'signal' | 'onProgress' | 'worker'>;

export type JobRequest =
  | { kind: 'analysis'; project: string; parameters: AnalysisParameters }
  | { kind: 'import'; project: string; file: string; options: ImportJobOptions }
  /** For tests of the runner itself: counts to `steps`, one progress message per step, `delayMs` apart. */
  | { kind: 'count'; steps: number; delayMs: number; failAt?: number };

export type JobValue<R extends JobRequest> = R extends { kind: 'analysis' }
  ? AnalysisOutput
  : R extends { kind: 'import' }
    ? ImportResult
    : number;

export type JobProgress =
  | { kind: 'analysis'; stage: string; fraction: number }
  | ({ kind: 'import' } & ImportProgress)
  | { kind: 'count'; step: number };

/** An error as it crosses the thread boundary: its class name lets the runner rebuild Import errors. */
export interface JobErrorData {
  name: string;
  message: string;
  file?: string;
  line?: number;
  reason?: string;
}

export type ToWorker = { type: 'start'; request: JobRequest } | { type: 'cancel' };
export type FromWorker =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: JobErrorData };
