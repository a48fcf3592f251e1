import type { Readable } from 'node:stream';
import type { RecordBatch } from '../../../shared/model/records';
import type { ColumnIndex } from '../../../shared/io/io-archive-row';
import { readCsv, sniffDelimiter } from '../csv';
import { duplicateColumnWarnings } from '../duplicate-columns';
import type { ReadContext, RowResult } from './format';

/** Confidence that a header is an IO archive file's: the share of the published columns it has. */
export function headerScore(header: readonly string[], columns: readonly string[]): number {
  const present = columns.filter((c) => header.includes(c)).length;
  return 0.5 + 0.5 * (present / columns.length);
}

/**
 * The CSV loop shared by the IO archive files: resolves the header (a wrong one throws at once), then maps
 * each row, reporting a short or long row, or a bad cell, with its line.
 */
export async function* readArchiveRows(
  input: Readable,
  ctx: ReadContext,
  resolveHeader: (header: string[]) => ColumnIndex,
  map: (cells: readonly string[], col: ColumnIndex) => RecordBatch,
): AsyncGenerator<RowResult> {
  let col: ColumnIndex = {};
  let width = 0;
  let warnings: string[] = [];
  const onHeader = (header: string[]) => {
    col = resolveHeader(header);
    width = header.length;
    warnings = duplicateColumnWarnings(header, Object.values(col));
  };
  for await (const row of readCsv(input, ctx.file, onHeader, { delimiter: sniffDelimiter(ctx.sample.text) })) {
    if (warnings.length > 0) for (const warning of warnings.splice(0)) yield { line: 1, warning };
    if (row.cells.length !== width) {
      yield { line: row.line, error: `expected ${width} cells as in the header, found ${row.cells.length}` };
      continue;
    }
    try {
      yield { line: row.line, batch: map(row.cells, col) };
    } catch (err) {
      yield { line: row.line, error: (err as Error).message };
    }
  }
  for (const warning of warnings) yield { line: 1, warning };
}
