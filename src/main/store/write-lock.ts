/**
 * One writer at a time: SQLite lets a single connection write to a project while others read (WAL). A second
 * import into the same project — another `claque import`, the app, a saved analysis — used to block its thread
 * for better-sqlite3's 5 s busy timeout and then die with `SqliteError: database is locked` and a stack
 * (issue 16, item 5). Here the write transaction is asked for without blocking, again every `pollMs` for up
 * to `maxWaitMs`, with the event loop free (progress, cancel and the app's window stay alive); the caller
 * shows that it waits; past the limit it fails with a sentence.
 */
import { ProjectError, type Db } from './project';

/** How long a writer waits for another by default: imports of millions of rows take minutes. */
export const DEFAULT_LOCK_WAIT_MS = 10 * 60 * 1000;
const POLL_MS = 200;

/** What the caller shows while it waits (the CLI and the app say it in these words). */
export const WAITING_MESSAGE = 'waiting for another import into this project';

export interface LockWaitOptions {
  /** Called at once when the project is found busy, then after each further try, with the time waited. */
  onWait?: (waitedMs: number) => void;
  signal?: AbortSignal;
  /** Give up after this long (default DEFAULT_LOCK_WAIT_MS); 0 fails at the first refusal. */
  maxWaitMs?: number;
  pollMs?: number;
  /** What giving up leaves undone, for the sentence: "nothing was imported". */
  outcome: string;
}

/** Thrown when the wait is cancelled through the signal: nothing was started. */
export class LockWaitCancelled extends Error {
  constructor() {
    super('cancelled while waiting for the project');
    this.name = 'LockWaitCancelled';
  }
}

/** SQLite's "another connection holds the lock" codes, as better-sqlite3 reports them. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Begins a write transaction (BEGIN IMMEDIATE) on `db`, waiting while another connection — or another job on
 * this one — is writing. Resolves once the transaction is open; the caller commits or rolls back.
 */
export async function beginWrite(db: Db, options: LockWaitOptions): Promise<void> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const started = Date.now();
  for (;;) {
    if (options.signal?.aborted) throw new LockWaitCancelled();
    if (!db.inTransaction && tryBegin(db)) return;
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) throw busyError(db, waited, options.outcome);
    options.onWait?.(waited);
    await sleep(Math.min(options.pollMs ?? POLL_MS, maxWaitMs - waited), options.signal);
  }
}

/**
 * Runs `write` in a write transaction, waiting for the lock as beginWrite does; commits on return, rolls back
 * on a throw.
 */
export async function withWriteLock<T>(db: Db, options: LockWaitOptions, write: () => T): Promise<T> {
  await beginWrite(db, options);
  try {
    const value = write();
    db.exec('COMMIT');
    return value;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** One non-blocking try: busy_timeout 0 for this statement, so a busy project answers at once. */
function tryBegin(db: Db): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function busyError(db: Db, waitedMs: number, outcome: string): ProjectError {
  const waited = waitedMs < 1000 ? '' : ` for ${Math.round(waitedMs / 1000)} s`;
  return new ProjectError(
    db.name,
    `another import (or an analysis being saved) is writing to this project, and it stayed busy${waited}: ` +
      `${outcome}. Try again once the other one has finished`,
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
