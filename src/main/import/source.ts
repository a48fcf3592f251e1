import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { TextDecodeStream, type InvalidLines } from './decode-stream';
import { ImportError } from './errors';
import { GunzipMembers } from './gunzip-members';
import { detectEncoding, givenEncoding, type TextEncoding } from './text-encoding';
import { isZipMagic, openZipEntry } from './zip-entry';

export const SAMPLE_BYTES = 64 * 1024;

/**
 * Gzip-bomb guard. Real exports compress 3–30×; deflate's ceiling is about 1030× (long runs of one byte).
 * Once more than GUNZIP_FLOOR_BYTES have come out, output beyond GUNZIP_MAX_RATIO × the compressed bytes read
 * so far stops the import, so a small file cannot make the importer chew through gigabytes of filler.
 */
export const GUNZIP_MAX_RATIO = 200;
export const GUNZIP_FLOOR_BYTES = 16 * 1024 * 1024;

export interface Source {
  /** The file's text as UTF-8 bytes, streamed: gunzipped or unzipped, then decoded from its encoding (sample.encoding). */
  stream: Readable;
  /** Lines whose bytes the encoding could not decode, noted as the stream reaches them. */
  invalid: InvalidLines;
  size: number;
  gzip: boolean;
  /** Raw (compressed) bytes read so far: progress against `size`. */
  bytesRead(): number;
  /** sha256 of the raw file, complete once the stream has ended. */
  contentHash(): string;
  /** What reading the bytes found worth saying: gzip trailing bytes, the entry read from a zip. */
  notices(): string[];
}

export interface Sample {
  fileName: string;
  /** The first decoded bytes (up to SAMPLE_BYTES), BOM removed; may end mid-line. */
  text: string;
  /** The file's encoding, detected from those bytes (or as given): the whole file is decoded with it. */
  encoding: TextEncoding;
  /** For a zip archive, the path inside it of the file read (zip-entry.ts). */
  archiveEntry?: string;
}

export interface SampleOptions {
  /** The encoding to read the file in (`--encoding`), instead of the one detected. */
  encoding?: string;
}

type Container = 'gzip' | 'zip' | 'plain';

/** What wraps the file's text, by its first bytes (not its name: a .csv may well be gzipped). */
async function containerOf(file: string): Promise<Container> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    if (bytesRead >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) return 'gzip';
    return isZipMagic(buf.subarray(0, bytesRead)) ? 'zip' : 'plain';
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

const ZIP_LIMITS = { maxRatio: GUNZIP_MAX_RATIO, floorBytes: GUNZIP_FLOOR_BYTES };

/** Reads the start of a file (gunzipped or unzipped as it needs) for format and encoding detection. */
export async function readSample(file: string, options: SampleOptions = {}): Promise<Sample> {
  statOrThrow(file);
  const container = await containerOf(file);
  const chunks: Buffer[] = [];
  let total = 0;
  const zip = container === 'zip' ? await openZipEntry(file, ZIP_LIMITS) : undefined;
  await new Promise<void>((resolve) => {
    const raw = zip ? zip.stream : createReadStream(file, { highWaterMark: SAMPLE_BYTES });
    const gunzip = container === 'gzip' || /\.gz$/i.test(zip?.entry ?? '');
    const s: Readable = gunzip ? raw.pipe(new GunzipMembers()) : raw;
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
    raw.on('error', done);
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
  const named = zip ? basename(zip.entry) : basename(file);
  const sample: Sample = { fileName: named.replace(/\.gz$/i, ''), text, encoding };
  if (zip) sample.archiveEntry = zip.entry;
  return sample;
}

/**
 * Opens a file for streaming import: transparent gunzip (every member, trailing bytes left out) or the one
 * data file of a zip, decoding from `encoding` to UTF-8, byte progress and a content hash of the raw bytes.
 */
export async function openSource(file: string, encoding: TextEncoding): Promise<Source> {
  const st = statOrThrow(file);
  const container = await containerOf(file);
  if (container === 'zip') return openZipSource(file, st.size, encoding);
  const gz = container === 'gzip';
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
  let gunzip: GunzipMembers | undefined;
  if (gz) {
    gunzip = new GunzipMembers();
    counted.on('error', (err) => gunzip!.destroy(err));
    bytes = guarded(file, counted.pipe(gunzip), gunzip);
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
    notices: () => (gunzip ? trailingNotice(gunzip) : []),
  };
}

/**
 * The one data file of a zip archive. yauzl reads the archive itself (its directory is at the end), so the
 * file is hashed in one read before, for the check that it did not change (file-unchanged.ts); progress is
 * the share of the entry's declared size read so far.
 */
async function openZipSource(file: string, size: number, encoding: TextEncoding): Promise<Source> {
  const digest = await hashFile(file);
  const zip = await openZipEntry(file, ZIP_LIMITS);
  let out = 0;
  let ended = false;
  zip.stream.on('data', (c: Buffer) => (out += c.length));
  zip.stream.on('end', () => (ended = true));
  let bytes: Readable = zip.stream;
  let gunzip: GunzipMembers | undefined;
  if (/\.gz$/i.test(zip.entry)) {
    gunzip = new GunzipMembers();
    zip.stream.on('error', (err) => gunzip!.destroy(err));
    bytes = guarded(file, zip.stream.pipe(gunzip), gunzip);
  }
  const text = new TextDecodeStream(encoding);
  bytes.on('error', (err) => text.destroy(err));
  const stream = bytes.pipe(text);
  text.on('close', () => zip.stream.destroy());
  const others = zip.others.length > 0 ? ` (its other files were not read: ${zip.others.slice(0, 10).join(', ')})` : '';
  return {
    stream,
    invalid: text,
    size,
    gzip: false,
    bytesRead: () => (ended ? size : Math.min(size - 1, Math.round((out / Math.max(1, zip.uncompressedSize)) * size))),
    contentHash: () => (ended ? digest : ''),
    notices: () => [`read ${zip.entry} from the zip archive${others}`, ...(gunzip ? trailingNotice(gunzip) : [])],
  };
}

function trailingNotice(g: GunzipMembers): string[] {
  if (g.trailingNonZero === 0) return [];
  return [
    `${g.trailingBytes.toLocaleString('en-US')} bytes after the end of the gzip data were left out, as gunzip does ` +
      `("trailing garbage ignored"); everything before them was read and checked against its checksum`,
  ];
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 1024 * 1024 })
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', (err: NodeJS.ErrnoException) =>
        reject(new ImportError(file, undefined, `cannot read: ${err.code ?? err.message}`)),
      );
  });
}

/** The gunzipped bytes behind the gzip-bomb guard, measured against what the inflater has taken. */
function guarded(file: string, gunzipped: Readable, gunzip: GunzipMembers): Readable {
  const guard = ratioGuard(file, () => gunzip.bytesWritten);
  gunzip.on('error', (err) => guard.destroy(err));
  return gunzipped.pipe(guard);
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
