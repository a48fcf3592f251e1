import type { RowParse } from './row-result';

/** A header's verdict: a parser for its rows, or what was expected instead (the file is refused at once). */
export type HeaderVerdict = { parser: TableRowParser } | { expected: string };

export interface TableRowParser {
  /** Cells every row must have (the header's width). */
  columns: number;
  /** The columns it reads, by index: where a name is in the header twice, which copy that is. */
  reads: readonly number[];
  parse(cells: readonly string[]): RowParse;
}
