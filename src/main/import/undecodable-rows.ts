/**
 * Rows that hold bytes their file's encoding cannot decode are refused with their line, not stored with U+FFFD
 * in place of the letters (issue 16, item 3): two ids that differ only in a broken byte would otherwise merge
 * into one account, silently. decode-stream.ts notes the lines; this claims them for the rows that hold them.
 *
 * That needs a row's lines. A CSV record and a JSONL object end on the line their row reports, and rows come
 * in order, so a noted line belongs to the first row that ends on or after it (line 1 of a CSV is its header,
 * no row). Elements of a JSON array or document and XML elements report where they start and may share a line
 * (minified JSON), so no row can be blamed for sure: their noted lines are reported with the import instead,
 * and the text keeps U+FFFD there.
 */
import type { RowResult } from './formats/format';
import { jsonLayout } from './formats/json-records';
import type { InvalidLines } from './decode-stream';
import type { Sample } from './source';

/** How a format's rows map to lines: see above. */
export type RowLines = 'csv' | 'jsonl' | 'spanning';

export function rowLines(sample: Sample): RowLines {
  if (/^\s*</.test(sample.text)) return 'spanning';
  const layout = jsonLayout(sample);
  if (layout === 'jsonl') return 'jsonl';
  if (layout !== undefined) return 'spanning';
  return 'csv';
}

/** What decoding found in a whole file: lines noted (all counted, the first listed), rows refused for them. */
export interface DecodingReport {
  count: number;
  first: number[];
  skipped: number;
  claimed: number;
}

export class UndecodableRows {
  /** Rows refused for undecodable bytes. */
  skipped = 0;
  /** Noted lines that a row took (refused for them, or refused already for another reason). */
  claimed = 0;

  constructor(
    private readonly invalid: InvalidLines,
    private readonly lines: RowLines,
    private readonly sample: Sample,
  ) {
    if (lines === 'spanning') invalid.claimNone();
  }

  async *check(rows: AsyncIterable<RowResult>): AsyncGenerator<RowResult> {
    if (this.lines === 'spanning') {
      yield* rows;
      return;
    }
    for await (const row of rows) {
      if ('warning' in row) {
        yield row;
        continue;
      }
      let bad = this.invalid.takeThrough(row.line);
      if (this.lines === 'csv') bad = bad.filter((line) => line > 1);
      this.claimed += bad.length;
      if (bad.length === 0 || 'error' in row) {
        yield row;
        continue;
      }
      this.skipped++;
      yield { line: bad[0], error: this.message(bad[0], row.line) };
    }
  }

  report(): DecodingReport {
    return { ...this.invalid.report(), skipped: this.skipped, claimed: this.claimed };
  }

  private message(line: number, rowLine: number): string {
    const { name, how } = this.sample.encoding;
    const whose = how === 'valid-utf8' ? `${name}, the encoding of the file's start` : name;
    const where = rowLine > line ? ` (in the record that ends on line ${rowLine})` : '';
    return (
      `bytes that are not valid ${whose}${where}: row skipped rather than stored with U+FFFD in place of its ` +
      `letters. If the file mixes encodings, re-save it as UTF-8; if it is in another one, name it with --encoding`
    );
  }
}
