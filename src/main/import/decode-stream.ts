/**
 * The byte → text step of every import: turns a file in its own encoding (see text-encoding.ts) into UTF-8
 * for the parsers, and notes each line that holds bytes the encoding cannot decode, instead of letting them
 * become U+FFFD unseen. Valid UTF-8 — nearly every file — passes through untouched; other encodings are
 * decoded by iconv-lite's streaming decoders and written out again as UTF-8.
 *
 * Lines are counted as csv-parse and readline count them (\r\n, \n and a lone \r each end one), so a line
 * noted here is the line a parser reports for the same record.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from './text-encoding';

/** Lines with undecodable bytes kept for the summary (all are counted): memory stays flat on a hostile file. */
export const MAX_INVALID_LINES_KEPT = 1000;
/** A line longer than this is passed on in pieces (cut between characters) rather than held whole. */
const MAX_HELD_BYTES = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The lines with undecodable bytes, as far as the stream has got: the caller claims them row by row. */
export interface InvalidLines {
  /** Removes and returns the noted lines up to and including `line`, in order. */
  takeThrough(line: number): number[];
  /** Every line noted so far (all counted, the first MAX_INVALID_LINES_KEPT listed). */
  report(): { count: number; first: number[] };
  /** No row will claim the lines (JSON arrays, XML): from now on they are only counted, not held for takeThrough. */
  claimNone(): void;
}

/** Text units of a Buffer (bytes) or a string (UTF-16 code units), for counting line breaks in either. */
interface Units {
  at(i: number): number;
  indexOf(unit: number, from: number): number;
}
const bufferUnits = (b: Buffer): Units => ({ at: (i) => b[i], indexOf: (u, from) => b.indexOf(u, from) });
const stringUnits = (s: string): Units => ({
  at: (i) => s.charCodeAt(i),
  indexOf: (u, from) => s.indexOf(u === LF ? '\n' : '\r', from),
});

/** The line number at a position of the text, moving forward only. */
class LineCursor {
  line = 1;
  /** The text before the current one ended in \r: a \n starting this one ends no new line. */
  private cr = false;

  over(u: Units, from: number, to: number): void {
    if (to <= from) return;
    let breaks = 0;
    for (let i = u.indexOf(CR, from); i >= 0 && i < to; i = u.indexOf(CR, i + 1)) breaks++;
    for (let i = u.indexOf(LF, from); i >= 0 && i < to; i = u.indexOf(LF, i + 1)) {
      if (!(i > from ? u.at(i - 1) === CR : this.cr)) breaks++;
    }
    this.line += breaks;
    this.cr = u.at(to - 1) === CR;
  }
}

export class TextDecodeStream extends Transform implements InvalidLines {
  private readonly cursor = new LineCursor();
  private held: Buffer = Buffer.alloc(0);
  private started = false;
  private readonly utf8: boolean;
  private readonly utf16: boolean;
  private readonly decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  /** A high surrogate that ended the last decoded piece: its pair may start the next one. */
  private highSurrogate = '';
  private rawBytes = 0;
  /**
   * Noted lines no row has taken yet. Rows take them as they come, so this holds only the lines of what the
   * decoder has read ahead of the rows (a chunk or two), however big the file; a format whose rows take none
   * says so (claimNone) and nothing is held. Capping it instead let the lines of a chunk with more bad lines
   * than the cap pass unclaimed: their rows were stored with U+FFFD (found by bench/malformed.bench.ts).
   */
  private pending: number[] = [];
  private claimed = true;
  private readonly first: number[] = [];
  private count = 0;
  private lastNoted = 0;

  constructor(readonly encoding: TextEncoding) {
    super();
    this.utf8 = encoding.name === 'UTF-8';
    this.utf16 = /^UTF-16/.test(encoding.name);
    this.decoder = this.utf8 ? undefined : iconv.getDecoder(encoding.name);
  }

  takeThrough(line: number): number[] {
    if (this.pending.length === 0 || this.pending[0] > line) return [];
    let n = 0;
    while (n < this.pending.length && this.pending[n] <= line) n++;
    return this.pending.splice(0, n);
  }

  report(): { count: number; first: number[] } {
    return { count: this.count, first: [...this.first] };
  }

  claimNone(): void {
    this.claimed = false;
    this.pending = [];
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.rawBytes += chunk.length;
    if (!this.utf8) {
      this.decoded(this.decoder!.write(chunk));
      done();
      return;
    }
    const buf = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    // Up to the last line end: a character never spans one, so what comes before it is whole.
    let cut = Math.max(buf.lastIndexOf(LF), buf.lastIndexOf(CR)) + 1;
    if (cut === 0 && buf.length > MAX_HELD_BYTES) cut = utf8Boundary(buf);
    if (cut > 0) this.utf8Text(buf.subarray(0, cut));
    this.held = cut >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(cut));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.utf8) {
      if (this.held.length > 0) this.utf8Text(this.held);
      this.held = Buffer.alloc(0);
    } else {
      this.decoded(this.decoder!.end() ?? '', true);
      // iconv-lite drops a last odd byte of UTF-16 without a word: half a character is undecodable.
      if (this.utf16 && this.rawBytes % 2 === 1) this.note(this.cursor.line);
    }
    done();
  }

  /** Whole lines of UTF-8 (or a piece of one cut between characters): passed on as they are when valid. */
  private utf8Text(bytes: Buffer): void {
    if (!this.started) {
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const u = bufferUnits(bytes);
    if (isUtf8(bytes)) {
      this.cursor.over(u, 0, bytes.length);
      this.push(bytes);
      return;
    }
    // Rare: find the lines that are not UTF-8, note them, and pass them on with U+FFFD (their rows are refused).
    const out: Buffer[] = [];
    let start = 0;
    while (start < bytes.length) {
      const end = lineEnd(bytes, start);
      const line = bytes.subarray(start, end);
      if (isUtf8(line)) out.push(line);
      else {
        this.note(this.cursor.line);
        out.push(Buffer.from(new TextDecoder('utf-8', { ignoreBOM: true }).decode(line), 'utf8'));
      }
      this.cursor.over(u, start, end);
      start = end;
    }
    this.push(Buffer.concat(out));
  }

  /** Text from iconv-lite: its U+FFFD (8-bit and multibyte tables) or lone surrogates (UTF-16) mark bad bytes. */
  private decoded(text: string, last = false): void {
    text = this.highSurrogate + text;
    this.highSurrogate = '';
    const tail = text.charCodeAt(text.length - 1);
    if (!last && tail >= 0xd800 && tail <= 0xdbff) {
      this.highSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text.length === 0) return;
    const u = stringUnits(text);
    const bad = this.utf16 ? LONE_SURROGATE : /\uFFFD/g;
    bad.lastIndex = 0;
    let from = 0;
    let found = false;
    for (let m = bad.exec(text); m; m = bad.exec(text)) {
      this.cursor.over(u, from, m.index);
      from = m.index;
      found = true;
      this.note(this.cursor.line);
    }
    this.cursor.over(u, from, text.length);
    // A lone surrogate cannot be written as UTF-8: U+FFFD stands in, on a line already noted.
    if (this.utf16 && found) text = text.replace(LONE_SURROGATE, '\uFFFD');
    this.push(Buffer.from(text, 'utf8'));
  }

  private note(line: number): void {
    if (line <= this.lastNoted) return; // one note per line, however many bad bytes it holds
    this.lastNoted = line;
    this.count++;
    if (this.first.length < MAX_INVALID_LINES_KEPT) this.first.push(line);
    if (this.claimed) this.pending.push(line);
  }
}

/** The end of the line starting at `from`: just after its \n, \r\n or lone \r, or the end of the text. */
function lineEnd(b: Buffer, from: number): number {
  for (let i = from; i < b.length; i++) {
    if (b[i] === LF) return i + 1;
    if (b[i] === CR) return b[i + 1] === LF ? i + 2 : i + 1;
  }
  return b.length;
}

/** A cut in UTF-8 that splits no character: before the last character's lead byte (or after ASCII). */
function utf8Boundary(b: Buffer): number {
  let i = b.length;
  for (let k = 0; k < 3 && i > 0 && (b[i - 1] & 0xc0) === 0x80; k++) i--;
  if (i > 0 && b[i - 1] >= 0xc0) i--;
  return i;
}
