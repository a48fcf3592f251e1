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
  }[];
}
