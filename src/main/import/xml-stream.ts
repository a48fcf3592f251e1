import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportError } from './errors';

/*
 * Why saxes and not graphology-gexf / graphology-graphml: both parse through a DOM (xmldom), so the whole
 * file and its tree sit in memory at once, and a graph export of a few million edges would cost gigabytes.
 * saxes is a streaming, well-formedness-checking SAX parser that never expands entities other than the five
 * predefined ones and character references: a DOCTYPE is handed over as one opaque string, its <!ENTITY>
 * declarations are not processed, external DTDs and entities are never fetched, and any use of an undeclared
 * entity is a well-formedness error. That alone defeats XXE and entity-expansion bombs; on top, a DOCTYPE that
 * declares entities or points outside the file is refused outright so the analyst learns why, and the prolog
 * (everything before the root element) is capped so that even a DOCTYPE megabytes long cannot grow memory.
 */

/** An element start with its namespace-local name and unprefixed attributes. */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
  /** 1-based line where the start tag begins. */
  line: number;
  /** True when the element is in the root element's namespace (GEXF's viz: elements are not). */
  inRootNamespace: boolean;
}

/** Receives the document as events and reports records through `emit`; may throw ImportError. */
export interface XmlHandler<T> {
  open(tag: XmlTag, emit: (item: T) => void): void;
  close(name: string, line: number, inRootNamespace: boolean, emit: (item: T) => void): void;
  /** Character data (text and CDATA) of the element currently open. */
  text?(text: string): void;
  /** Called once the document has ended well-formed; what it returns is handed on after what it emits. */
  end?(emit: (item: T) => void): Iterable<T> | void;
}

/** Bytes of prolog (XML declaration, comments, DOCTYPE) accepted before the root element must start. */
export const MAX_PROLOG_CHARS = 1024 * 1024;
/** Characters handed to the parser at once. */
const PIECE_CHARS = 8192;

/**
 * Streams an XML document through `handler`, yielding what it emits as the input arrives: memory stays bounded
 * by the largest single text node, never the file. Malformed XML, a truncated file, or a DOCTYPE declaring
 * entities throws ImportError naming the file and line.
 */
export async function* streamXml<T>(input: Readable, file: string, handler: XmlHandler<T>): AsyncGenerator<T> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: T[] = [];
  const emit = (item: T) => void queue.push(item);
  let rootUri: string | undefined;
  let startLine = 1;
  let prologChars = 0;

  const fail = (line: number, reason: string): never => {
    throw new ImportError(file, line, reason);
  };
  parser.on('error', (err) => fail(parser.line, `malformed XML: ${err.message.replace(/^\d+:\d+: /, '')}`));
  parser.on('doctype', (doctype) => {
    const line = parser.line - (doctype.match(/\n/g)?.length ?? 0);
    if (/<!ENTITY/i.test(doctype)) {
      fail(line, 'refused: the DOCTYPE declares entities (entity expansion and external entities are never processed)');
    }
    if (/\b(SYSTEM|PUBLIC)\b/.test(doctype)) {
      fail(line, 'refused: the DOCTYPE refers to an external DTD (nothing outside the file is ever read)');
    }
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagNS;
    if (rootUri === undefined) rootUri = t.uri;
    const attributes: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) if (a.prefix === '') attributes[a.local] = a.value;
    handler.open({ name: t.local, attributes, line: startLine, inRootNamespace: t.uri === rootUri }, emit);
  });
  parser.on('closetag', (tag) => {
    const t = tag as SaxesTagNS;
    handler.close(t.local, parser.line, t.uri === rootUri, emit);
  });
  if (handler.text) {
    const onText = handler.text.bind(handler);
    parser.on('text', onText);
    parser.on('cdata', onText);
  }

  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let s = decoder.write(chunk);
      if (first && s.length > 0) {
        first = false;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      // A piece at a time, handing on what each emits: a whole 256 KB chunk of one-line edges is 8,000 rows
      // alive at once, long enough to be promoted, and the heap then grows by that much per chunk (issue 16,
      // item 6). Saxes takes its input cut anywhere.
      for (let at = 0; at < s.length; at += PIECE_CHARS) {
        const piece = s.length <= PIECE_CHARS ? s : s.slice(at, at + PIECE_CHARS);
        if (rootUri === undefined) prologChars += piece.length;
        parser.write(piece);
        if (rootUri === undefined && prologChars > MAX_PROLOG_CHARS) {
          fail(parser.line, `refused: no root element within the first ${MAX_PROLOG_CHARS} characters`);
        }
        if (queue.length > 0) yield* queue.splice(0);
      }
    }
    parser.write(decoder.end());
    parser.close();
    if (rootUri === undefined) fail(1, 'the file is empty: expected an XML document');
    const rest = handler.end?.(emit);
    if (queue.length > 0) yield* queue.splice(0);
    if (rest) yield* rest;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new ImportError(file, undefined, `corrupt or truncated gzip data (${(err as Error).message})`);
    }
    throw err;
  }
}
