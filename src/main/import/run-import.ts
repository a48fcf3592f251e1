import { resolve } from 'node:path';
import { diskFullError, isDiskFull } from '../store/disk-full';
import type { Db } from '../store/project';
import { beginWrite, LockWaitCancelled, WAITING_MESSAGE } from '../store/write-lock';
import { resolveThreads } from '../store/threads';
import { RecordWriter, type WriteCounts } from '../store/writer';
import { detectFormat } from './detect';
import { ImportCancelled, ImportError } from './errors';
import { assertUnchanged, FileChanged, fingerprint, statChange } from './file-unchanged';
import { FORMATS, formatById } from './formats';
import { choosePlatform, type PlatformChoice } from './infer-platform';
import { accountMark, leadingZeroIds, type LeadingZeroIds } from './leading-zero-ids';
import type { FormatOptions } from './formats/format';
import { openRowReader } from './row-reader';
import { readSample } from './source';
import type { TextEncoding } from './text-encoding';
import type { Platform } from '../../shared/model/records';

export interface ImportProgress {
  file: string;
  rows: number;
  bytes: number;
  totalBytes: number;
  /** Set while the import waits for another writer to finish with the project (WAITING_MESSAGE). */
  waiting?: string;
}

export interface ImportOptions extends FormatOptions {
  /** Format id; detected from the content when absent. */
  format?: string;
  /** Abort the whole import at the first bad row instead of skipping it. */
  strict?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** How many row errors to keep (all are counted). */
  maxErrorsKept?: number;
  /**
   * Parse on a worker thread while this one writes: true, false, or by file size when absent. Results are the
   * same either way; a worker that cannot start falls back to this thread.
   */
  worker?: boolean;
  /** The file's encoding (`--encoding`), instead of the one detected from its first bytes. */
  encoding?: string;
  /** How long to wait while another import writes to the project (default 10 minutes; 0: fail at once). */
  lockWaitMs?: number;
}

export interface RowError {
  line: number;
  message: string;
}

/** Something about the file as a whole the analyst should know; `line` where it is one line's (a header's). */
export interface ImportWarning {
  line?: number;
  message: string;
}

/** Warnings kept (a file could hold a warning per header column, and no more). */
const MAX_WARNINGS = 100;

/**
 * The platform a table without one of its own was filed under (infer-platform.ts), how it was chosen, and the
 * distinct accounts its rows named: already in the project before the import, or created by it.
 */
export interface ImportPlatform {
  name: Platform;
  how: 'given' | 'matched' | 'default';
  accounts: number;
  existingAccounts: number;
  /** Accounts the project held before the import (of any platform). */
  projectAccounts: number;
}

export interface ImportResult {
  importId: number;
  file: string;
  format: string;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  errorCount: number;
  errors: RowError[];
  added: WriteCounts;
  /**
   * Rows whose time had no zone, and the zone they were read in (options.timeZone, else 'UTC'): comment
   * scrapers write the collector's local time, so an assumed UTC is said, not hidden.
   */
  zonelessTimes: { rows: number; readAs: string };
  /** Comments and replies whose parent post or comment was found (now or by this import), and those still not. */
  threads: { resolved: number; unresolved: number };
  /** Account ids this import created that differ from another only by leading zeros (kept apart); null if none. */
  leadingZeroIds: LeadingZeroIds | null;
  /** The encoding the file was read in, why, and what it could not decode. */
  encoding: ImportEncoding;
  /** For follow lists, edge lists and share tables (no platform of their own); null for other formats. */
  platform: ImportPlatform | null;
  /** What the summary should say about the file besides row errors: a column given twice, gzip trailing bytes, … */
  warnings: ImportWarning[];
  durationMs: number;
}

export interface ImportEncoding extends TextEncoding {
  /** Lines holding bytes the encoding cannot decode (all counted). */
  invalidLines: number;
  /** The first of them (up to 1,000). */
  firstInvalidLines: number[];
  /** Rows refused for such bytes (they are also among the row errors). */
  rowsSkipped: number;
  /** Such lines no single row could be blamed for (a header, JSON arrays, XML): the text has U+FFFD there. */
  linesReplaced: number;
}

const PROGRESS_EVERY_ROWS = 10_000;

/**
 * Imports one file into a project as one transaction: the whole file lands or none of it. A killed
 * process leaves the project exactly as it was before this import (SQLite's rollback on WAL recovery).
 */
export async function importFile(db: Db, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const started = Date.now();
  // Before the first byte is read: whatever happens to the file from here on is caught before the commit.
  const before = statFingerprint(file);
  const sample = await readSample(file, { encoding: options.encoding });
  let format;
  if (options.format) {
    format = formatById(options.format);
    if (!format) {
      throw new ImportError(
        file,
        undefined,
        `unknown format "${options.format}"; expected one of: ${FORMATS.map((f) => f.id).join(', ')}`,
      );
    }
  } else {
    format = detectFormat(file, sample).format;
  }
  if (options.signal?.aborted) throw new ImportCancelled(file);

  const size = before.size;
  // The write lock first: while another import holds the project, this one waits, saying so, and reads nothing.
  const restore = bulkLoadSettings(db);
  try {
    await beginWrite(db, {
      outcome: `nothing was imported from ${file}`,
      maxWaitMs: options.lockWaitMs,
      signal: options.signal,
      onWait: () => options.onProgress?.({ file, rows: 0, bytes: 0, totalBytes: size, waiting: WAITING_MESSAGE }),
    });
  } catch (err) {
    restore();
    if (err instanceof LockWaitCancelled) throw new ImportCancelled(file);
    throw err;
  }
  let reader;
  let platform: PlatformChoice | undefined;
  try {
    platform = await choosePlatform(db, format, file, sample, options);
    const readOptions = platform ? { ...options, platform: platform.platform } : options;
    reader = await openRowReader({ file, format, options: readOptions, sample, worker: options.worker });
  } catch (err) {
    db.exec('ROLLBACK');
    restore();
    throw err;
  }
  const maxKept = options.maxErrorsKept ?? 1000;
  const errors: RowError[] = [];
  let errorCount = 0;
  let rowsRead = 0;
  let rowsImported = 0;
  let zonelessRows = 0;
  const warnings: ImportWarning[] = [];

  try {
    const firstNewAccount = accountMark(db);
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file, format, content_hash, size_bytes, started_at, finished_at, rows_read, rows_imported,
             rows_skipped, error_count, added_accounts, added_posts, added_interactions, added_follows, options)
           VALUES (?, ?, '', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)`,
        )
        .run(
          resolve(file),
          format.id,
          size,
          Math.floor(started / 1000),
          JSON.stringify(storedOptions(options, platform?.platform)),
        ).lastInsertRowid,
    );
    const writer = new RecordWriter(db, importId, { buffered: true });
    const report = () => options.onProgress?.({ file, rows: rowsRead, bytes: reader.bytesRead(), totalBytes: size });

    const undecodable = () => reader.decoding();
    for await (const chunk of reader.chunks()) {
      for (const row of chunk) {
        if ('warning' in row) {
          if (warnings.length < MAX_WARNINGS) warnings.push({ line: row.line, message: row.warning });
          continue;
        }
        rowsRead++;
        if ('error' in row) {
          if (options.strict) throw new ImportError(file, row.line, `${row.error} (--strict: nothing imported)`);
          errorCount++;
          if (errors.length < maxKept) errors.push({ line: row.line, message: row.error });
        } else {
          writer.write(row.batch);
          rowsImported++;
          if (row.zonelessTime) zonelessRows++;
        }
        if (rowsRead % PROGRESS_EVERY_ROWS === 0) {
          if (options.signal?.aborted) throw new ImportCancelled(file);
          report();
        }
      }
    }
    if (options.signal?.aborted) throw new ImportCancelled(file);
    const decoding = undecodable();
    const replaced = decoding.count - decoding.claimed;
    if (options.strict && replaced > 0) {
      const why = `bytes that are not valid ${sample.encoding.name} (--strict: nothing imported)`;
      throw new ImportError(file, decoding.first[0], why);
    }
    writer.flush();
    report();
    for (const message of reader.notices()) if (warnings.length < MAX_WARNINGS) warnings.push({ message });
    const threads = resolveThreads(db, importId);
    writer.added.interactions += threads.interactions;
    const zonelessTimes = { rows: zonelessRows, readAs: options.timeZone ?? 'UTC' };
    if (zonelessRows > 0) {
      db.prepare('UPDATE imports SET options = ? WHERE id = ?').run(
        JSON.stringify({ ...storedOptions(options, platform?.platform), zonelessTimes }),
        importId,
      );
    }

    const insertError = db.prepare('INSERT INTO import_errors (import_id, line, message) VALUES (?, ?, ?)');
    for (const e of errors) insertError.run(importId, e.line, e.message);
    db.prepare(
      `UPDATE imports SET content_hash = ?, finished_at = ?, rows_read = ?, rows_imported = ?, rows_skipped = ?,
         error_count = ?, added_accounts = ?, added_posts = ?, added_interactions = ?, added_follows = ? WHERE id = ?`,
    ).run(
      reader.contentHash(),
      Math.floor(Date.now() / 1000),
      rowsRead,
      rowsImported,
      rowsRead - rowsImported,
      errorCount,
      writer.added.accounts,
      writer.added.posts,
      writer.added.interactions,
      writer.added.follows,
      importId,
    );
    const zeroIds = leadingZeroIds(db, firstNewAccount);
    // Only what the file was when the import began, read whole, may land.
    await assertUnchanged(file, before, { bytes: reader.bytesRead(), hash: reader.contentHash() });
    db.exec('COMMIT');
    return {
      importId,
      file,
      format: format.id,
      rowsRead,
      rowsImported,
      rowsSkipped: rowsRead - rowsImported,
      errorCount,
      errors,
      added: writer.added,
      zonelessTimes,
      threads: { resolved: threads.resolved, unresolved: threads.unresolved },
      leadingZeroIds: zeroIds,
      encoding: {
        ...sample.encoding,
        invalidLines: decoding.count,
        firstInvalidLines: decoding.first,
        rowsSkipped: decoding.skipped,
        linesReplaced: replaced,
      },
      platform: platform
        ? {
            name: platform.platform,
            how: platform.how,
            accounts: writer.touched.existing + writer.touched.created,
            existingAccounts: writer.touched.existing,
            projectAccounts: platform.accountsBefore,
          }
        : null,
      warnings,
      durationMs: Date.now() - started,
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    // A file cut short or rewritten mid-read also breaks its parse: the change is the cause to name.
    if (!(err instanceof FileChanged) && !(err instanceof ImportCancelled)) {
      const change = statChange(file, before);
      if (change) throw new FileChanged(file, change);
    }
    if (err instanceof ImportError || err instanceof ImportCancelled) throw err;
    // The project's disk is full, not the input file's fault: say so under the project's name.
    if (isDiskFull(err)) throw diskFullError(db.name, `importing ${file}`);
    throw new ImportError(file, undefined, (err as Error).message);
  } finally {
    reader.close();
    restore();
  }
}

/** Page cache for one import: the indexes a million rows touch at random stay in memory (about 500 MB). */
const IMPORT_CACHE_KIB = 512 * 1024;

/**
 * Connection settings for the length of one import, restored afterwards. Foreign keys are not checked: the
 * writer takes every referenced id from a row it has just written or looked up, so the checks (nine parent
 * lookups a tweet) could never fail. A bigger page cache keeps random index inserts from spilling dirty pages
 * to the WAL mid-transaction. Journal mode and synchronous stay as they are: a crash still leaves the project
 * as it was.
 */
function bulkLoadSettings(db: Db): () => void {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return () => {
    db.pragma(`cache_size = ${cacheSize}`);
    if (foreignKeys) db.pragma('foreign_keys = ON');
  };
}

/** The file's fingerprint, or the same "cannot read" error readSample gives for a missing file. */
function statFingerprint(file: string) {
  try {
    return fingerprint(file);
  } catch {
    return { dev: -1, ino: -1, size: 0, mtimeMs: 0 }; // readSample reports the file in its own words next
  }
}

/** The options as stored with the import; `platform` is the one used, given or taken from the project. */
function storedOptions(o: ImportOptions, platform: Platform | undefined) {
  return {
    format: o.format,
    strict: o.strict,
    mapping: o.mapping,
    platform: platform ?? o.platform,
    timeZone: o.timeZone,
    encoding: o.encoding,
  };
}
