/**
 * Hostile payloads over every channel of the contract (iterated from CHANNELS and the schemas' own shapes, so a
 * new channel or field is attacked without touching this file), through the three doors a request can come in
 * by: the backend's `call`, the Electron IPC handlers of src/main/app/ipc.ts (with a fake ipcMain, and senders
 * that are not our page), and browser mode's HTTP API (with and without the token, and bodies over the limit).
 * Every one must end in a typed refusal, with no crash, no change to the project or the files beside it, and
 * Object.prototype untouched.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { registerIpc } from '../../src/main/app/ipc';
import { createBackend, type AnalysisRunner, type Backend } from '../../src/main/server/backend';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../src/main/server/http-server';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import {
  CHANNELS,
  DEFAULT_ANALYSIS_PARAMETERS,
  parseRequest,
  REQUEST_SCHEMAS,
  type Channel,
  type Envelope,
  type RequestOf,
} from '../../src/shared/api/contract';
import { REPO } from '../import/helpers';

// ipc.ts imports ipcMain from electron; this stands in for it and keeps the registered handlers.
const ipc = vi.hoisted(() => {
  type Handler = (event: unknown, payload: unknown) => Promise<unknown>;
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    ipcMain: {
      handle(channel: string, handler: Handler) {
        if (handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        handlers.delete(channel);
      },
    },
  };
});
vi.mock('electron', () => ({ ipcMain: ipc.ipcMain }));

const FIXTURE = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;
const fixtureRunner: AnalysisRunner = async (_db, parameters) => ({
  ...FIXTURE,
  summary: { ...FIXTURE.summary, parameters },
});
const DATA = join(REPO, 'test/fixtures/twitter/twitter_v2_flat.jsonl');

const MB = 1024 * 1024;
const HUGE = 'x'.repeat(10 * MB);
const DEPTH = 100_000;

/** `{"a":{"a":…1…}}`, DEPTH levels: deeper than any recursive walker's stack would survive. */
function deepObject(): unknown {
  let v: unknown = 1;
  for (let i = 0; i < DEPTH; i++) v = { a: v };
  return v;
}
const DEEP = deepObject();
const DEEP_JSON = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

/** Keys that pollute Object.prototype when a careless merge copies them; JSON.parse makes them own keys. */
const PROTO_KEYS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
].map((json) => JSON.parse(json) as Record<string, unknown>);

interface Attack {
  what: string;
  payload: unknown;
  /** The JSON text to send over HTTP where JSON.stringify cannot write the payload (too deep). */
  json?: string;
}

type Shape = Record<string, z.ZodType>;
const shapeOf = (schema: z.ZodType): Shape | null => (schema instanceof z.ZodObject ? (schema.shape as Shape) : null);

/** Values of the wrong kind for a field whose valid value is `v`: each is refused by any schema of that kind. */
function wrongValues(key: string, v: unknown): Attack[] {
  const common: Attack[] = [
    { what: 'null', payload: null },
    { what: 'an array', payload: [] },
    { what: `${DEPTH}-deep object`, payload: DEEP, json: DEEP_JSON },
    ...PROTO_KEYS.map((p) => ({ what: `object ${JSON.stringify(p)}`, payload: p })),
  ];
  if (typeof v === 'string') {
    const out: Attack[] = [
      ...common,
      { what: 'a number', payload: 7 },
      { what: 'a boolean', payload: true },
      { what: 'an object', payload: {} },
      { what: '10 MB string', payload: HUGE },
    ];
    if (key === 'file') {
      out.push(
        { what: 'relative path up', payload: '../../../../etc/passwd' },
        { what: 'absolute path with ..', payload: `${tmpdir()}/../etc/passwd` },
        { what: 'Windows path with ..', payload: 'C:\\Users\\me\\..\\..\\Windows\\win.ini' },
        { what: 'NUL byte', payload: `${tmpdir()}/a.claque\0.csv` },
        { what: 'path over 4096 chars', payload: `/${'a'.repeat(5000)}` },
      );
    }
    if (key === 'jobId') out.push({ what: 'job id with path', payload: '../../x' });
    return out;
  }
  if (typeof v === 'number') {
    return [
      ...common,
      { what: 'a numeric string', payload: String(v) },
      { what: 'a boolean', payload: true },
      { what: 'an object', payload: {} },
      { what: 'NaN', payload: NaN, json: 'null' },
      { what: 'Infinity', payload: Infinity, json: '1e400' },
      { what: '-Infinity', payload: -Infinity, json: '-1e400' },
      { what: '2^53 + 2', payload: 2 ** 53 + 2 },
      { what: '-1e308', payload: -1e308 },
      { what: '1e308', payload: 1e308 },
    ];
  }
  if (typeof v === 'boolean') {
    return [
      ...common,
      { what: "'true'", payload: 'true' },
      { what: '1', payload: 1 },
      { what: 'an object', payload: {} },
    ];
  }
  if (Array.isArray(v)) {
    return [
      ...common.filter((a) => a.what !== 'an array'),
      { what: 'a string', payload: 'a' },
      { what: 'a number', payload: 7 },
      { what: 'an object', payload: {} },
      { what: '[null]', payload: [null] },
      { what: '[7]', payload: [7] },
      { what: '100k items', payload: new Array<unknown>(100_000).fill(v[0]) },
      { what: '[10 MB string]', payload: [HUGE] },
    ];
  }
  // An object: a record (mapping) or a nested schema (parameters).
  return [
    ...common,
    { what: 'a string', payload: 'a' },
    { what: 'a number', payload: 7 },
    { what: 'record with a 10 MB value', payload: { a: HUGE } },
    { what: 'record with a 1 kB key', payload: { ['k'.repeat(1024)]: 'v' } },
    { what: 'record with a non-string value', payload: { a: 7 } },
  ];
}

/**
 * Every attack on one channel, derived from its schema: the payload as a whole, then each field (missing when
 * required, of the wrong kind, out of range), then each field of a nested object the same way.
 */
function attacks(channel: Channel, valid: Record<string, unknown>): Attack[] {
  const out: Attack[] = [
    { what: 'a number', payload: 42 },
    { what: 'a string', payload: channel },
    { what: 'true', payload: true },
    { what: 'an array', payload: [] },
    { what: 'the valid request in an array', payload: [valid] },
    // JSON has no NaN; over HTTP the closest is a number that overflows to Infinity.
    { what: 'NaN', payload: NaN, json: '1e400' },
    { what: `${DEPTH}-deep object`, payload: DEEP, json: DEEP_JSON },
    { what: 'an extra field', payload: { ...valid, extra: 1 } },
    { what: 'an extra 10 MB field', payload: { ...valid, [HUGE.slice(0, 1000)]: HUGE } },
    ...PROTO_KEYS.map((p) => ({ what: `extra key ${Object.keys(p)[0]}`, payload: { ...valid, ...p } })),
    ...PROTO_KEYS.map((p) => ({ what: `only ${JSON.stringify(p)}`, payload: p })),
  ];
  const fields = (prefix: string, shape: Shape, base: Record<string, unknown>, set: (v: unknown) => unknown) => {
    for (const [key, schema] of Object.entries(shape)) {
      const v = base[key];
      const at = (value: unknown) => set({ ...base, [key]: value });
      if (!schema.safeParse(undefined).success) {
        const { [key]: _dropped, ...rest } = base;
        out.push({ what: `${prefix}${key} missing`, payload: set(rest) });
      }
      for (const a of wrongValues(key, v)) {
        out.push({
          what: `${prefix}${key}: ${a.what}`,
          payload: at(a.payload),
          json:
            a.json === undefined
              ? undefined
              : JSON.stringify(at('\u0000MARK\u0000')).replace('"\\u0000MARK\\u0000"', a.json),
        });
      }
      const inner = shapeOf(schema);
      if (inner && v && typeof v === 'object' && !Array.isArray(v)) {
        const nested = v as Record<string, unknown>;
        out.push({ what: `${prefix}${key}: an extra field`, payload: at({ ...nested, extra: 1 }) });
        for (const p of PROTO_KEYS)
          out.push({ what: `${prefix}${key}: extra ${Object.keys(p)[0]}`, payload: at({ ...nested, ...p }) });
        fields(`${prefix}${key}.`, inner, nested, (n) => set({ ...base, [key]: n }));
      }
    }
  };
  const shape = shapeOf(REQUEST_SCHEMAS[channel]);
  if (shape) fields('', shape, valid, (p) => p);
  return out;
}

describe('hostile payloads over every channel', () => {
  let dir: string;
  let backend: Backend;
  let calls = 0;
  /** Every field filled in (optional ones too), so that every field gets attacked. Checked valid below. */
  let valid: { [K in Channel]: RequestOf<K> };
  let before: string;

  const snapshot = async () => {
    const info = await backend.call('project.info', {});
    const analysis = await backend.call('analysis.get', {});
    return JSON.stringify({
      info,
      summary: analysis.ok ? (analysis.value as AnalysisOutput | null)?.summary : analysis,
      files: readdirSync(dir).sort(),
    });
  };
  const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const expectUnpolluted = () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  };
  const expectRefused = (envelope: Envelope<unknown>, channel: string, what: string) => {
    expect(envelope.ok, `${channel} with ${what} was accepted`).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code, `${channel} with ${what}: ${envelope.error.message}`).toBe('invalid_request');
      expect(envelope.error.message.length).toBeLessThan(20_000); // the error does not echo a 10 MB value
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claque-ipc-'));
    const real = createBackend({ project: join(dir, 'p.claque'), create: true, runAnalysis: fixtureRunner });
    // Counts the calls that reach the backend, to prove refused IPC senders never get there.
    backend = { ...real, call: (c, p) => (calls++, real.call(c, p)) };
    const imported = await backend.call('import.run', { jobId: 'seed', file: DATA });
    expect(imported.ok).toBe(true);
    const analysed = await backend.call('analysis.run', { jobId: 'a', parameters: DEFAULT_ANALYSIS_PARAMETERS });
    expect(analysed.ok).toBe(true);
    valid = {
      'project.open': { file: join(dir, 'p.claque') },
      'project.create': { file: join(dir, 'new.claque') },
      'project.info': {},
      'import.detect': { file: DATA },
      'import.run': {
        jobId: 'j1',
        file: DATA,
        format: 'twitter-v2',
        mapping: { account_id: 'user' },
        platform: 'twitter',
        strict: true,
        timeZone: 'Europe/Paris',
      },
      'job.cancel': { jobId: 'j1' },
      'analysis.run': {
        jobId: 'a2',
        parameters: {
          graph: 'coaction',
          kinds: ['retweet'],
          targets: ['page', 'account'],
          coaction: 'retweet',
          windowSeconds: 60,
          autoWindow: false,
          from: 1_600_000_000,
          to: 1_700_000_000,
          minParticipation: 2,
          minWeight: 1,
          resolution: 1,
          seed: 42,
        },
      },
      'analysis.get': {},
      'export.gexf': { file: join(dir, 'out.gexf'), view: 'AA==' },
      'export.csv': { table: 'accounts', file: join(dir, 'out.csv') },
      'export.report': { community: FIXTURE.communities[0].id, file: join(dir, 'report.html') },
      'account.get': { accountId: '301', platform: 'twitter', postsOffset: 0, postsLimit: 10, tiesLimit: 10 },
      'cascade.get': { rootPostId: '1460000000000000000', maxNodes: 10 },
      'timeline.get': { kind: 'hashtag', terms: ['flat'], limit: 5 },
      'community.get': { community: FIXTURE.communities[0].id },
      'thread.get': { postId: '1460000000000000000', platform: 'twitter', community: 0, limit: 10 },
    };
    before = await snapshot();
  }, 120_000);
  afterAll(() => {
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a valid, complete example for every channel, so each attack differs from a valid call by one thing', () => {
    expect(Object.keys(valid).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(parseRequest(channel, valid[channel]).ok, channel).toBe(true);
      const shape = shapeOf(REQUEST_SCHEMAS[channel]);
      expect(shape, `${channel}'s schema is an object`).not.toBeNull();
      // Every field, optional or not, has a valid value to attack.
      expect(Object.keys(valid[channel]).sort(), channel).toEqual(Object.keys(shape!).sort());
    }
  });

  it('the backend refuses each attack with invalid_request and changes nothing', async () => {
    let n = 0;
    for (const channel of CHANNELS) {
      for (const a of attacks(channel, valid[channel])) {
        expectRefused(await backend.call(channel, a.payload), channel, a.what);
        n++;
      }
      // No payload at all is a request with no fields: refused where the channel needs one. `null` is a payload,
      // not an empty request, and is refused everywhere (issue 16).
      const r = await backend.call(channel, undefined);
      if (parseRequest(channel, {}).ok) expect(r.ok || r.error.code !== 'invalid_request').toBe(true);
      else expectRefused(r, channel, 'undefined');
      expectRefused(await backend.call(channel, null), channel, 'null');
    }
    expect(n).toBeGreaterThan(CHANNELS.length * 20);
    expect(await snapshot()).toBe(before);
    expectUnpolluted();
  });

  it('the backend refuses channels outside the contract, prototype names included', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'shell.exec', '', 'project.info ']) {
      expect(await backend.call(name, {}), name).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(await snapshot()).toBe(before);
    expectUnpolluted();
  });

  describe('Electron IPC handlers (src/main/app/ipc.ts) with a fake ipcMain', () => {
    const page = 'file:///opt/Claque/resources/app.asar/out/renderer/index.html';
    const contents = { isDestroyed: () => false, send: () => undefined };
    const win = { webContents: contents, isDestroyed: () => false } as unknown as BrowserWindow;
    const event = (over: { sender?: unknown; url?: string; parent?: unknown; frame?: null }) => ({
      sender: over.sender ?? contents,
      senderFrame: over.frame === null ? null : { url: over.url ?? page, parent: over.parent ?? null },
    });
    let unregister: () => void;
    const invoke = (channel: string, ev: unknown, payload: unknown) =>
      ipc.handlers.get(channel)!(ev, payload) as Promise<Envelope<unknown>>;

    beforeAll(() => {
      delete process.env.ELECTRON_RENDERER_URL;
      unregister = registerIpc(win, backend);
    });
    afterAll(() => unregister());

    it('registers exactly the contract channels', () => {
      expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    });

    it('refuses every channel from a sender that is not our page, before the backend sees it', async () => {
      const untrusted: [string, unknown][] = [
        ['another window', event({ sender: { isDestroyed: () => false } })],
        ['an iframe in our window', event({ parent: { url: page } })],
        ['a destroyed frame', event({ frame: null })],
        ['a web page the window was navigated to', event({ url: 'https://evil.example/renderer/index.html' })],
        ['another local file', event({ url: 'file:///home/u/Downloads/evil.html' })],
        ['a local file naming our page in its query', event({ url: 'file:///home/u/evil.html?/renderer/index.html' })],
        ['a local file naming our page in its hash', event({ url: 'file:///home/u/evil.html#/renderer/index.html' })],
        ['a data: URL', event({ url: 'data:text/html,<script>1</script>/renderer/index.html' })],
      ];
      const reached = calls;
      for (const channel of CHANNELS) {
        for (const [what, ev] of untrusted) {
          const r = await invoke(channel, ev, valid[channel]);
          expect(r.ok, `${channel} from ${what}`).toBe(false);
          if (!r.ok) expect(r.error.message).toContain('untrusted');
        }
      }
      expect(calls).toBe(reached);
      // Our page is served by the dev server in development; its look-alikes are refused.
      process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
      try {
        for (const url of [
          'http://localhost:5173.evil.example/',
          'http://localhost:51730/',
          'http://evil/?http://localhost:5173/',
        ])
          expect((await invoke('project.info', event({ url }), {})).ok, url).toBe(false);
        expect((await invoke('project.info', event({ url: 'http://localhost:5173/' }), {})).ok).toBe(true);
      } finally {
        delete process.env.ELECTRON_RENDERER_URL;
      }
      expect(await snapshot()).toBe(before);
    });

    it('hands our page’s calls to the validating backend: every attack refused, nothing changed', async () => {
      expect((await invoke('project.info', event({}), {})).ok).toBe(true);
      for (const channel of CHANNELS) {
        for (const a of attacks(channel, valid[channel]))
          expectRefused(await invoke(channel, event({}), a.payload), channel, a.what);
      }
      expect(await snapshot()).toBe(before);
      expectUnpolluted();
    });
  });

  describe('browser mode’s HTTP API', () => {
    let server: RunningServer;
    let rendererDir: string;

    /** A raw POST, so odd bodies and headers go out exactly as written. */
    const post = (
      path: string,
      body: string | Buffer,
      headers: Record<string, string | number> = {},
    ): Promise<{ status: number; body: string }> =>
      new Promise((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path,
            method: 'POST',
            headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
            res.on('error', fail);
          },
        );
        // The server may answer and close before reading all of an oversized body.
        req.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') fail(err);
        });
        req.end(body);
      });
    const withToken = () => ({ [TOKEN_HEADER]: server.token });
    const jsonOf = (a: Attack) => a.json ?? JSON.stringify(a.payload) ?? '';

    beforeAll(async () => {
      rendererDir = mkdtempSync(join(tmpdir(), 'claque-ipc-renderer-'));
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
      server = await startServer({ backend, rendererDir });
    });
    afterAll(async () => {
      await server?.close();
      rmSync(rendererDir, { recursive: true, force: true });
    });

    it('refuses every channel without the token, with any payload, before reading it', async () => {
      const reached = calls;
      for (const channel of CHANNELS) {
        for (const headers of [{}, { [TOKEN_HEADER]: 'wrong' }, { cookie: 'claque_token=wrong' }] as Record<
          string,
          string
        >[]) {
          const r = await post(`/api/${channel}`, JSON.stringify(valid[channel]), headers);
          expect(r.status, `${channel} ${JSON.stringify(headers)}`).toBe(403);
        }
        // A huge body without the token is refused just the same (and not buffered to find out).
        expect((await post(`/api/${channel}`, HUGE)).status).toBe(403);
      }
      expect(calls).toBe(reached);
      expect(await snapshot()).toBe(before);
    });

    it('answers each attack with 400 invalid_request, or 413 when the body is over 1 MiB', async () => {
      for (const channel of CHANNELS) {
        for (const a of attacks(channel, valid[channel])) {
          const body = jsonOf(a);
          const r = await post(`/api/${channel}`, body, withToken());
          if (Buffer.byteLength(body) > MB) {
            expect(r.status, `${channel} with ${a.what}`).toBe(413);
          } else {
            expect(r.status, `${channel} with ${a.what}: ${r.body.slice(0, 300)}`).toBe(400);
            expectRefused(JSON.parse(r.body) as Envelope<unknown>, channel, a.what);
          }
        }
      }
      expect(await snapshot()).toBe(before);
      expectUnpolluted();
    }, 120_000);

    it('refuses JSON that is not JSON, and numbers JSON can only spell as overflow', async () => {
      for (const body of ['NaN', '{"community": NaN}', '{"community": Infinity}', '{"a":', '\u0000', '[]]']) {
        expect((await post('/api/community.get', body, withToken())).status, body).toBe(400);
      }
      // JSON.parse reads these as ±Infinity.
      for (const body of ['{"community": 1e400}', '{"community": -1e400}']) {
        const r = await post('/api/community.get', body, withToken());
        expect(r.status, body).toBe(400);
      }
      expect(await snapshot()).toBe(before);
    });

    it('refuses an oversized body by its declared length, without waiting for (or buffering) it', async () => {
      // Declares 100 MB but sends 64 kB and keeps the request open: only an early refusal can answer this (a
      // server that waited for the body would never answer, and the test would time out).
      const r = await new Promise<number>((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/project.open',
            method: 'POST',
            headers: {
              host: `127.0.0.1:${server.port}`,
              'content-type': 'application/json',
              'content-length': 100 * MB,
              ...withToken(),
            },
          },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') fail(err);
        });
        req.write(Buffer.alloc(64 * 1024, 0x20));
      });
      expect(r).toBe(413);
    });

    it('refuses a chunked body once it passes 1 MiB, and answers 413 instead of dropping the connection', async () => {
      const r = await new Promise<{ status: number; sent: number }>((done, fail) => {
        let sent = 0;
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/project.open',
            method: 'POST',
            headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...withToken() },
          },
          (res) => {
            res.resume();
            done({ status: res.statusCode ?? 0, sent });
            req.destroy();
          },
        );
        req.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') fail(err);
        });
        // 256 kB at a time, up to 64 MB, as long as the server has not answered.
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        const pump = () => {
          while (sent < 64 * MB && !req.destroyed) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          if (!req.destroyed) req.end();
        };
        pump();
      });
      expect(r.status).toBe(413);
      // The server stopped reading soon after the limit: far from all 64 MB went out.
      expect(r.sent).toBeLessThan(32 * MB);
      expect(await snapshot()).toBe(before);
    });
  });
});
