/**
 * Saved analyses (migration 2): each finished run is kept with its parameters and its whole output as
 * gzipped JSON, so reopening a project shows the last analysis at once instead of recomputing it. A run is
 * stale once anything was imported after it; `lastAnalysis` then returns null and the app runs a new one.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnalysisOutput, AnalysisParameters } from '../../shared/analysis/result';
import type { Db } from './project';

export interface AnalysisRunRow {
  id: number;
  startedAt: number;
  finishedAt: number;
  parameters: AnalysisParameters;
  lastImportId: number;
  communities: number;
  flagged: number;
}

const newestImport = (db: Db): number =>
  (db.prepare('SELECT ifnull(max(id), 0) FROM imports').pluck().get() as number) ?? 0;

/** Stores a finished run; returns its id. `startedAt`/`finishedAt` are Unix milliseconds. */
export function saveAnalysis(
  db: Db,
  parameters: AnalysisParameters,
  output: AnalysisOutput,
  times: { startedAt: number; finishedAt: number },
): number {
  const blob = gzipSync(Buffer.from(JSON.stringify(output), 'utf8'), { level: 6 });
  const info = db
    .prepare(
      `INSERT INTO analysis_runs (started_at, finished_at, parameters, last_import_id, communities, flagged, output)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      times.startedAt,
      times.finishedAt,
      JSON.stringify(parameters),
      newestImport(db),
      output.communities.length,
      output.communities.filter((c) => c.flagged).length,
      blob,
    );
  return Number(info.lastInsertRowid);
}

/** Every saved run, newest first, without their outputs. */
export function listAnalyses(db: Db): AnalysisRunRow[] {
  const rows = db
    .prepare(
      `SELECT id, started_at, finished_at, parameters, last_import_id, communities, flagged
       FROM analysis_runs ORDER BY id DESC`,
    )
    .all() as {
    id: number;
    started_at: number;
    finished_at: number;
    parameters: string;
    last_import_id: number;
    communities: number;
    flagged: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    parameters: JSON.parse(r.parameters) as AnalysisParameters,
    lastImportId: r.last_import_id,
    communities: r.communities,
    flagged: r.flagged,
  }));
}

/** The newest run's output, or null when there is none or data was imported after it. */
export function lastAnalysis(db: Db): AnalysisOutput | null {
  const row = db.prepare('SELECT output, last_import_id FROM analysis_runs ORDER BY id DESC LIMIT 1').get() as
    { output: Buffer; last_import_id: number } | undefined;
  if (!row || row.last_import_id !== newestImport(db)) return null;
  return JSON.parse(gunzipSync(row.output).toString('utf8')) as AnalysisOutput;
}
