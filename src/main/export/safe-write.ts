/**
 * The one way Claque writes a file the user named (GEXF, CSV, the report, `claque analyze --out` outputs).
 *
 * Two promises. An export never lands on a project: the open one, its -wal/-shm/-journal, any path that is
 * the same file (a symlink, a hard link, another spelling of the name), or any existing SQLite database or
 * SQLite journal, recognised by its header bytes without opening it (opening one could change it). And an
 * export never leaves half a file: it is written to a temporary file in the target's folder, flushed to disk,
 * then renamed over the target in one step, so a failure leaves the old file (or none) exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeChunked } from '../analysis/write-chunked';

export interface ExportTargetOptions {
  /** Project files that no export may touch (the open project); their -wal/-shm/-journal are covered too. */
  protect?: readonly (string | null | undefined)[];
}

export interface BeginExportOptions extends ExportTargetOptions {
  /**
   * Create the temporary file now (default). false: only name it, for a writer that creates the file itself
   * (Chromium's download manager, given the name as its save path).
   */
  createTemp?: boolean;
}

/** An export that was refused (`refused`) or that failed to write; the message names the file and why. */
export class ExportError extends Error {
  constructor(
    public readonly file: string,
    public readonly refused: boolean,
    public readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ExportError';
  }
}

/** Files SQLite keeps beside a database; writing over one corrupts the database as surely as the file itself. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
// A write-ahead log starts with 0x377f0682 or 0x377f0683 (big-endian), a rollback journal with d9d505f920a163d7.
const WAL_MAGIC = [0x377f0682, 0x377f0683];
const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

/** What the first bytes of `file` say it is, read without opening it as a database; null for anything else. */
export function sqliteKind(file: string): 'database' | 'write-ahead log' | 'journal' | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    if (n === 16 && head.equals(SQLITE_HEADER)) return 'database';
    if (n >= 4 && WAL_MAGIC.includes(head.readUInt32BE(0))) return 'write-ahead log';
    if (n >= 8 && head.subarray(0, 8).equals(JOURNAL_MAGIC)) return 'journal';
    return null;
  } finally {
    closeSync(fd);
  }
}

const statOrNull = (file: string): Stats | null => {
  try {
    return statSync(file);
  } catch {
    return null;
  }
};

/** The path with its folder's symlinks resolved (the file itself need not exist); the path as given otherwise. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(file)), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/**
 * Whether `a` and `b` name one file: the same real path, or the same device and inode where both exist (hard
 * links, another spelling on a case-insensitive disk). Names are also compared without case inside one real
 * folder, so `P.claque-WAL` counts as the open project's log before SQLite has made it; refusing that name on a
 * case-sensitive disk costs nothing.
 */
function sameFile(a: string, b: string): boolean {
  const ra = realPath(a);
  const rb = realPath(b);
  if (ra === rb) return true;
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  if (basename(ra).toLowerCase() !== basename(rb).toLowerCase()) return false;
  const da = statOrNull(dirname(ra));
  const db = statOrNull(dirname(rb));
  return dirname(ra) === dirname(rb) || (da !== null && db !== null && da.dev === db.dev && da.ino === db.ino);
}

/**
 * Checks that `target` may be written and returns the path to write: the target itself, or for a symlink the
 * file it points to (so the link stays a link). Throws a refusing ExportError otherwise.
 */
export function checkExportTarget(target: string, options: ExportTargetOptions = {}): string {
  const given = resolve(target);
  const link = lstatOrNull(given);
  const path = link?.isSymbolicLink() && statOrNull(given) ? realpathSync(given) : given;
  const refuse = (reason: string) => new ExportError(target, true, reason);

  for (const project of options.protect ?? []) {
    if (!project) continue;
    if (sameFile(path, project) || sameFile(given, project))
      throw refuse(`refusing to export over the open project ${project}; choose another file name`);
    for (const side of SIDE_FILES) {
      if (sameFile(path, project + side) || sameFile(given, project + side)) {
        throw refuse(
          `refusing to export over ${basename(project)}${side}, which SQLite keeps beside the open project ` +
            `${project}; writing it would corrupt the project. Choose another file name`,
        );
      }
    }
  }

  const st = statOrNull(path);
  if (st) {
    if (st.isDirectory()) throw refuse('is a folder; give a file name inside it');
    if (!st.isFile()) throw refuse('is not a regular file (a device, a pipe or a socket); refusing to export over it');
    const kind = sqliteKind(path);
    if (kind === 'database')
      throw refuse('is an SQLite database (perhaps a Claque project); refusing to export over it');
    if (kind) throw refuse(`is an SQLite ${kind}, part of a database; refusing to export over it`);
  }
  // The log or index of a database beside it, even one whose header says nothing yet (-shm has no signature).
  for (const side of SIDE_FILES) {
    if (!path.toLowerCase().endsWith(side)) continue;
    const owner = path.slice(0, -side.length);
    if (sqliteKind(owner) === 'database') {
      throw refuse(
        `belongs to the SQLite database ${owner} (SQLite keeps its ${side.slice(1)} there); refusing to export over it`,
      );
    }
  }
  return path;
}

function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** A checked target and its temporary file, created empty; write the temp, then commit() or discard(). */
export interface PendingExport {
  /** The file that commit() replaces. */
  target: string;
  /** Where to write meanwhile: a new file in the target's folder, so the final rename stays on one disk. */
  temp: string;
  /** Flushes the temp to disk, checks the target again (it may have changed meanwhile) and renames over it. */
  commit(): void;
  /** Removes the temp; safe to call after a failed or a finished commit. */
  discard(): void;
}

export function beginExport(target: string, options: BeginExportOptions = {}): PendingExport {
  const path = checkExportTarget(target, options);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new ExportError(target, false, `the folder ${folder} does not exist`);
  // Hidden, unique, ending in .partial: never mistaken for a finished export, and two exports never share one.
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const existing = statOrNull(path);
  // An export replaces the content, not who may read it.
  const keepMode = () => {
    if (!existing) return;
    try {
      chmodSync(temp, existing.mode & 0o7777);
    } catch {
      // Not ours to change (another owner's file); the rename still replaces it with a file of the usual mode.
    }
  };
  if (options.createTemp ?? true) {
    try {
      closeSync(openSync(temp, 'wx', 0o666));
    } catch (err) {
      throw writeFailure(target, err);
    }
    keepMode();
  }
  let done = false;
  const discard = () => rmSync(temp, { force: true });
  return {
    target: path,
    temp,
    commit() {
      if (done) return;
      try {
        checkExportTarget(target, options);
        if (!(options.createTemp ?? true)) keepMode();
        const fd = openSync(temp, 'r+');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, path);
        done = true;
      } catch (err) {
        discard();
        if (err instanceof ExportError) throw err;
        throw writeFailure(target, err);
      }
    },
    discard,
  };
}

/**
 * Writes `content` (a string, or a producer that emits chunks) to `target` through a temporary file; returns
 * the path written (a symlink's target for a symlink). Refuses project files and databases (see above).
 */
export function writeExportFile(
  target: string,
  content: string | ((write: (chunk: string) => void) => void),
  options: ExportTargetOptions = {},
): string {
  const pending = beginExport(target, options);
  try {
    if (typeof content === 'string') writeChunked(pending.temp, (write) => write(content));
    else writeChunked(pending.temp, content);
  } catch (err) {
    pending.discard();
    throw writeFailure(target, err);
  }
  pending.commit();
  return pending.target;
}

/** A failed write in plain words: the disk, the permissions or the folder, never a bare errno. */
function writeFailure(target: string, err: unknown): Error {
  if (err instanceof ExportError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const unchanged = 'any file already there is unchanged';
  const reason =
    code === 'ENOSPC'
      ? `the disk is full; nothing was written and ${unchanged}`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `cannot write in ${dirname(resolve(target))} (${code === 'EROFS' ? 'a read-only disk' : 'permission denied'}); ${unchanged}`
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? `the folder ${dirname(resolve(target))} does not exist`
          : `the export could not be written (${(err as Error)?.message ?? String(err)}); ${unchanged}`;
  return new ExportError(target, false, reason);
}
