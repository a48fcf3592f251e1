import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { lastAnalysis, listAnalyses, saveAnalysis } from './analysis-runs';
import { MIGRATIONS } from './migrations';
import { openProject } from './project';
import { tempDir } from '../../../test/helpers/temp-dir';

const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;
const dir = () => tempDir('claque-runs-');
const addImport = (db: Database.Database) =>
  db
    .prepare(
      `INSERT INTO imports (file, format, content_hash, size_bytes, started_at, finished_at, rows_read, rows_imported,
         rows_skipped, error_count, added_accounts, added_posts, added_interactions, added_follows)
       VALUES ('t', 't', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
    )
    .run();

describe('analysis runs', () => {
  it('saves a run and gives back the same output after reopening', () => {
    const file = join(dir(), 'p.claque');
    const db = openProject(file);
    addImport(db);
    expect(lastAnalysis(db)).toBeNull();
    const id = saveAnalysis(db, fixture.summary.parameters, fixture, { startedAt: 1000, finishedAt: 2500 });
    db.close();
    const again = openProject(file, { create: false });
    expect(lastAnalysis(again)).toEqual(fixture);
    const [row] = listAnalyses(again);
    expect(row).toMatchObject({ id, startedAt: 1000, finishedAt: 2500, lastImportId: 1 });
    expect(row.parameters).toEqual(fixture.summary.parameters);
    expect(row.communities).toBe(fixture.communities.length);
    expect(row.flagged).toBe(fixture.communities.filter((c) => c.flagged).length);
    again.close();
  });

  it('returns the newest run, and none once data was imported after it', () => {
    const db = openProject(join(dir(), 'p.claque'));
    addImport(db);
    saveAnalysis(db, fixture.summary.parameters, fixture, { startedAt: 1, finishedAt: 2 });
    const second = { ...fixture, communities: fixture.communities.slice(0, 1) };
    saveAnalysis(db, { ...fixture.summary.parameters, seed: 7 }, second, { startedAt: 3, finishedAt: 4 });
    expect(lastAnalysis(db)?.communities).toHaveLength(1);
    expect(listAnalyses(db).map((r) => r.parameters.seed)).toEqual([7, fixture.summary.parameters.seed]);
    addImport(db);
    expect(lastAnalysis(db)).toBeNull();
    db.close();
  });

  it('migrates a version-1 project without touching its data', () => {
    const file = join(dir(), 'old.claque');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0].sql);
    raw.pragma('user_version = 1');
    addImport(raw);
    raw.close();
    const db = openProject(file, { create: false });
    expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    expect(lastAnalysis(db)).toBeNull();
    db.close();
  });
});
