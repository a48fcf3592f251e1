import type { RecordBatch } from '../../model/records';

/**
 * What a row parser makes of one row: its records, or the reason it cannot be used (the caller adds the line).
 * `zonelessTime` marks a row whose time had no zone (read in the zone the user gave, or as UTC): the import
 * counts them and says which it assumed.
 */
export type RowParse = { batch: RecordBatch; zonelessTime?: boolean } | { error: string };

export const rowError = (error: string): RowParse => ({ error });
