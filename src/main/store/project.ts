import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class ProjectError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ProjectError';
  }
}

export interface OpenOptions {
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens (or creates) a `.claque` project: one SQLite file per investigation, WAL so readers never block the
 * writer, foreign keys on, migrations applied. Refuses files that are not Claque projects or come from a
 * newer Claque, rather than guessing.
 */
export function openProject(file: string, options: OpenOptions = {}): Db {
  const create = options.create ?? true;
  if (!create && !existsSync(file)) throw new ProjectError(file, 'no such project file');
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !create });
  } catch (err) {
    throw new ProjectError(file, `cannot open as a project: ${(err as Error).message}`);
  }
  try {
    // Touch the schema first: a non-SQLite file fails here with "file is not a database".
    const version = db.pragma('user_version', { simple: true }) as number;
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB page cache: bulk imports touch big indexes.
    db.pragma('temp_store = MEMORY');
    if (version > SCHEMA_VERSION) {
      throw new ProjectError(
        file,
        `was written by a newer Claque (schema ${version}, this one knows ${SCHEMA_VERSION})`,
      );
    }
    if (version === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new ProjectError(file, 'is an SQLite database but not a Claque project');
    }
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

function migrate(db: Db, from: number): void {
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
