import { parse, type Options, type Parser } from 'csv-parse';

/**
 * csv-parse as every CSV import uses it, without its per-record cost on rows of the wrong width.
 *
 * Under `relax_column_count` csv-parse still builds a CsvError for every record whose width differs from the
 * first record's — a captured stack trace and JSON copies of its state — and then drops it. On a file of a
 * million short rows that is about 20 µs and a few hundred bytes of garbage a row, most of it promoted before
 * it dies: 25 s and 600 MB for a 4 MB file (issue 16, item 6). Claque checks each row's width itself (the
 * row is then reported with its line), so the parser is told, just before it compares, that each record has
 * the width it expects.
 *
 * That relies on two internals of csv-parse 7 (`api.__onRecord`, `api.state.expectedRecordLength`). Where they
 * are missing (another major version) the parser is left as it is: the same rows, only slower; csv-parser.test.ts
 * fails then, so the upgrade is noticed.
 */
export function createCsvParser(options: Options): Parser {
  const parser = parse({ ...options, relax_column_count: true });
  skipWidthCheck(parser);
  return parser;
}

interface ParserApi {
  state?: { expectedRecordLength?: number; record?: unknown[] };
  __onRecord?: (this: ParserApi, push: unknown) => unknown;
}

/** True when the workaround is in place on `parser` (csv-parser.test.ts checks it stays so). */
export function widthCheckSkipped(parser: Parser): boolean {
  return (parser as unknown as { api?: { __claqueWidth?: boolean } }).api?.__claqueWidth === true;
}

function skipWidthCheck(parser: Parser): void {
  const api = (parser as unknown as { api?: ParserApi & { __claqueWidth?: boolean } }).api;
  const onRecord = api?.__onRecord;
  if (!api?.state || typeof onRecord !== 'function' || !('expectedRecordLength' in api.state)) return;
  api.__onRecord = function (this: ParserApi, push: unknown) {
    if (this.state?.record) this.state.expectedRecordLength = this.state.record.length;
    return onRecord.call(this, push);
  };
  api.__claqueWidth = true;
}
