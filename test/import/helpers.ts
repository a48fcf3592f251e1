import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openProject, type Db } from '../../src/main/store/project';
import type { CliIo } from '../../src/main/cli/io';
import { tempDir } from '../helpers/temp-dir';

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO, 'test/fixtures/tables');
/** Real data (CooRTweet, MIT licence, Nicola Righetti & Paul Balluff): see ../shared/data/README.md. */
export const SHARED_DATA = resolve(REPO, '../shared/data');

export const fixture = (name: string) => join(FIXTURES, name);

export interface TempProject {
  dir: string;
  file: string;
  db: Db;
  cleanup(): void;
}

export function tempProject(): TempProject {
  // Removed by cleanup(), or after the test file at the latest (tempDir).
  const dir = tempDir('claque-import-');
  const file = join(dir, 'test.claque');
  const db = openProject(file);
  return {
    dir,
    file,
    db,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TABLES = ['accounts', 'posts', 'post_objects', 'interactions', 'follows', 'imports', 'import_errors'];

/** Row count of every table: compared before/after to prove an import changed nothing. */
export function tableCounts(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

export const count = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

export function memoryIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), interactive: false };
}
