import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { TextDecodeStream, type InvalidLines } from './decode-stream';
import { ImportError } from './errors';
import { detectEncoding, givenEncoding, type TextEncoding } from './text-encoding';

export const SAMPLE_BYTES = 64 * 1024;

/**
 * Gzip-bomb guard. Real exports compress 3–30×; deflate's ceiling is about 1030× (long runs of one byte).
 * Once more than GUNZIP_FLOOR_BYTES have come out, output beyond GUNZIP_MAX_RATIO × the compressed bytes read
 * so far stops the import, so a small file cannot make the importer chew through gigabytes of filler.
 */
export const GUNZIP_MAX_RATIO = 200;
export const GUNZIP_FLOOR_BYTES = 16 * 1024 * 1024;

export interface Source {
  /** The file's text as UTF-8 bytes, streamed: gunzipped, then decoded from its encoding (sample.encoding). */
  stream: Readable;
  /** Lines whose bytes the encoding could not decode, noted as the stream reaches them. */
  invalid: InvalidLines;
  size: number;
  gzip: boolean;
  /** Raw (compressed) bytes read so far: progress against `size`. */
  bytesRead(): number;
  /** sha256 of the raw file, complete once the stream has ended. */
  contentHash(): string;
}

export interface Sample {
  fileName: string;
  /** The first decoded bytes (up to SAMPLE_BYTES), BOM removed; may end mid-line. */
  text: string;
  /** The file's encoding, detected from those bytes (or as given): the whole file is decoded with it. */
  encoding: TextEncoding;
}

export interface SampleOptions {
  /** The encoding to read the file in (`--encoding`), instead of the one detected. */
  encoding?: string;
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

function statOrThrow(file: string) {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ImportError(file, undefined, 'is not a regular file');
    return st;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(
      file,
      undefined,
      `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/** Reads the start of a file (gunzipped when it is gzip) for format and encoding detection. */
export async function readSample(file: string, options: SampleOptions = {}): Promise<Sample> {
  statOrThrow(file);
  const gz = await isGzip(file);
  const chunks: Buffer[] = [];
  let total = 0;
  await new Promise<void>((resolve) => {
    const raw = createReadStream(file, { highWaterMark: SAMPLE_BYTES });
    const s: Readable = gz ? raw.pipe(createGunzip()) : raw;
    const done = () => {
      raw.destroy();
      resolve();
    };
    s.on('data', (c: Buffer) => {
      chunks.push(c);
      total += c.length;
      if (total >= SAMPLE_BYTES) done();
    });
    s.on('end', done);
    s.on('error', done); // a truncated gzip still yields what it decoded; the real import reports the error
  });
  const head = Buffer.concat(chunks).subarray(0, SAMPLE_BYTES);
  const encoding = options.encoding
    ? givenEncoding(file, options.encoding)
    : detectEncoding(head, total < SAMPLE_BYTES);
  let text =
    encoding.name === 'UTF-8'
      ? new TextDecoder('utf-8').decode(head, { stream: true }) // a character cut at the sample's edge is dropped
      : iconv.decode(head, encoding.name);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { fileName: basename(file.replace(/\.gz$/i, '')), text, encoding };
}

/**
 * Opens a file for streaming import: transparent gunzip, decoding from `encoding` to UTF-8, byte progress and
 * a content hash of the raw bytes on the way.
 */
export async function openSource(file: string, encoding: TextEncoding): Promise<Source> {
  const st = statOrThrow(file);
  const gz = await isGzip(file);
  const hash = createHash('sha256');
  let read = 0;
  let digest: string | undefined;
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const counted = new PassThrough({ highWaterMark: 256 * 1024 });
  raw.on('data', (c: string | Buffer) => {
    read += c.length;
    hash.update(c);
  });
  raw.on('end', () => {
    digest = hash.digest('hex');
  });
  raw.on('error', (err) => counted.destroy(err));
  raw.pipe(counted);
  let bytes: Readable = counted;
  if (gz) {
    const gunzip = createGunzip();
    counted.on('error', (err) => gunzip.destroy(err));
    // Measured against what the inflater has consumed, not what was read ahead from disk.
    const guard = ratioGuard(file, () => gunzip.bytesWritten);
    gunzip.on('error', (err) => guard.destroy(err));
    bytes = counted.pipe(gunzip).pipe(guard);
  }
  const text = new TextDecodeStream(encoding);
  bytes.on('error', (err) => text.destroy(err));
  const stream = bytes.pipe(text);
  // Closing the text (a finished or abandoned import) closes the file; after its end this does nothing.
  text.on('close', () => raw.destroy());
  return {
    stream,
    invalid: text,
    size: st.size,
    gzip: gz,
    bytesRead: () => read,
    contentHash: () => digest ?? '',
  };
}

function ratioGuard(file: string, compressedIn: () => number): Transform {
  let out = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      out += chunk.length;
      if (out > GUNZIP_FLOOR_BYTES && out > GUNZIP_MAX_RATIO * compressedIn()) {
        done(
          new ImportError(
            file,
            undefined,
            `gzip data expands more than ${GUNZIP_MAX_RATIO}× (${Math.round(out / 1048576)} MiB from ${Math.ceil(compressedIn() / 1024)} KiB): refused as a possible decompression bomb; gunzip it yourself if it is genuine`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
}
