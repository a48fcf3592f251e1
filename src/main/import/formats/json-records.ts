import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import Assembler from 'stream-json/assembler.js';
import jsoncParser, { type JsoncToken } from 'stream-json/jsonc/parser.js';
import type { Token } from 'stream-json/parser.js';
import { ImportError } from '../errors';
import type { Sample } from '../source';

/** One JSON value read from a file, with where it came from. */
/** `where` names an array element ("element 3 (line 12)"); JSONL lines need only their line number. */
export type JsonRecord =
  { line: number; where?: string; value: unknown } | { line: number; where?: string; error: string };

export type JsonLayout = 'jsonl' | 'array' | 'document';

/** A single JSON document up to this size is parsed whole; larger ones are streamed element by element. */
export const WHOLE_DOCUMENT_LIMIT = 64 * 1024 * 1024;
/** Longest JSONL line: a twarc2 page of 100 tweets with includes is a few MB; the same bound as a CSV record. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
const PIECE_BYTES = 8192;

/**
 * Tells JSONL from a JSON array or a single (pretty-printed) document by the sample. A first line that is a
 * complete JSON value, or one too long for the sample (twarc2 pages often are), means one value per line.
 */
export function jsonLayout(sample: Sample): JsonLayout | undefined {
  const text = sample.text.replace(/^\s+/, '');
  if (text[0] === '[') return 'array';
  if (text[0] !== '{') return undefined;
  const nl = text.search(/[\r\n]/); // a lone CR ends a line too, as readline reads it
  if (nl < 0) return 'jsonl';
  try {
    JSON.parse(text.slice(0, nl));
    return 'jsonl';
  } catch {
    return 'document';
  }
}

/** Streams a JSON/JSONL input as values: one per line, one per array element, or the one document. */
export async function* readJsonRecords(input: Readable, file: string, sample: Sample): AsyncGenerator<JsonRecord> {
  const layout = jsonLayout(sample);
  if (layout === undefined) {
    throw new ImportError(
      file,
      1,
      `expected JSON (an object per line, an array, or one object), found ${JSON.stringify(sample.text.slice(0, 60))}`,
    );
  }
  if (layout === 'jsonl') yield* readLines(input, file);
  else yield* readTokens(input, file, layout);
}

async function* readLines(input: Readable, file: string): AsyncGenerator<JsonRecord> {
  const guard = lineLengthGuard(file, MAX_LINE_BYTES);
  input.on('error', (err) => guard.destroy(err));
  const lines = createInterface({ input: input.pipe(guard), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      const s = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (s.trim() === '') continue;
      try {
        yield { line, value: JSON.parse(s) };
      } catch (err) {
        yield { line, error: `invalid JSON: ${(err as Error).message}` };
      }
    }
  } catch (err) {
    throw streamError(file, line, err);
  } finally {
    lines.close();
  }
}

/**
 * Streams an array's elements (or a document) through stream-json's tokenizer, so the file is never held
 * whole. The JSONC tokenizer is used for its whitespace tokens: counting their newlines gives each element's
 * line (raw newlines cannot occur inside JSON strings). Numbers are kept as their source text, so an id
 * written as a bare number is never rounded.
 */
async function* readTokens(input: Readable, file: string, layout: 'array' | 'document'): AsyncGenerator<JsonRecord> {
  const tokens = jsoncParser.asStream({
    packValues: true,
    streamValues: false,
    streamWhitespace: true,
    streamComments: false,
    packComments: false,
  });
  input.on('error', (err) => tokens.destroy(err));
  input.pipe(tokens);
  let line = 1;
  let depth = 0;
  let index = -1;
  let startLine = 1;
  let bytes = 0;
  let asm: Assembler | undefined;
  try {
    for await (const tok of tokens as AsyncIterable<JsoncToken>) {
      if (tok.name === 'whitespace') {
        for (const ch of tok.value) if (ch === '\n') line++;
        continue;
      }
      if (layout === 'document') {
        // One document: parsed whole below the limit, refused above it (one API page is at most a few MB).
        asm ??= new Assembler({ numberAsString: true });
        asm.consume(tok as Token); // comment tokens are switched off above
        bytes += 'value' in tok && typeof tok.value === 'string' ? tok.value.length : 1;
        if (bytes > WHOLE_DOCUMENT_LIMIT) {
          throw new ImportError(
            file,
            line,
            `a single JSON document over ${WHOLE_DOCUMENT_LIMIT / 1048576} MiB: write it as JSONL (one page per line) or a JSON array`,
          );
        }
        continue;
      }
      if (tok.name === 'startObject' || tok.name === 'startArray') {
        if (depth === 1) {
          index++;
          startLine = line;
          asm = new Assembler({ numberAsString: true });
        }
        depth++;
      } else if (tok.name === 'endObject' || tok.name === 'endArray') {
        depth--;
      } else if (depth === 1) {
        index++;
        yield {
          line,
          where: `element ${index} (line ${line})`,
          error: `expected an object, found a ${tok.name.replace(/Value$/, '')}`,
        };
        continue;
      }
      if (asm && depth >= 1) {
        asm.consume(tok as Token); // comment tokens are switched off above
        if (depth === 1 && asm.done) {
          yield { line: startLine, where: `element ${index} (line ${startLine})`, value: asm.current };
          asm = undefined;
        }
      }
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw streamError(file, line, err, 'invalid JSON');
  } finally {
    tokens.destroy();
  }
  if (layout === 'document' && asm?.done) yield { line: 1, value: asm.current };
}

/**
 * readline holds a line whole before handing it on: a line longer than `max` bytes is refused before that.
 * The bytes go on in pieces of PIECE_BYTES: readline splits each piece it gets into lines at once, and 256 KB
 * of short lines is 20,000 of them queued together (and as many JSON.parse errors on a file of bad lines).
 */
function lineLengthGuard(file: string, max: number): Transform {
  let run = 0;
  let line = 1;
  const refuse = () =>
    new ImportError(file, line, `a line over ${max / 1048576} MiB: write one tweet or one API page per line`);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let from = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        if (run + nl - from > max) return done(refuse());
        run = 0;
        line++;
        from = nl + 1;
      }
      run += chunk.length - from;
      if (run > max) return done(refuse());
      for (let at = 0; at < chunk.length; at += PIECE_BYTES) this.push(chunk.subarray(at, at + PIECE_BYTES));
      done();
    },
  });
}

function streamError(file: string, line: number, err: unknown, what = 'cannot read'): ImportError {
  if (err instanceof ImportError) return err; // e.g. the gzip-bomb guard: already names the file
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
    return new ImportError(file, undefined, `corrupt or truncated gzip data (${(err as Error).message})`);
  }
  return new ImportError(file, line, `${what}: ${(err as Error).message}`);
}

/** The first JSON value of a sample (a JSONL line, an array's first element, the document), if it parses. */
export function firstJsonValue(text: string): unknown {
  const t = text.replace(/^\s+/, '');
  const candidates: string[] = [];
  const nl = t.search(/[\r\n]/);
  if (t.startsWith('{') && nl > 0) candidates.push(t.slice(0, nl));
  candidates.push(t);
  for (const c of candidates) {
    try {
      const v: unknown = JSON.parse(c);
      return Array.isArray(v) ? v[0] : v;
    } catch {
      // a sample cut mid-document: tried whole below, or left to the regular expressions
    }
  }
  return undefined;
}
