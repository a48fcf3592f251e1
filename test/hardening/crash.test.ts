/**
 * Crash consistency: a child process is SIGKILLed at seeded random points of an import and of an analysis
 * (run, saved into the project, written to files). After each kill the project must reopen with
 * `PRAGMA integrity_check` = ok, every earlier import byte-for-byte intact, no row of the killed import, any
 * saved analysis whole, and no output file that is half written under its final name (only `*.partial`).
 * test/import/crash.test.ts covers one kill of a share-table import; this covers many points of both.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIoArchive, mulberry32 } from '../../bench/gen-io-archive';
import { OUTPUT_FILES } from '../../src/main/analysis/write-outputs';
import { importFile } from '../../src/main/import/run-import';
import { openProject, type Db } from '../../src/main/store/project';
import { REPO, count, tableCounts } from '../import/helpers';
import { runAndKill } from './kill-child';
import { earlierChecksums, watermark, type Watermark } from './project-snapshot';

const SEED = 20261123;
const ARCHIVE_ROWS = 40_000;
const KILLED_IMPORT_ROWS = 80_000;

let dir: string;
let base: string;
let second: string;
let mark: Watermark;
let sums: Record<string, string>;
let counts: Record<string, number>;
let reference: { ms: number; rows: Record<string, number> };
let copies = 0;

/** A fresh copy of the base project (closed, so its WAL is checkpointed into the one file). */
function copyOfBase(): string {
  const file = join(dir, `copy-${copies++}.claque`);
  copyFileSync(base, file);
  return file;
}

function analysisRuns(db: Db): number {
  return count(db, 'SELECT count(*) FROM analysis_runs');
}

/** Data rows of each CSV output, to compare a surviving file with the complete reference run. */
function csvRows(file: string): number {
  return (parseCsv(readFileSync(file)) as string[][]).length - 1;
}

function assertWellFormedXml(file: string): void {
  const xml = readFileSync(file, 'utf8');
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.write(xml).close();
  expect(error, file).toBeUndefined();
  expect(xml.trimEnd().endsWith('</gexf>')).toBe(true);
}

/** Every file under its final name is complete; only `*.partial` files may be cut short. */
function assertOutputsWhole(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  const names = readdirSync(outDir).filter((n) => !n.endsWith('.partial'));
  for (const name of names) {
    const file = join(outDir, name);
    expect([...OUTPUT_FILES, 'coaction_edges.csv'], name).toContain(name);
    if (name.endsWith('.json')) expect(() => JSON.parse(readFileSync(file, 'utf8')), name).not.toThrow();
    else if (name.endsWith('.gexf')) assertWellFormedXml(file);
    else expect(csvRows(file), name).toBe(reference.rows[name]);
  }
  return names;
}

/** The project after a kill: sound, earlier data intact, nothing of the killed import, saved runs whole. */
function assertProjectSound(file: string): void {
  const db = openProject(file, { create: false });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const after = tableCounts(db);
    expect(after).toEqual(counts);
    expect(earlierChecksums(db, mark)).toEqual(sums);
    expect(count(db, 'SELECT count(*) FROM imports WHERE file LIKE ?', '%second.csv')).toBe(0);
    for (const blob of db.prepare('SELECT output FROM analysis_runs').pluck().all() as Buffer[]) {
      const output = JSON.parse(gunzipSync(blob).toString('utf8')) as { accounts: unknown[] };
      expect(output.accounts.length).toBeGreaterThan(0);
    }
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claque-crash-'));
  base = join(dir, 'base.claque');
  const archive = join(dir, 'archive.csv');
  second = join(dir, 'second.csv');
  await generateIoArchive(archive, { rows: ARCHIVE_ROWS, seed: SEED });
  await generateIoArchive(second, { rows: KILLED_IMPORT_ROWS, seed: SEED + 1 });
  const db = openProject(base);
  await importFile(db, join(REPO, 'test/fixtures/tables/coortweet-shares.csv'));
  await importFile(db, join(REPO, 'test/fixtures/tables/follows.csv'));
  await importFile(db, archive);
  mark = watermark(db);
  sums = earlierChecksums(db, mark);
  counts = tableCounts(db);
  db.close();

  // One complete analysis in a child: how long it takes (to spread the kill points over) and what whole
  // outputs look like.
  const project = copyOfBase();
  const out = join(dir, 'reference-out');
  const t0 = performance.now();
  const run = await runAndKill(['analyze', project, out], () => false);
  expect(run.killed).toBe(false);
  const rows: Record<string, number> = {};
  for (const name of readdirSync(out)) if (name.endsWith('.csv')) rows[name] = csvRows(join(out, name));
  reference = { ms: performance.now() - t0, rows };
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash consistency (SIGKILL)', () => {
  const rand = mulberry32(SEED);
  // Kill points drawn once from the seed: rows reported before the kill, plus a few ms of jitter.
  // Progress comes every 10,000 rows; the jitter moves each kill to a different spot between two reports.
  const importPoints = Array.from({ length: 4 }, (_, i) => ({
    rows: 10_000 * (1 + i + Math.floor(rand() * 3)),
    jitterMs: Math.floor(rand() * 200),
  }));
  const analysisFractions = Array.from({ length: 4 }, () => 0.1 + rand() * 0.7);
  const writeJitters = [0, 1 + Math.floor(rand() * 4)];

  it.each(importPoints)(
    'an import killed after $rows rows (+$jitterMs ms) leaves the project as it was',
    async (point) => {
      const project = copyOfBase();
      const run = await runAndKill(
        ['import', project, second],
        (line) => line.startsWith('rows ') && Number(line.slice(5)) >= point.rows,
        point.jitterMs,
      );
      expect(run.killed, `finished before the kill (${run.lastLine})`).toBe(true);
      assertProjectSound(project);
      // The recovered project still takes imports.
      const db = openProject(project, { create: false });
      try {
        const r = await importFile(db, join(REPO, 'test/fixtures/tables/edges.csv'));
        expect(r.rowsImported).toBe(4);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    },
    120_000,
  );

  it.each(analysisFractions.map((fraction) => ({ pct: Math.round(fraction * 100), fraction })))(
    'an analysis killed at $pct% of its run leaves the project sound and no half-written output',
    async ({ fraction }) => {
      const project = copyOfBase();
      const out = join(dir, `out-${copies}`);
      const run = await runAndKill(['analyze', project, out], (line) => line === 'start', fraction * reference.ms);
      expect(run.killed, `finished before the kill (${run.lastLine})`).toBe(true);
      assertProjectSound(project);
      assertOutputsWhole(out);
    },
    120_000,
  );

  it.each(writeJitters)(
    'an analysis killed %i ms into writing its outputs leaves only whole files or .partial ones',
    async (jitter) => {
      const project = copyOfBase();
      const out = join(dir, `out-${copies}`);
      const run = await runAndKill(['analyze', project, out], (line) => line === 'write', jitter);
      assertProjectSound(project);
      const whole = assertOutputsWhole(out);
      if (!run.killed) expect(whole.sort()).toEqual([...OUTPUT_FILES].sort());
      const db = openProject(project, { create: false });
      try {
        // The run was saved before the writing began: it is there, whole, whatever the kill cut.
        expect(analysisRuns(db)).toBe(1);
      } finally {
        db.close();
      }
    },
    120_000,
  );
});
