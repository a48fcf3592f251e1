/**
 * A full disk, said in plain words. SQLite reports it as SQLITE_FULL "database or disk is full" with no file
 * name, so the error used to surface under whatever file was being read at the time (the input CSV). What is
 * full is the disk that holds the project: name the project and that disk's folder, and what became of the work.
 */
import { dirname, resolve } from 'node:path';
import { ProjectError } from './project';

/** SQLITE_FULL from better-sqlite3 (SQLite's unix VFS turns ENOSPC into it), or ENOSPC itself. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/**
 * The error for a project that could not grow. `doing` says what was under way ("importing data.csv"); the
 * transaction it was in has been rolled back, so the project is as it was before.
 */
export function diskFullError(projectFile: string, doing: string): ProjectError {
  return new ProjectError(
    projectFile,
    `the disk is full: the project could not grow while ${doing}, so that work was rolled back and the ` +
      `project is as it was before. Free some space on the disk that holds ${dirname(resolve(projectFile))} and try again`,
  );
}
