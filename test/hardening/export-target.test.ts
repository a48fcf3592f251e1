/**
 * No export can destroy a project (issue 16, item 1). Every door an export comes in by — the backend's call,
 * browser mode's HTTP API, the desktop save dialog, `claque analyze --out` — is pointed at the open project,
 * its -wal/-shm/-journal, the same file under other names (a symlink, a hard link, a symlinked folder, another
 * case) and at other SQLite files: each is refused in plain words (HTTP 409, no stack) and every byte of those
 * files stays as it was. And an export that does go through replaces its target in one rename: a reader of the
 * old file keeps the old content, and a write that fails half way leaves the old file and no temporary behind.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  closeSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand, type ShellContext } from '../../src/main/app/commands';
import { writeOutputs } from '../../src/main/analysis/write-outputs';
import { runCli } from '../../src/main/cli/run-cli';
import { ExportError, writeExportFile } from '../../src/main/export/safe-write';
import { createBackend, type AnalysisRunner, type Backend } from '../../src/main/server/backend';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../src/main/server/http-server';
import { openProject } from '../../src/main/store/project';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS, type Channel, type ExportOutcome } from '../../src/shared/api/contract';
import { memoryIo, REPO } from '../import/helpers';

// commands.ts shows the native save dialog; this stands in for it and answers with the path a test chooses.
const electron = vi.hoisted(() => ({
  chosen: '',
  errors: [] as [string, string][],
}));
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: async () => ({ canceled: false, filePath: electron.chosen }),
    showErrorBox: (title: string, message: string) => void electron.errors.push([title, message]),
  },
}));

const FIXTURE = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;
const fixtureRunner: AnalysisRunner = async (_db, parameters) => ({
  ...FIXTURE,
  summary: { ...FIXTURE.summary, parameters },
});
const DATA = join(REPO, 'test/fixtures/twitter/twitter_v2_flat.jsonl');

const sha = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null);

describe('export targets', () => {
  let dir: string;
  let project: string;
  let other: string;
  let otherClaque: string;
  let backend: Backend;
  let server: RunningServer;
  /** The files no refused export may change, with their hashes. */
  let guarded: Record<string, string | null>;
  /** Each path that names the open project or one of SQLite's files beside it, and why. */
  let targets: [string, string][];

  const exportTo = (channel: Channel, file: string) =>
    backend.call(
      channel,
      channel === 'export.csv'
        ? { table: 'accounts', file }
        : channel === 'export.report'
          ? { community: FIXTURE.communities[0].id, file }
          : { file },
    );
  const http = (channel: string, body: unknown) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      const text = JSON.stringify(body);
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/${channel}`,
          method: 'POST',
          headers: {
            host: `127.0.0.1:${server.port}`,
            [TOKEN_HEADER]: server.token,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          },
        },
        (res) => {
          let out = '';
          res.on('data', (c) => (out += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: out }));
        },
      );
      req.on('error', fail);
      req.end(text);
    });
  const expectGuardedUnchanged = () => {
    for (const [file, hash] of Object.entries(guarded)) expect(sha(file), file).toBe(hash);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claque-export-target-'));
    project = join(dir, 'case.claque');
    backend = createBackend({ project, create: true, runAnalysis: fixtureRunner });
    expect((await backend.call('import.run', { jobId: 'seed', file: DATA })).ok).toBe(true);
    expect((await backend.call('analysis.run', { jobId: 'a', parameters: DEFAULT_ANALYSIS_PARAMETERS })).ok).toBe(true);
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    server = await startServer({ backend, rendererDir: renderer });

    // Another program's database, and another (closed) Claque project, under names an export might choose.
    other = join(dir, 'contacts.csv');
    const o = new Database(other);
    o.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('ada')");
    o.close();
    otherClaque = join(dir, 'earlier.gexf');
    openProject(otherClaque).close();

    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(project, join(elsewhere, 'link-to-project.gexf'));
    linkSync(project, join(elsewhere, 'hard-link.csv'));
    symlinkSync(dir, join(dir, 'same-folder'));
    targets = [
      [project, 'the open project'],
      [`${project}-wal`, 'its write-ahead log'],
      [`${project}-shm`, 'its shared-memory index'],
      [`${project}-journal`, 'its rollback journal (not there now)'],
      [join(elsewhere, 'link-to-project.gexf'), 'a symlink to it'],
      [join(elsewhere, 'hard-link.csv'), 'a hard link to it'],
      [join(dir, 'same-folder', 'case.claque'), 'it through a symlinked folder'],
      [join(dir, 'same-folder', 'case.claque-wal'), 'its log through a symlinked folder'],
      [join(dir, 'CASE.claque'), 'it in other case (one file on a case-insensitive disk)'],
      [other, "another program's SQLite database"],
      [otherClaque, 'another Claque project'],
      [`${other}-journal`, "the journal of another program's database"],
    ];
    expect(existsSync(`${project}-wal`) && existsSync(`${project}-shm`)).toBe(true);
    guarded = Object.fromEntries(
      [project, `${project}-wal`, `${project}-journal`, other, otherClaque, `${other}-journal`].map((f) => [f, sha(f)]),
    );
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the backend refuses every export whose target is the project, a name for it, or an SQLite file', async () => {
    for (const channel of ['export.gexf', 'export.csv', 'export.report'] as const) {
      for (const [file, what] of targets) {
        const r = await exportTo(channel, file);
        expect(r.ok, `${channel} over ${what} was accepted`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${channel} over ${what}: ${r.error.message}`).toBe('export_refused');
          expect(r.error.message).toMatch(/refusing to export over/);
          expect(r.error.message.startsWith(file), r.error.message).toBe(true);
        }
      }
    }
    expectGuardedUnchanged();
    expect(existsSync(`${project}-journal`)).toBe(false);
    // The project still answers, with its data.
    const info = await backend.call('project.info', {});
    expect(info.ok && (info.value as { info: { counts: { accounts: number } } }).info.counts.accounts).toBeGreaterThan(
      0,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('says which file it protects: the open project by name', async () => {
    const r = await exportTo('export.gexf', project);
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining(`refusing to export over the open project ${project}`) },
    });
    const wal = await exportTo('export.csv', `${project}-wal`);
    expect(!wal.ok && wal.error.message).toMatch(/case\.claque-wal, which SQLite keeps beside the open project/);
  });

  it('browser mode answers 409 with the sentence and no stack trace', async () => {
    for (const [file, what] of targets.slice(0, 4)) {
      const r = await http('export.gexf', { file });
      expect(r.status, what).toBe(409);
      const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'export_refused' } });
      expect(body.error.message).not.toMatch(/\n\s+at |Error:/);
    }
    const csv = await http('export.csv', { table: 'edges', file: other });
    expect(csv.status).toBe(409);
    expectGuardedUnchanged();
  });

  it('the desktop save dialog reaches the same refusal and shows it', async () => {
    const ctx: ShellContext = {
      window: () => null,
      backend,
      recents: { list: () => [], add: () => [], remove: () => [], clear: () => {} },
      demo: () => null,
      refreshMenu: () => {},
      send: () => {},
    };
    for (const what of ['gexf', 'accounts'] as const) {
      electron.chosen = project;
      electron.errors.length = 0;
      await runCommand(ctx, { kind: 'export', what });
      expect(electron.errors).toEqual([
        ['Export failed', expect.stringContaining('refusing to export over the open project')],
      ]);
    }
    expectGuardedUnchanged();
  });

  it('an export replaces its target by rename: the old file is never truncated in place', async () => {
    const target = join(dir, 'accounts.csv');
    writeFileSync(target, 'old content\n');
    const before = statSync(target);
    // A reader that has the old file open (a spreadsheet, a sync client) keeps reading the old bytes.
    const fd = openSync(target, 'r');
    try {
      const r = await exportTo('export.csv', target);
      expect(r.ok).toBe(true);
      const outcome = (r.ok ? r.value : null) as ExportOutcome;
      expect(readFileSync(target, 'utf8')).toBe(outcome.content);
      expect(statSync(target).ino).not.toBe(before.ino);
      const old = Buffer.alloc(64);
      const n = readSync(fd, old, 0, 64, 0);
      expect(old.subarray(0, n).toString('utf8')).toBe('old content\n');
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('an export that fails half way leaves the old file whole and no temporary file', () => {
    const target = join(dir, 'half.gexf');
    writeFileSync(target, 'the previous export\n');
    expect(() =>
      writeExportFile(target, (write) => {
        // Past the writer's 1 MiB buffer, so bytes really reach the temporary file before the failure.
        for (let i = 0; i < 40; i++) write('x'.repeat(64 * 1024));
        throw new Error('the producer failed');
      }),
    ).toThrow(ExportError);
    expect(readFileSync(target, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(dir).filter((f) => f.includes('half.gexf') && f !== 'half.gexf')).toEqual([]);
  });

  it('a symlinked export target stays a link, and the file it points to gets the export', () => {
    const real = join(dir, 'real.csv');
    writeFileSync(real, 'old\n');
    const link = join(dir, 'link.csv');
    symlinkSync(real, link);
    expect(writeExportFile(link, 'new\n')).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(readFileSync(link, 'utf8')).toBe('new\n');
  });

  it('`claque analyze --out` never writes an output over the project or another database', async () => {
    const out = join(dir, 'cli-out');
    mkdirSync(out);
    // A project that happens to carry an output's name, analysed into its own folder.
    const named = join(out, 'graph.gexf');
    const db = openProject(named);
    db.close();
    expect((await runCli(['import', named, DATA], memoryIo())) === 0).toBe(true);
    const before = sha(named);
    const io = memoryIo();
    expect(await runCli(['analyze', named, '--out', out], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/graph\.gexf: refusing to export over the open project/);
    expect(io.stderr.join('')).not.toMatch(/\n\s+at /);
    expect(sha(named)).toBe(before);

    // And writeOutputs itself, with an SQLite file where summary.json goes.
    const out2 = join(dir, 'outputs');
    mkdirSync(out2);
    const stray = new Database(join(out2, 'summary.json'));
    stray.exec('CREATE TABLE t (x)');
    stray.close();
    const strayHash = sha(join(out2, 'summary.json'));
    await expect(writeOutputs(out2, FIXTURE, { gexfWorker: 'never' })).rejects.toThrow(
      /summary\.json: is an SQLite database .*refusing to export over it/,
    );
    expect(sha(join(out2, 'summary.json'))).toBe(strayHash);
    expect(readdirSync(out2).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
