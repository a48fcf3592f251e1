import { CsvError } from 'csv-parse';
import { Transform, type Readable } from 'node:stream';
import { csvErrorInWords } from './csv-errors';
import { createCsvParser } from './csv-parser';
import { ImportError } from './errors';

export interface CsvRow {
  /** 1-based line number in the file where the record ends (the header is line 1). */
  line: number;
  cells: string[];
}

/**
 * Largest CSV record accepted. No social-media row comes near it (a post's text is at most tens of KB); a
 * bigger one costs several times its size in memory while parsed, so it is refused with its line.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * csv-parse parses each chunk it is given whole and queues every record of it at once: 256 KB of four-byte rows
 * is 64,000 records with their info objects alive together, long enough to be promoted, and the old generation
 * then grows by that much per chunk until a full collection (a million short rows peaked at 300 MB). Handed
 * 4 KB at a time it queues a thousand at most; the parse is no slower (measured on a 130 MB IO archive).
 */
const PIECE_BYTES = 4096;

export interface CsvOptions {
  delimiter?: string;
  /** Largest single record in characters; beyond it the file is refused rather than buffered. */
  maxRecordSize?: number;
}

/**
 * The first line of a sample. A lone CR ends a line too: old Mac exports and some R and Excel-for-Mac CSVs end
 * every line so (csv-parse reads them so as well), and a header split on LF alone would be the whole sample.
 */
export function firstLineOf(sampleText: string): string {
  return sampleText.split(/\r\n|\r|\n/, 1)[0] ?? '';
}

/** Picks the delimiter that splits the header line into the most columns. */
export function sniffDelimiter(sampleText: string): string {
  const firstLine = firstLineOf(sampleText);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = firstLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits a header line for detection (quotes removed, trimmed, lower-cased). */
export function sampleHeader(sampleText: string): string[] {
  const firstLine = firstLineOf(sampleText);
  const d = sniffDelimiter(sampleText);
  return firstLine.split(d).map((h) =>
    h
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

/**
 * Streams CSV records with their line numbers. The first record is the header and is returned through
 * `onHeader` (which may throw to refuse the file). Rows whose cell count differs from the header's are
 * still yielded: the caller decides, and reports them with their line.
 */
export async function* readCsv(
  input: Readable,
  file: string,
  onHeader: (header: string[]) => void,
  options: CsvOptions = {},
): AsyncGenerator<CsvRow> {
  const delimiter = options.delimiter ?? ',';
  const pieces = inPieces(PIECE_BYTES);
  const parser = input.pipe(pieces).pipe(
    createCsvParser({
      bom: true,
      delimiter,
      skip_empty_lines: true,
      info: true,
      max_record_size: options.maxRecordSize ?? MAX_RECORD_BYTES,
    }),
  );
  input.on('error', (err) => parser.destroy(err));
  let header = true;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header) {
        header = false;
        onHeader(item.record.map((h) => h.trim()));
        continue;
      }
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
      const e = err as CsvError & { lines?: number };
      const limit = (options.maxRecordSize ?? MAX_RECORD_BYTES) / 1048576;
      throw new ImportError(
        file,
        e.lines,
        `a record over ${limit} MiB: refused (no export row is that large; a runaway quote or a binary file?)`,
      );
    }
    if (err instanceof CsvError) {
      const e = err as CsvError & { lines?: number };
      throw new ImportError(file, e.lines, csvErrorInWords(e, delimiter));
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new ImportError(file, undefined, `corrupt or truncated gzip data (${(err as Error).message})`);
    }
    throw err;
  } finally {
    parser.destroy();
    pieces.destroy();
  }
  if (header) throw new ImportError(file, 1, 'the file is empty: expected a header line');
}

/**
 * Resolves named columns in a header. `required` columns must all be present; the error lists what was
 * expected and what was found, so a wrong file stops at once with a message the analyst can act on.
 */
export function columnIndex(
  file: string,
  header: string[],
  required: readonly string[],
  optional: readonly string[] = [],
  what = 'this format',
): Record<string, number> {
  const lower = header.map((h) => h.toLowerCase());
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const name of required) {
    const i = lower.indexOf(name.toLowerCase());
    if (i < 0) missing.push(name);
    else index[name] = i;
  }
  if (missing.length > 0) {
    throw new ImportError(
      file,
      1,
      `wrong columns for ${what}: expected ${required.join(', ')}; missing ${missing.join(', ')}; found ${header.slice(0, 40).join(', ') || '(nothing)'}`,
    );
  }
  for (const name of optional) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0) index[name] = i;
  }
  return index;
}

/** Hands a stream on in pieces of at most `size` bytes (views, not copies). */
function inPieces(size: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      for (let i = 0; i < chunk.length; i += size) this.push(chunk.subarray(i, i + size));
      done();
    },
  });
}
