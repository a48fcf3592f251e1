import { Transform, type TransformCallback } from 'node:stream';
import { crc32, createInflateRaw, type InflateRaw } from 'node:zlib';

/**
 * gunzip as the gzip tool does it (issue 16, item 7): every member of the file in turn (a .gz may be several
 * gzip files end to end), each checked against its CRC-32 and length, and bytes after the last member that
 * are not another member — padding from a download, a log line appended by mistake — left out, with the data
 * before them kept and the import told how many there were ("decompression OK, trailing garbage ignored").
 * Node's createGunzip fails on such bytes instead, and drops the last rows it had decoded with them.
 *
 * The deflate data goes through zlib's raw inflater; only the gzip framing (RFC 1952: header, CRC-32 and
 * length trailer) is read here. The raw inflater stops at the end of the deflate data and says how much of
 * the input it took (`bytesWritten`), which is where the trailer starts.
 */
export class GunzipMembers extends Transform {
  /** Compressed bytes taken so far: what the gzip-bomb guard measures output against. */
  bytesWritten = 0;
  /** Bytes after the last member that were left out, and how many of them were not zero (padding is). */
  trailingBytes = 0;
  trailingNonZero = 0;
  members = 0;
  private pending: Buffer = Buffer.alloc(0);
  private state: 'header' | 'body' | 'trailer' | 'trailing' = 'header';
  private inflater: InflateRaw | undefined;
  private inflaterDone: Promise<void> | undefined;
  private inflaterEnded = false;
  private crc = 0;
  private size = 0;
  private wake: (() => void) | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.drain(false).then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    this.drain(true).then(() => done(), done);
  }

  override _read(size: number): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    super._read(size);
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.inflater?.destroy();
    this.wake?.();
    done(err);
  }

  private async drain(final: boolean): Promise<void> {
    while (!this.destroyed) {
      if (this.state === 'trailing') {
        this.trailingBytes += this.pending.length;
        for (const b of this.pending) if (b !== 0) this.trailingNonZero++;
        this.skip(this.pending.length);
        return;
      }
      if (this.state === 'header') {
        if (this.pending.length === 0) {
          if (final && this.members === 0) throw gzipError('Z_BUF_ERROR', 'unexpected end of file');
          return;
        }
        const length = this.members === 0 ? headerLength(this.pending) : laterHeaderLength(this.pending);
        if (length === 0) {
          // Not another member: what follows the last one is left out, as gunzip does.
          if (this.members === 0) throw gzipError('Z_DATA_ERROR', 'incorrect header check');
          this.state = 'trailing';
          continue;
        }
        if (length < 0) {
          if (!final) return;
          if (this.members === 0) throw gzipError('Z_BUF_ERROR', 'unexpected end of file');
          this.state = 'trailing';
          continue;
        }
        this.skip(length);
        this.startMember();
        continue;
      }
      if (this.state === 'body') {
        if (this.pending.length === 0 && !this.inflaterEnded) {
          if (!final) return;
          this.inflater!.end();
          await this.inflaterDone; // rejects when the deflate data stops short: a truncated file
          if (this.pending.length === 0) throw gzipError('Z_BUF_ERROR', 'unexpected end of file');
        }
        if (this.inflaterEnded) {
          await this.inflaterDone;
          this.state = 'trailer';
          continue;
        }
        const piece = this.pending.subarray(0, PIECE_BYTES);
        this.pending = this.pending.subarray(piece.length);
        const before = this.inflater!.bytesWritten;
        await new Promise<void>((resolve, reject) =>
          this.inflater!.write(piece, (err) => (err ? reject(err) : resolve())),
        );
        const taken = this.inflater!.bytesWritten - before;
        this.bytesWritten += taken;
        if (taken < piece.length) {
          // The deflate data ended inside this piece: the rest is the trailer and what follows it.
          this.pending = Buffer.concat([piece.subarray(taken), this.pending]);
          this.inflaterEnded = true;
        }
        // Output waits downstream: let it be read before inflating more (a bomb would pile it up here).
        if (this.readableLength > this.readableHighWaterMark * 4) await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      // trailer: CRC-32 and length (mod 2^32) of what the member decoded.
      if (this.pending.length < 8) {
        if (final) throw gzipError('Z_BUF_ERROR', 'unexpected end of file');
        return;
      }
      if (this.pending.readUInt32LE(0) !== this.crc >>> 0 || this.pending.readUInt32LE(4) !== this.size % 2 ** 32) {
        throw gzipError('Z_DATA_ERROR', 'incorrect data check');
      }
      this.skip(8);
      this.members++;
      this.state = 'header';
    }
  }

  private startMember(): void {
    const inflater = createInflateRaw();
    this.inflater = inflater;
    this.inflaterEnded = false;
    this.crc = 0;
    this.size = 0;
    inflater.on('data', (d: Buffer) => {
      this.crc = crc32(d, this.crc);
      this.size += d.length;
      this.push(d);
    });
    this.inflaterDone = new Promise<void>((resolve, reject) => {
      inflater.once('end', () => {
        this.inflaterEnded = true;
        resolve();
      });
      inflater.once('error', reject);
    });
    this.inflaterDone.catch(() => undefined); // awaited where it matters; never an unhandled rejection
    this.state = 'body';
  }

  private skip(n: number): void {
    if (this.state !== 'body') this.bytesWritten += n;
    this.pending = this.pending.subarray(n);
  }
}

/** Compressed bytes inflated at once: bounds what one step can make (16 MB at deflate's ceiling of 1032×). */
const PIECE_BYTES = 16 * 1024;
/** A header longer than this (its file name and comment) is not a real one. */
const MAX_HEADER_BYTES = 64 * 1024;

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

function startsMember(b: Buffer): boolean {
  return b[0] === 0x1f && (b.length < 2 || b[1] === 0x8b);
}

/**
 * The length of the gzip header at the start of `b` (RFC 1952 §2.3): -1 when `b` ends inside it, 0 when `b`
 * does not start with one. Throws for a header that is one but cannot be read (another compression method).
 */
function headerLength(b: Buffer): number {
  if (b.length < 10) return startsMember(b) ? -1 : 0;
  if (b[0] !== 0x1f || b[1] !== 0x8b) return 0;
  if (b[2] !== 8) throw gzipError('Z_DATA_ERROR', 'unknown compression method');
  const flags = b[3];
  if (flags & 0xe0) throw gzipError('Z_DATA_ERROR', 'unknown header flags set');
  let at = 10;
  if (flags & FEXTRA) {
    if (b.length < at + 2) return -1;
    at += 2 + b.readUInt16LE(at);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = b.indexOf(0, at);
    if (end < 0) {
      if (b.length > MAX_HEADER_BYTES) throw gzipError('Z_DATA_ERROR', 'gzip header too long');
      return -1;
    }
    at = end + 1;
  }
  if (flags & FHCRC) at += 2;
  return b.length < at ? -1 : at;
}

/** A header after the first member; one that cannot be read is not a member but trailing bytes (0). */
function laterHeaderLength(b: Buffer): number {
  if (!startsMember(b)) return 0;
  try {
    return headerLength(b);
  } catch {
    return 0;
  }
}

/** Errors coded as zlib's own, so the import's messages for corrupt or truncated gzip data name them alike. */
function gzipError(code: 'Z_DATA_ERROR' | 'Z_BUF_ERROR', message: string): Error {
  return Object.assign(new Error(message), { code });
}
