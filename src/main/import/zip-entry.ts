/**
 * A .zip dropped on the importer (issue 16, item 7): what people download from a data portal or get by mail.
 * Claque reads the one data file inside it, with yauzl (a well-kept zip reader that checks every entry's size
 * against its header, so an entry cannot inflate past what it declares); a zip of several data files is
 * refused with their names, to be unzipped and imported by choice. macOS's `__MACOSX/` copies and desktop
 * litter (`.DS_Store`, `Thumbs.db`) are not data.
 */
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { ImportError } from './errors';

/** Names of files Claque can import (a zip holding one of them and notes or pictures reads that one). */
const DATA_NAME = /\.(?:csv|tsv|tab|txt|json|jsonl|ndjson|gexf|graphml|xml)(?:\.gz)?$/i;
const LITTER = /(?:^|\/)(?:__MACOSX\/|\.DS_Store$|\._|Thumbs\.db$|desktop\.ini$)/i;
/** Entries named in a refusal. */
const NAMED = 10;

export interface ZipEntryStream {
  /** The entry's path inside the archive. */
  entry: string;
  /** The archive's other files, which are not read. */
  others: string[];
  stream: Readable;
  uncompressedSize: number;
  compressedSize: number;
}

export interface ZipLimits {
  /** Largest expansion accepted (the gzip-bomb guard's ratio), once past `floorBytes`. */
  maxRatio: number;
  floorBytes: number;
}

/** Whether the file starts as a zip archive does (a local file header, or the end record of an empty one). */
export function isZipMagic(head: Buffer): boolean {
  return (
    head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes(head.readUInt16BE(2))
  );
}

/** Opens the archive's one data file as a stream of its bytes; refuses, naming what it holds, otherwise. */
export async function openZipEntry(file: string, limits: ZipLimits): Promise<ZipEntryStream> {
  let zip: ZipFile;
  try {
    zip = await openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (err) {
    throw new ImportError(
      file,
      undefined,
      `a zip archive Claque cannot read (${(err as Error).message}): unzip it with another tool first`,
    );
  }
  try {
    const files: Entry[] = [];
    for await (const e of zip.eachEntry()) {
      if (!e.fileName.endsWith('/') && !LITTER.test(e.fileName)) files.push(e);
    }
    const data = files.filter((e) => DATA_NAME.test(e.fileName));
    const candidates = data.length > 0 ? data : files;
    if (candidates.length === 0) throw new ImportError(file, undefined, 'a zip archive with no file in it');
    if (candidates.length > 1) {
      const names = candidates.slice(0, NAMED).map((e) => e.fileName);
      const more = candidates.length > NAMED ? `, and ${candidates.length - NAMED} more` : '';
      throw new ImportError(
        file,
        undefined,
        `a zip archive of ${candidates.length} data files (${names.join(', ')}${more}): unzip it first, then import the files you want (a zip is read only when it holds one)`,
      );
    }
    const entry = candidates[0];
    if (entry.isEncrypted()) {
      throw new ImportError(
        file,
        undefined,
        `${entry.fileName} in the zip archive is password-protected: unzip it first`,
      );
    }
    if (!entry.canDecodeFileData()) {
      throw new ImportError(
        file,
        undefined,
        `${entry.fileName} in the zip archive is compressed with a method Claque cannot read (${entry.compressionMethod}): unzip it first`,
      );
    }
    if (
      entry.uncompressedSize > limits.floorBytes &&
      entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
    ) {
      throw new ImportError(
        file,
        undefined,
        `${entry.fileName} in the zip archive expands more than ${limits.maxRatio}× (${Math.round(entry.uncompressedSize / 1048576)} MiB from ${Math.ceil(entry.compressedSize / 1024)} KiB): refused as a possible decompression bomb; unzip it yourself if it is genuine`,
      );
    }
    const stream = await zip.openReadStreamPromise(entry);
    stream.on('close', () => zip.close());
    return {
      entry: entry.fileName,
      others: files.filter((e) => e !== entry).map((e) => basename(e.fileName)),
      stream,
      uncompressedSize: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
    };
  } catch (err) {
    zip.close();
    if (err instanceof ImportError) throw err;
    throw new ImportError(
      file,
      undefined,
      `a zip archive Claque cannot read (${(err as Error).message}): unzip it with another tool first`,
    );
  }
}
