import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class ProjectError extends Error {
  constructor(
    public readonly file: string,
    /** What is wrong, without the file name (the message is `file: reason`); a worker thread sends both. */
    public readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ProjectError';
  }
}

/** Tables every released schema has: a file with user_version set but without them is some other program's. */
const CORE_TABLES = ['accounts', 'imports', 'posts', 'interactions', 'follows'];

export interface OpenOptions {
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens (or creates) a `.claque` project: one SQLite file per investigation, WAL so readers never block the
 * writer, foreign keys on, migrations applied. Refuses files that are not Claque projects or come from a
 * newer Claque, rather than guessing. An existing file is first opened read-only and checked, and only a
 * Claque project (or an empty database) is then opened for writing: switching to WAL or migrating rewrites the
 * file, and another program's database must come out of a refusal byte for byte as it went in.
 */
export function openProject(file: string, options: OpenOptions = {}): Db {
  const create = options.create ?? true;
  if (!create && !existsSync(file)) throw new ProjectError(file, 'no such project file');
  if (!options.readonly && existsSync(file)) checkProject(file, inspect(file));
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !create });
  } catch (err) {
    throw new ProjectError(file, `cannot open as a project: ${(err as Error).message}`);
  }
  try {
    // Touch the schema first: a non-SQLite file fails here with "file is not a database".
    const version = checkProject(file, describe(db));
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB page cache: bulk imports touch big indexes.
    db.pragma('temp_store = MEMORY');
    if (version < SCHEMA_VERSION) {
      if (options.readonly)
        throw new ProjectError(file, `needs migrating (schema ${version}) and was opened read-only`);
      migrate(db, version);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof ProjectError) throw err;
    throw new ProjectError(file, `cannot open as a project: ${(err as Error).message}`);
  }
}

interface Described {
  version: number;
  tables: string[];
}

function describe(db: Db): Described {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return { version, tables };
}

/** An existing file's schema, read on a read-only connection that changes nothing in it. */
function inspect(file: string): Described {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new ProjectError(file, `cannot open as a project: ${(err as Error).message}`);
  }
  try {
    return describe(db);
  } catch (err) {
    throw new ProjectError(file, `cannot open as a project: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

/** The schema version of a Claque project (0: an empty database, to be created); throws for anything else. */
function checkProject(file: string, { version, tables }: Described): number {
  if (version > SCHEMA_VERSION) {
    throw new ProjectError(file, `was written by a newer Claque (schema ${version}, this one knows ${SCHEMA_VERSION})`);
  }
  if (version === 0 && tables.length > 0)
    throw new ProjectError(file, 'is an SQLite database but not a Claque project');
  const missing = version > 0 ? CORE_TABLES.filter((t) => !tables.includes(t)) : [];
  if (missing.length > 0) {
    throw new ProjectError(
      file,
      `is an SQLite database but not a Claque project (schema ${version} but no ${missing.join(', ')} table)`,
    );
  }
  return version;
}

function migrate(db: Db, from: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
