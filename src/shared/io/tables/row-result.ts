import type { RecordBatch } from '../../model/records';

/** What a row parser makes of one row: its records, or the reason it cannot be used (the caller adds the line). */
export type RowParse = { batch: RecordBatch } | { error: string };

export const rowError = (error: string): RowParse => ({ error });
