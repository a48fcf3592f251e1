import type { Readable } from 'node:stream';
import type { HeaderVerdict, TableRowParser } from '../../../shared/io/tables/table-parser';
import { listColumns } from '../../../shared/io/tables/columns';
import { readCsv, sampleHeader, sniffDelimiter } from '../csv';
import { duplicateColumnWarnings } from '../duplicate-columns';
import { ImportError } from '../errors';
import type { ReadContext, RowResult } from './format';
import type { Sample } from '../source';

/**
 * Streams a delimited table through a row parser chosen from its header. A header the parser refuses stops
 * the file at line 1 naming what was expected and what was found; a row of the wrong width or with a bad
 * value is a row error with its line.
 */
export async function* readTable(
  input: Readable,
  ctx: ReadContext,
  what: string,
  fromHeader: (header: string[]) => HeaderVerdict,
): AsyncGenerator<RowResult> {
  let parser: TableRowParser | undefined;
  let warnings: string[] = [];
  const onHeader = (header: string[]) => {
    const verdict = fromHeader(header);
    if ('expected' in verdict) {
      throw new ImportError(
        ctx.file,
        1,
        `wrong columns for ${what}: expected ${verdict.expected}; found ${listColumns(header)}`,
      );
    }
    parser = verdict.parser;
    warnings = duplicateColumnWarnings(header, verdict.parser.reads);
  };
  for await (const row of readCsv(input, ctx.file, onHeader, { delimiter: sniffDelimiter(ctx.sample.text) })) {
    if (warnings.length > 0) for (const warning of warnings.splice(0)) yield { line: 1, warning };
    const p = parser as TableRowParser;
    if (row.cells.length !== p.columns) {
      yield { line: row.line, error: `expected ${p.columns} columns as in the header, found ${row.cells.length}` };
      continue;
    }
    const result = p.parse(row.cells);
    if ('error' in result) yield { line: row.line, error: result.error };
    else if (result.zonelessTime) yield { line: row.line, batch: result.batch, zonelessTime: true };
    else yield { line: row.line, batch: result.batch };
  }
  for (const warning of warnings) yield { line: 1, warning };
}

/** The sample's header, as every table format's detect() sees it (same split as csv.ts's sampleHeader). */
export function headerOf(sample: Sample): string[] {
  // JSON, XML and other non-tables start with a bracket; their "header" must not match anything.
  if (/^\s*[[{<]/.test(sample.text)) return [];
  return sampleHeader(sample.text);
}
