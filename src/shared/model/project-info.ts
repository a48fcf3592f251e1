/** What `claque info` and the app's project panel show: counts per table and every import with its errors. */
export interface ProjectInfo {
  counts: Record<string, number>;
  imports: {
    id: number;
    file: string;
    format: string;
    contentHash: string;
    sizeBytes: number;
    startedAt: number;
    finishedAt: number;
    rowsRead: number;
    rowsImported: number;
    rowsSkipped: number;
    errorCount: number;
    added: { accounts: number; posts: number; interactions: number; follows: number };
    errors: { line: number; message: string }[];
    /** Rows whose time had no zone, and the zone they were read in ('UTC' when none was given). */
    zonelessTimes?: { rows: number; readAs: string };
    /** The text encoding the file was read in, where recorded. */
    encoding?: string;
  }[];
}
