/**
 * Two writers on one project (issue 16, item 5). The second import used to block for better-sqlite3's 5 s and
 * then die with `SqliteError: database is locked` and a JS stack. Now it waits, saying "waiting for another
 * import into this project", and goes on once the first is done; past its limit it fails with one sentence.
 * The same for an analysis saved while an import runs. The other writer is a second SQLite connection that
 * holds the write lock (BEGIN IMMEDIATE) until the test sees the waiting line — in this process, or with the
 * real CLI in a child process — so nothing depends on timing.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportCancelled } from '../../src/main/import/errors';
import { importFile, type ImportProgress } from '../../src/main/import/run-import';
import { createBackend, type AnalysisRunner, type Backend } from '../../src/main/server/backend';
import { openProject, ProjectError, type Db } from '../../src/main/store/project';
import { WAITING_MESSAGE } from '../../src/main/store/write-lock';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS, type ApiEvent } from '../../src/shared/api/contract';
import { fixture, REPO, tableCounts, tempProject, type TempProject } from '../import/helpers';

const DATA = fixture('coortweet-shares.csv');
const FIXTURE = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;
const fixtureRunner: AnalysisRunner = async (_db, parameters) => ({
  ...FIXTURE,
  summary: { ...FIXTURE.summary, parameters },
});

describe('two writers on one project', () => {
  let p: TempProject;
  /** The other writer: a second connection that takes the write lock and keeps it until told. */
  let other: Db;
  beforeEach(() => {
    p = tempProject();
    other = openProject(p.file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO accounts (platform, ext_id) VALUES ('twitter', 'held-by-the-other-import')").run();
  });
  afterEach(() => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    p.cleanup();
  });

  it('the second import waits, saying so, and imports once the first has finished', async () => {
    const seen: ImportProgress[] = [];
    const r = await importFile(p.db, DATA, {
      onProgress: (pr) => {
        seen.push(pr);
        if (pr.waiting && other.inTransaction) other.exec('COMMIT'); // the first import ends
      },
    });
    expect(seen[0]).toMatchObject({ file: DATA, rows: 0, waiting: WAITING_MESSAGE });
    expect(WAITING_MESSAGE).toBe('waiting for another import into this project');
    expect(r.rowsImported).toBe(10);
    // Both landed: the other writer's row and this import's.
    expect(p.db.prepare("SELECT count(*) FROM accounts WHERE ext_id = 'held-by-the-other-import'").pluck().get()).toBe(
      1,
    );
    expect(tableCounts(p.db).imports).toBe(1);
  });

  it('past its limit it fails with a sentence naming the project, and changes nothing', async () => {
    const before = tableCounts(p.db);
    const err = await importFile(p.db, DATA, { lockWaitMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProjectError);
    const message = (err as Error).message;
    expect(message).toMatch(
      new RegExp(`^${escape(p.file)}: another import \\(or an analysis being saved\\) is writing to this project`),
    );
    expect(message).toContain(`nothing was imported from ${DATA}. Try again once the other one has finished`);
    expect(message).not.toMatch(/SqliteError|database is locked|\n\s+at /);
    expect(tableCounts(p.db)).toEqual(before);
    expect(p.db.inTransaction).toBe(false);
    // And the connection still works once the other is done.
    other.exec('COMMIT');
    expect((await importFile(p.db, DATA)).rowsImported).toBe(10);
  });

  it('cancel while waiting: cancelled, nothing imported', async () => {
    const controller = new AbortController();
    const err = await importFile(p.db, DATA, {
      signal: controller.signal,
      onProgress: (pr) => pr.waiting && controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCancelled);
    expect(tableCounts(p.db).imports).toBe(0);
  });

  it('an analysis saved while an import runs waits for it, saying so, and is saved', async () => {
    p.db.close();
    const backend: Backend = createBackend({ project: p.file, runAnalysis: fixtureRunner });
    try {
      const events: ApiEvent[] = [];
      backend.onEvent((e) => {
        events.push(e);
        if (e.type === 'analysis.progress' && e.message === WAITING_MESSAGE && other.inTransaction)
          other.exec('COMMIT');
      });
      const run = await backend.call('analysis.run', { jobId: 'a1', parameters: DEFAULT_ANALYSIS_PARAMETERS });
      expect(run.ok).toBe(true);
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'analysis.progress', jobId: 'a1', message: WAITING_MESSAGE }),
      );
      expect(other.prepare('SELECT count(*) FROM analysis_runs').pluck().get()).toBe(1);
    } finally {
      backend.close();
    }
  });

  it('an analysis that cannot be saved in time says so in a sentence', async () => {
    p.db.close();
    const backend = createBackend({ project: p.file, runAnalysis: fixtureRunner, lockWaitMs: 0 });
    try {
      const run = await backend.call('analysis.run', { jobId: 'a1', parameters: DEFAULT_ANALYSIS_PARAMETERS });
      expect(run).toMatchObject({ ok: false, error: { code: 'project_error' } });
      const message = (run as { error: { message: string } }).error.message;
      expect(message).toContain('another import (or an analysis being saved) is writing to this project');
      expect(message).toContain('the analysis was not saved');
      expect(message).not.toMatch(/SqliteError|database is locked|\n\s+at /);
    } finally {
      backend.close();
    }
  });
});

describe('two processes: the CLI importing into a project another process is writing to', () => {
  let p: TempProject;
  let other: Db;
  beforeEach(() => {
    p = tempProject();
    p.db.close();
    other = openProject(p.file);
    other.exec('BEGIN IMMEDIATE');
  });
  afterEach(() => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    p.cleanup();
  });

  /** Runs the CLI from source; `onLine` sees each stderr line as it comes. */
  function cli(args: string[], onLine: (line: string) => void = () => {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src/main/cli/index.ts'), ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      pending += c.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stdout, stderr })),
    );
  }

  it('waits with a progress line while the other holds the project, then imports', async () => {
    const run = await cli(['import', p.file, DATA], (line) => {
      if (line.includes(WAITING_MESSAGE) && other.inTransaction) other.exec('COMMIT');
    });
    expect(run.stderr).toContain(`${DATA}: ${WAITING_MESSAGE}…\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${DATA}: share-table, 10 rows read, 10 imported`);
    expect(other.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
  });

  it('--wait 0 fails at once with one sentence, exit 1, no stack', async () => {
    const run = await cli(['import', p.file, DATA, '--wait', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `claque: ${p.file}: another import (or an analysis being saved) is writing to this project, and it stayed busy: ` +
        `nothing was imported from ${DATA}. Try again once the other one has finished\n`,
    );
    expect(run.stdout).toBe('');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
