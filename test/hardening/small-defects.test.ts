/**
 * The small defects of issue 16, item 10, each as found from outside: a path with a malformed %-escape, an API
 * body of `null`, another program's SQLite file opened as a project, a full disk during an import, and
 * account ids that differ only by leading zeros.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIoArchive } from '../../bench/gen-io-archive';
import { runCli } from '../../src/main/cli/run-cli';
import { importFile } from '../../src/main/import/run-import';
import { createBackend, type Backend } from '../../src/main/server/backend';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../src/main/server/http-server';
import { openProject, ProjectError } from '../../src/main/store/project';
import type { ImportOutcome } from '../../src/shared/api/contract';
import { memoryIo, tableCounts } from '../import/helpers';

const notUsed = async (): Promise<never> => {
  throw new Error('no analysis in these tests');
};
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claque-small-defects-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: malformed paths and a null body', () => {
  let backend: Backend;
  let server: RunningServer;
  const raw = (path: string, method = 'GET', body?: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, [TOKEN_HEADER]: server.token };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', fail);
      req.end(body);
    });

  beforeAll(async () => {
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    backend = createBackend({ project: join(dir, 'http.claque'), create: true, runAnalysis: notUsed });
    server = await startServer({ backend, rendererDir: renderer });
  });
  afterAll(async () => {
    await server?.close();
    backend?.close();
  });

  it('answers 400, not 500, for a path whose %-escape does not decode', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AF']) {
      const r = await raw(path);
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(r.body).toMatch(/malformed %-escape/);
    }
    expect((await raw('/')).status).toBe(200); // and the page itself still serves
  });

  it('refuses an API body of null with 400, saying an object was expected', async () => {
    const r = await raw('/api/project.info', 'POST', 'null');
    expect(r.status).toBe(400);
    const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(body.error.message).toMatch(/^project\.info: .*expected an object/);
    // The same through the backend's own door (IPC); no payload at all is still an empty request.
    expect(await backend.call('analysis.get', null)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((await backend.call('project.info', undefined)).ok).toBe(true);
    expect((await raw('/api/project.info', 'POST', '{}')).status).toBe(200);
  });
});

describe("another program's SQLite file", () => {
  /** A database in rollback-journal mode, as most programs leave theirs, with `user_version` as given. */
  const foreign = (name: string, userVersion: number) => {
    const file = join(dir, name);
    const db = new Database(file);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
    db.pragma(`user_version = ${userVersion}`);
    db.close();
    return file;
  };

  it('is refused without a byte of it changing: not switched to WAL, not migrated', async () => {
    for (const [name, version, why] of [
      ['notes.sqlite', 0, /is an SQLite database but not a Claque project/],
      // A program that also numbers its schema in user_version: once read as an old Claque project and migrated.
      [
        'app-v1.db',
        1,
        /not a Claque project \(schema 1 but no accounts, imports, posts, interactions, follows table\)/,
      ],
    ] as const) {
      const file = foreign(name, version);
      const before = sha(file);
      expect(readFileSync(file)[18]).toBe(1); // file format 1: rollback journal (2 would be WAL)
      expect(() => openProject(file)).toThrow(ProjectError);
      expect(() => openProject(file, { create: false })).toThrow(why);
      const backend = createBackend({ runAnalysis: notUsed });
      try {
        expect(await backend.call('project.open', { file })).toMatchObject({
          ok: false,
          error: { code: 'project_error', message: expect.stringMatching(why) },
        });
      } finally {
        backend.close();
      }
      expect(sha(file), name).toBe(before);
      expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`), name).toBe(false);
    }
  });

  it('while a Claque project, an empty database and a new file still open for writing', () => {
    const made = join(dir, 'made.claque');
    openProject(made).close();
    const again = openProject(made, { create: false });
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    again.close();
    const empty = join(dir, 'empty.claque');
    new Database(empty).close();
    openProject(empty).close();
    writeFileSync(join(dir, 'zero.claque'), '');
    openProject(join(dir, 'zero.claque')).close();
  });
});

describe('a full disk during an import', () => {
  let input: string;
  beforeAll(async () => {
    input = join(dir, 'io_tweets.csv');
    await generateIoArchive(input, { rows: 4000, seed: 7 });
  });

  /** Lets the project grow by a few pages only: SQLite then answers SQLITE_FULL, as on a full disk. */
  const capped = (db: ReturnType<typeof openProject>) => {
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 8}`);
  };

  it('names the project and the full disk, not the input file, and leaves the project as it was', async () => {
    const file = join(dir, 'full.claque');
    const db = openProject(file);
    try {
      const before = tableCounts(db);
      capped(db);
      const err = await importFile(db, input).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(ProjectError);
      expect(err!.message.startsWith(`${file}: the disk is full`), err!.message).toBe(true);
      expect(err!.message).toContain(`while importing ${input}`);
      expect(err!.message).toContain(`Free some space on the disk that holds ${dir}`);
      expect(err!.message).not.toMatch(/^.*io_tweets\.csv: /);
      expect(tableCounts(db)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('reaches the app as a project error with the same sentence', async () => {
    const file = join(dir, 'full-app.claque');
    const backend = createBackend({
      project: file,
      create: true,
      runAnalysis: notUsed,
      runImport: (db, f, options) => (capped(db), importFile(db, f, options)),
    });
    try {
      const r = await backend.call('import.run', { jobId: 'full', file: input });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'project_error', message: expect.stringContaining(`${file}: the disk is full`) },
      });
    } finally {
      backend.close();
    }
  });
});

describe('ids that differ only by leading zeros', () => {
  const edges = (name: string, rows: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, ['source,target,kind,weight', ...rows].join('\n') + '\n');
    return file;
  };

  it('are kept apart, counted and named in the import result and the CLI summary', async () => {
    const file = join(dir, 'zeros.claque');
    const first = edges('zeros-1.csv', [
      '00123,555,retweet,1',
      '123,555,retweet,1',
      '0123,777,mention,1',
      '42,7,edge,1',
    ]);
    const io = memoryIo();
    expect(await runCli(['import', file, first], io)).toBe(0);
    const out = io.stdout.join('');
    expect(out).toMatch(
      /zeros-1\.csv: warning: 3 account ids differ from another only by leading zeros \(e\.g\. "00123" and "0123" and "123"\) and are kept as separate accounts/,
    );

    const db = openProject(file, { create: false });
    try {
      const ids = db.prepare('SELECT ext_id FROM accounts ORDER BY ext_id').pluck().all();
      expect(ids).toEqual(['00123', '0123', '123', '42', '555', '7', '777']);
      // A second file: one more padded id of 555 is a new group member; ids met before say nothing more.
      const second = edges('zeros-2.csv', ['0555,42,retweet,1', '00123,7,retweet,1']);
      const r = await importFile(db, second);
      expect(r.leadingZeroIds).toMatchObject({ accounts: 2, groups: 1, example: ['0555', '555'] });
      const again = await importFile(db, edges('zeros-3.csv', ['0555,123,retweet,1', '9,10,edge,1']));
      expect(again.leadingZeroIds).toBeNull();
    } finally {
      db.close();
    }
  });

  it('reach the app in the import outcome', async () => {
    const backend = createBackend({ project: join(dir, 'zeros-app.claque'), create: true, runAnalysis: notUsed });
    try {
      const r = await backend.call('import.run', { jobId: 'z', file: edges('zeros-app.csv', ['007,7,edge,1']) });
      expect(r.ok).toBe(true);
      const outcome = (r.ok ? r.value : null) as ImportOutcome;
      expect(outcome.leadingZeroIds).toMatchObject({ accounts: 2, groups: 1, example: ['007', '7'] });
      expect(outcome.leadingZeroIds?.message).toMatch(/^2 account ids differ from another only by leading zeros/);
    } finally {
      backend.close();
    }
  });
});
