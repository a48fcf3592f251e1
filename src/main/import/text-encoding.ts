/**
 * Which character encoding an input file is written in, decided once from its first bytes (the sample that
 * format detection reads, gunzipped for a .gz), so that text is decoded right instead of every accented
 * letter of a Latin-1 export turning into U+FFFD (issue 16, item 3).
 *
 * In order: a byte-order mark says it outright; text that is valid UTF-8 is UTF-8 (legacy 8-bit text almost
 * never is: é in Latin-1 is one byte that UTF-8 cannot start a character with); UTF-16 without a mark shows
 * by its zero bytes (the check VS Code makes, src/vs/workbench/services/textfile/common/encoding.ts); text
 * that is mostly valid UTF-8 stays UTF-8 with its broken lines reported; otherwise chardet (a port of ICU's
 * detector) names the legacy encoding, and Windows-1252 — what Excel and older scrapers write on Western
 * systems, a superset of Latin-1's letters — is taken unless chardet is clearly surer of another one.
 * Decoding itself is TextDecoder's or iconv-lite's (see decode-stream.ts), never a table of our own.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors';

/** How the encoding was decided, for the import summary. */
export type EncodingSource =
  'bom' | 'declared' | 'valid-utf8' | 'utf16-pattern' | 'mostly-utf8' | 'detected' | 'fallback' | 'given';

export interface TextEncoding {
  /** The decoder's name: UTF-8, UTF-16LE, UTF-16BE, windows-1252, or another encoding iconv-lite decodes. */
  name: string;
  /** Whether the file starts with a byte-order mark (removed before the text is read). */
  bom: boolean;
  how: EncodingSource;
  /** One sentence for the summary: the encoding and why it was taken. */
  note: string;
}

/** What the summary says when the file is plain UTF-8: nothing was guessed. */
export const PLAIN_UTF8: TextEncoding = { name: 'UTF-8', bom: false, how: 'valid-utf8', note: 'UTF-8' };

/** The fallback for 8-bit text: Windows-1252 decodes every Latin-1 letter the same, and adds €, ‘ ’ “ ” and – —. */
const FALLBACK = 'windows-1252';
/** chardet's names for the Latin-1 family, all read as Windows-1252 (as browsers do, per the WHATWG Encoding standard). */
const LATIN1_NAMES = new Set(['ISO-8859-1', 'windows-1252']);
/** Another 8-bit encoding is taken over Windows-1252 only when chardet is at least this many times surer of it. */
const OTHER_ENCODING_MARGIN = 2;
/** …and at least this sure (0–100): short samples give every 8-bit encoding a low, noisy score. */
const OTHER_ENCODING_FLOOR = 20;
/** Multibyte encodings (Shift_JIS, GB18030, EUC-KR, Big5) are taken when chardet is this sure of them. */
const MULTIBYTE_FLOOR = 70;
const MULTIBYTE = new Set(['Shift_JIS', 'GB18030', 'EUC-JP', 'EUC-KR', 'Big5']);

/**
 * The encoding of a file whose first bytes are `head`. `complete`: `head` is the whole file (so a character
 * cut at its end is an error, not the sample's edge).
 */
export function detectEncoding(head: Uint8Array, complete: boolean): TextEncoding {
  const bom = bomEncoding(head);
  if (bom) return { name: bom, bom: true, how: 'bom', note: `${bom} (byte-order mark)` };
  // Before UTF-8: ASCII written as UTF-16 is valid UTF-8 too (NUL is a character), one NUL after every letter.
  const utf16 = utf16Pattern(head);
  if (utf16 && validIn(utf16, head, complete)) {
    return {
      name: utf16,
      bom: false,
      how: 'utf16-pattern',
      note: `${utf16} without a byte-order mark (every other byte of the text is zero)`,
    };
  }
  // An XML file names its encoding in its declaration (XML 1.0 §4.3.3), and its first 64 KiB may all be ASCII.
  const declared = xmlDeclaration(head);
  if (declared && declared !== 'UTF-8') {
    return { name: declared, bom: false, how: 'declared', note: `${declared} (as its XML declaration says)` };
  }
  if (validIn('UTF-8', head, complete)) return PLAIN_UTF8;

  const { valid, invalid } = utf8Sequences(head);
  if (valid > 2 * invalid) {
    return {
      name: 'UTF-8',
      bom: false,
      how: 'mostly-utf8',
      note: `UTF-8, with bytes that are not UTF-8 in places (${valid} valid multibyte characters and ${invalid} broken ones in the first ${kib(head.length)})`,
    };
  }

  const matches = chardet.analyse(head).filter((m) => iconv.encodingExists(m.name));
  const latin = Math.max(0, ...matches.filter((m) => LATIN1_NAMES.has(m.name)).map((m) => m.confidence));
  const top = matches.find((m) => !LATIN1_NAMES.has(m.name) && !/^(UTF-|ASCII$)/.test(m.name));
  const sure =
    top && (MULTIBYTE.has(top.name) ? top.confidence >= MULTIBYTE_FLOOR : top.confidence >= OTHER_ENCODING_FLOOR);
  if (top && sure && top.confidence >= OTHER_ENCODING_MARGIN * latin) {
    return {
      name: top.name,
      bom: false,
      how: 'detected',
      note: `${top.name} (not UTF-8; detected by chardet, ${top.confidence} % sure${latin > 0 ? `, against ${latin} % for Windows-1252` : ''})`,
    };
  }
  const runnerUp = top && top.confidence > latin ? `; chardet's best guess was ${top.name} (${top.confidence} %)` : '';
  return {
    name: FALLBACK,
    bom: false,
    how: latin > 0 ? 'detected' : 'fallback',
    note: `windows-1252 (Latin-1): the file is not UTF-8, and Windows-1252 is what Western Excel and older tools write${runnerUp}. If letters look wrong, name the encoding (--encoding)`,
  };
}

/** An encoding the user named (`--encoding`); refused when no decoder knows it. */
export function givenEncoding(file: string, label: string): TextEncoding {
  const name = canonicalName(label);
  if (!name) {
    throw new ImportError(
      file,
      undefined,
      `unknown encoding "${label}": expected a name such as UTF-8, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-2, windows-1251 or Shift_JIS`,
    );
  }
  return { name, bom: false, how: 'given', note: `${name} (as given)` };
}

/** The decoder's spelling of a label: UTF-8 / UTF-16LE / UTF-16BE for the Unicode ones, else iconv-lite's. */
function canonicalName(label: string): string | undefined {
  const key = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'utf8') return 'UTF-8';
  if (key === 'utf16le' || key === 'utf16') return 'UTF-16LE';
  if (key === 'utf16be') return 'UTF-16BE';
  return iconv.encodingExists(label) ? label : undefined;
}

/** The encoding an XML declaration at the very start names, when a decoder knows it. */
function xmlDeclaration(b: Uint8Array): string | undefined {
  const start = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 200)).toString('latin1');
  const m = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(start);
  return m ? canonicalName(m[1]) : undefined;
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'UTF-8';
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'UTF-32LE' : 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  return undefined;
}

/** Whether `bytes` decode without error; a character cut at the end counts only when the file ends there. */
export function validIn(name: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE', bytes: Uint8Array, complete: boolean): boolean {
  let input = bytes;
  let label = name.toLowerCase();
  if (name === 'UTF-16BE') {
    if (complete && bytes.length % 2 === 1) return false;
    // Byte-swapped to little-endian: Node's TextDecoder has utf-16be only in builds with full ICU.
    input = Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16();
    label = 'utf-16le';
  }
  try {
    new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(input, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 written without a mark: exports start with an ASCII header or `{`/`[`, and their delimiters and digits
 * are ASCII, so one byte of many pairs is zero (the second in little-endian, the first in big-endian), and the
 * other way round only for the odd character such as U+4E00. Real UTF-8 text has no such run of NULs.
 */
function utf16Pattern(b: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const pairs = Math.min(b.length >> 1, 512);
  if (pairs < 2) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const even = b[2 * i];
    const odd = b[2 * i + 1];
    if (even !== 0 && odd === 0) le++;
    else if (even === 0 && odd !== 0) be++;
  }
  if (le >= pairs / 4 && be * 8 <= le) return 'UTF-16LE';
  if (be >= pairs / 4 && le * 8 <= be) return 'UTF-16BE';
  return undefined;
}

/**
 * Counts multibyte characters that decode as UTF-8 and places where decoding fails, by TextDecoder's own
 * reckoning (each failure is one U+FFFD; a U+FFFD the file itself encodes is three bytes EF BF BD, not counted).
 */
function utf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b, { stream: true });
  let valid = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') replaced++;
    else if (ch.codePointAt(0)! > 0x7f) valid++;
  }
  const genuine = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1').split('\xEF\xBF\xBD').length - 1;
  return { valid, invalid: Math.max(0, replaced - genuine) };
}

const kib = (n: number) => (n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`);
