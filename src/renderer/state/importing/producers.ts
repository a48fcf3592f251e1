import type { Detection, ImportOutcome } from '../../../shared/api/contract';

export interface ImportState {
  open: boolean;
  file: string;
  detection: Detection | null;
  /** Format chosen by hand; null = the detected one. */
  format: string | null;
  jobId: string | null;
  progress: { rows: number; bytes: number; totalBytes: number } | null;
  result: ImportOutcome | null;
  error: string | null;
}

export const initialImport: ImportState = {
  open: false,
  file: '',
  detection: null,
  format: null,
  jobId: null,
  progress: null,
  result: null,
  error: null,
};

export const openImport =
  (open: boolean) =>
  (s: ImportState): ImportState => ({ ...s, open });

export const setImportFile =
  (file: string) =>
  (s: ImportState): ImportState =>
    file === s.file ? s : { ...s, file, detection: null, format: null, result: null, error: null };

export const detected =
  (detection: Detection) =>
  (s: ImportState): ImportState => ({ ...s, detection, error: null });

export const chooseFormat =
  (format: string | null) =>
  (s: ImportState): ImportState => ({ ...s, format });

export const importStarted =
  (jobId: string) =>
  (s: ImportState): ImportState => ({
    ...s,
    jobId,
    progress: { rows: 0, bytes: 0, totalBytes: 0 },
    result: null,
    error: null,
  });

/** Progress for another job (a stale event after cancel) is ignored. */
export const importProgressed =
  (jobId: string, progress: { rows: number; bytes: number; totalBytes: number }) =>
  (s: ImportState): ImportState =>
    s.jobId === jobId ? { ...s, progress } : s;

export const importFinished =
  (result: ImportOutcome) =>
  (s: ImportState): ImportState => ({
    ...s,
    jobId: null,
    result,
    error: null,
  });

export const importFailed =
  (message: string) =>
  (s: ImportState): ImportState => ({
    ...s,
    jobId: null,
    progress: null,
    error: message,
  });
