import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors';
import type { Format, FormatOptions, RowResult } from './formats/format';
import { decodeRows } from './row-codec';
import { openSource, type Sample } from './source';
import { rowLines, UndecodableRows, type DecodingReport } from './undecodable-rows';
import { findWorkerEntry, workerExecArgv, type WorkerEntry } from '../worker-entry';

/** An import file's rows, in order, a chunk at a time, with byte progress and the file's hash at the end. */
export interface RowReader {
  /** How the rows are read: 'worker' (parsed on a worker thread) or 'thread' (on the caller's). */
  mode: 'worker' | 'thread';
  chunks(): AsyncGenerator<Iterable<RowResult>>;
  /** Raw (compressed) bytes read so far. */
  bytesRead(): number;
  /** sha256 of the raw file; complete once chunks() has finished. */
  contentHash(): string;
  /** Lines the file's encoding could not decode and rows refused for them; complete once chunks() has finished. */
  decoding(): DecodingReport;
  /** What reading the bytes found worth saying (gzip trailing bytes, the entry read from a zip); complete then too. */
  notices(): string[];
  close(): void;
}

export interface ParseWorkerData {
  file: string;
  formatId: string;
  options: FormatOptions;
  sample: Sample;
  chunkRows: number;
  maxChunksAhead: number;
}

export type WorkerMessage =
  | { t: 'ready' }
  | { t: 'rows'; data: string; bytes: number }
  | { t: 'end'; hash: string; bytes: number; decoding: DecodingReport; notices: string[] }
  | { t: 'error'; importError: true; line: number | undefined; reason: string; message: string }
  | { t: 'error'; importError: false; message: string };

/**
 * Below this size a worker's start-up (tens of milliseconds, more under tsx) costs more than it saves.
 * Gzip files count four times their size: their text is that much bigger.
 */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;
const CHUNK_ROWS = 2000;
const MAX_CHUNKS_AHEAD = 4;
const THREAD_CHUNK_ROWS = 256;

export interface RowReaderOptions {
  file: string;
  format: Format;
  options: FormatOptions;
  sample: Sample;
  /** true: a worker thread (falling back to this thread if none starts); false: this thread; undefined: by size. */
  worker?: boolean;
  /** The worker's entry, where not the one found by workerEntry() (tests of the fallback). */
  workerEntry?: WorkerEntry;
}

/**
 * Opens an import file's rows. Parsing and mapping run on a worker thread for big files, so that on two cores
 * the writer never waits for the parser; if the worker cannot start (no built entry, no loader) the rows are
 * read on this thread, with identical results.
 */
export async function openRowReader(o: RowReaderOptions): Promise<RowReader> {
  const wanted = o.worker ?? workerPays(o.file);
  if (wanted) {
    const entry = o.workerEntry ?? workerEntry();
    if (entry) {
      const reader = await startWorker(entry, o).catch(() => undefined);
      if (reader) return reader;
    }
  }
  return readInThread(o);
}

function workerPays(file: string): boolean {
  const { size } = statSync(file);
  return size * (/\.gz$/i.test(file) ? 4 : 1) >= WORKER_MIN_BYTES;
}

/** The parse worker's entry (see worker-entry.ts); undefined where none is found: parse on this thread. */
export function workerEntry(): WorkerEntry | undefined {
  return findWorkerEntry('parse-worker', import.meta.url);
}

async function readInThread(o: RowReaderOptions): Promise<RowReader> {
  const source = await openSource(o.file, o.sample.encoding);
  const undecodable = new UndecodableRows(source.invalid, rowLines(o.sample), o.sample);
  async function* chunks(): AsyncGenerator<RowResult[]> {
    let buf: RowResult[] = [];
    const rows = o.format.read(source.stream, { file: o.file, options: o.options, sample: o.sample });
    try {
      for await (const row of undecodable.check(rows)) {
        buf.push(row);
        if (buf.length < THREAD_CHUNK_ROWS) continue;
        yield buf;
        buf = [];
      }
    } catch (err) {
      // Rows before a fatal error go first, as they would row by row (--strict reports the earlier bad row).
      if (buf.length > 0) yield buf;
      throw err;
    }
    if (buf.length > 0) yield buf;
    await streamEnded(source.stream);
  }
  return {
    mode: 'thread',
    chunks,
    bytesRead: () => source.bytesRead(),
    contentHash: () => source.contentHash(),
    decoding: () => undecodable.report(),
    notices: () => source.notices(),
    close: () => source.stream.destroy(),
  };
}

async function startWorker(entry: WorkerEntry, o: RowReaderOptions): Promise<RowReader> {
  const data: ParseWorkerData = {
    file: o.file,
    formatId: o.format.id,
    options: cloneableOptions(o.options),
    sample: o.sample,
    chunkRows: CHUNK_ROWS,
    maxChunksAhead: MAX_CHUNKS_AHEAD,
  };
  const worker = new Worker(entry.path, {
    workerData: data,
    execArgv: workerExecArgv(entry),
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | undefined;
  let failure: Error | undefined;
  let bytes = 0;
  let hash = '';
  let decoding: DecodingReport = { count: 0, first: [], skipped: 0, claimed: 0 };
  let notices: string[] = [];
  let closed = false;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    notify?.();
    notify = undefined;
  };
  worker.on('message', push);
  worker.on('error', (err) => {
    failure = err;
    notify?.();
  });
  worker.on('exit', (code) => {
    if (!closed) failure ??= new Error(`the parse worker stopped unexpectedly (exit code ${code})`);
    notify?.();
  });
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const m = queue.shift();
      if (m) return m;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (notify = resolve));
    }
  };
  const close = () => {
    closed = true;
    void worker.terminate();
  };

  async function* chunks(): AsyncGenerator<Iterable<RowResult>> {
    for (;;) {
      const m = await next();
      if (m.t === 'rows') {
        bytes = m.bytes;
        const rows = decodeRows(JSON.parse(m.data));
        worker.postMessage({ t: 'ack' });
        yield rows;
      } else if (m.t === 'end') {
        bytes = m.bytes;
        hash = m.hash;
        decoding = m.decoding;
        notices = m.notices;
        return;
      } else if (m.t === 'error') {
        if (m.importError) throw new ImportError(o.file, m.line, m.reason);
        throw new Error(m.message);
      }
    }
  }

  return next().then(
    (first) => {
      if (first.t !== 'ready') throw new Error('parse worker: expected a ready message first');
      return {
        mode: 'worker' as const,
        chunks,
        bytesRead: () => bytes,
        contentHash: () => hash,
        decoding: () => decoding,
        notices: () => notices,
        close,
      };
    },
    (err: unknown) => {
      close();
      throw err;
    },
  );
}

/** The format's options without what cannot cross to a thread (callbacks, the abort signal), which it never reads. */
function cloneableOptions(options: FormatOptions): FormatOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => typeof v !== 'function' && !(v instanceof AbortSignal)),
  ) as FormatOptions;
}

/** The hash is final only once the raw stream has been read to the end. */
export function streamEnded(stream: NodeJS.ReadableStream): Promise<void> {
  const s = stream as NodeJS.ReadableStream & { readableEnded?: boolean; destroyed?: boolean };
  if (s.readableEnded || s.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    s.on('end', resolve);
    s.on('close', resolve);
    s.resume();
  });
}
