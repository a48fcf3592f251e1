import type { Detection, ImportOutcome } from '../../../shared/api/contract';
import { guessMapping, isMappable } from '../../../shared/io/tables/column-mapping';

export interface ImportState {
  open: boolean;
  file: string;
  detection: Detection | null;
  /** Format chosen by hand; null = the detected one. */
  format: string | null;
  /** Canonical field → the file's column, for tables read with a mapping (column-mapping.ts). */
  mapping: Record<string, string>;
  /**
   * IANA zone of times the file writes without one (a scraper's local time); '' = read them as UTC. Kept
   * across files: the comments and posts of one collection usually share it.
   */
  timeZone: string;
  /** A file being sent to browser mode's server before detection. */
  uploading: string | null;
  jobId: string | null;
  /** `waiting`: the import waits for another one writing to the same project (said instead of the byte count). */
  progress: { rows: number; bytes: number; totalBytes: number; waiting?: string } | null;
  result: ImportOutcome | null;
  error: string | null;
}

export const initialImport: ImportState = {
  open: false,
  file: '',
  detection: null,
  format: null,
  mapping: {},
  timeZone: '',
  uploading: null,
  jobId: null,
  progress: null,
  result: null,
  error: null,
};

export const setTimeZone =
  (timeZone: string) =>
  (s: ImportState): ImportState => ({ ...s, timeZone });

export const openImport =
  (open: boolean) =>
  (s: ImportState): ImportState => ({ ...s, open });

export const setImportFile =
  (file: string) =>
  (s: ImportState): ImportState =>
    file === s.file ? s : { ...s, file, detection: null, format: null, mapping: {}, result: null, error: null };

/** The mapping form starts from what the header's own names suggest. */
const guessFor = (detection: Detection | null, format: string | null): Record<string, string> =>
  detection && isMappable(format) && detection.preview.kind === 'table'
    ? guessMapping(format, detection.preview.columns)
    : {};

export const uploadStarted =
  (name: string | null) =>
  (s: ImportState): ImportState => ({ ...s, uploading: name, error: name ? null : s.error });

export const setMapping =
  (field: string, column: string | null) =>
  (s: ImportState): ImportState => {
    const mapping = { ...s.mapping };
    if (column) mapping[field] = column;
    else delete mapping[field];
    return { ...s, mapping };
  };

export const detected =
  (detection: Detection) =>
  (s: ImportState): ImportState => ({
    ...s,
    detection,
    mapping: guessFor(detection, s.format ?? detection.format),
    error: null,
  });

export const chooseFormat =
  (format: string | null) =>
  (s: ImportState): ImportState => ({
    ...s,
    format,
    mapping: guessFor(s.detection, format ?? s.detection?.format ?? null),
  });

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
  (jobId: string, progress: { rows: number; bytes: number; totalBytes: number; waiting?: string }) =>
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
