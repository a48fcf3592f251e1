/**
 * An import commits only a file that stayed as it was while it was read (issue 16, item 4): a file that a
 * download, a scraper or a sync client is still writing would otherwise land as a prefix of itself, with exit 0.
 * The file's identity, size and modification time are taken before the first byte is read; before the commit
 * they must be the same, every byte of that size must have been read, and the file must still hash to what
 * was read (a rewrite that keeps the size and puts the old time back is still caught).
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { ImportError } from './errors';

export interface FileFingerprint {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Thrown instead of committing; the import's transaction is rolled back. */
export class FileChanged extends ImportError {
  constructor(file: string, what: string) {
    super(file, undefined, `changed while it was being imported (${what}): nothing was imported`);
  }
}

export function fingerprint(file: string): FileFingerprint {
  const st = statSync(file);
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

/** The stat-level change since `before`, in words; undefined when there is none (or the file cannot be read). */
export function statChange(file: string, before: FileFingerprint): string | undefined {
  let now: Stats;
  try {
    now = statSync(file);
  } catch (err) {
    return `it is gone: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  if (now.dev !== before.dev || now.ino !== before.ino) return 'another file was put in its place';
  if (now.size !== before.size) return `its size went from ${bytes(before.size)} to ${bytes(now.size)}`;
  if (now.mtimeMs !== before.mtimeMs) return 'it was written to: its modification time changed';
  return undefined;
}

/**
 * Throws FileChanged unless the file is as it was at `before` and `read` (raw bytes and their sha256, the hash
 * empty when reading stopped before the end) is all of it.
 */
export async function assertUnchanged(
  file: string,
  before: FileFingerprint,
  read: { bytes: number; hash: string },
): Promise<void> {
  const change = statChange(file, before);
  if (change) throw new FileChanged(file, change);
  if (read.hash === '') return; // the reader stopped early (the format needed no more): nothing more to compare
  if (read.bytes !== before.size) {
    throw new FileChanged(
      file,
      read.bytes < before.size
        ? `only ${bytes(read.bytes)} of its ${bytes(before.size)} could be read: it was cut short`
        : `${bytes(read.bytes)} were read from a file of ${bytes(before.size)}: it grew`,
    );
  }
  const now = await hashFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new FileChanged(file, `it could not be read again to check it: ${err.code ?? err.message}`);
  });
  if (now !== read.hash) throw new FileChanged(file, 'its content is not what was read');
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 1024 * 1024 })
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;
