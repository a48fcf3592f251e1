import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from './backend';
import { startServer, TOKEN_HEADER, type RunningServer } from './http-server';
import { safeUploadName } from './upload';
import { tempDir } from '../../../test/helpers/temp-dir';

function post(port: number, path: string, headers: Record<string, string>, body: Buffer | string) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const CSV = 'object_id,account_id,content_id,timestamp_share\no1,a1,c1,1600000000\no1,a2,c2,1600000005\n';

describe('browser-mode upload', () => {
  let dir: string;
  let backend: Backend;
  let server: RunningServer;
  const headers = (extra: Record<string, string> = {}) => ({
    host: `127.0.0.1:${server.port}`,
    [TOKEN_HEADER]: server.token,
    'content-type': 'application/octet-stream',
    ...extra,
  });

  beforeAll(async () => {
    dir = tempDir('claque-upload-');
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    backend = createBackend({
      project: join(dir, 'p.claque'),
      create: true,
      runAnalysis: () => Promise.reject(new Error('not used')),
    });
    server = await startServer({ backend, rendererDir: join(dir, 'renderer'), maxUploadBytes: 1000 });
  });
  afterAll(async () => {
    await server.close();
    backend.close();
  });

  it('stores the body under a safe name and the backend detects its format from that path', async () => {
    const r = await post(server.port, '/upload?name=' + encodeURIComponent('../my shares.csv'), headers(), CSV);
    expect(r.status).toBe(200);
    const { value } = JSON.parse(r.body) as { value: { file: string; name: string; bytes: number } };
    expect(value.name).toBe('my_shares.csv');
    expect(value.bytes).toBe(Buffer.byteLength(CSV));
    expect(readFileSync(value.file, 'utf8')).toBe(CSV);
    const detection = await backend.call('import.detect', { file: value.file });
    expect(detection.ok && (detection.value as { format: string }).format).toBe('share-table');
  });

  it('refuses a body over the limit and keeps nothing of it', async () => {
    const before = readdirSync(tmpdir()).filter((d) => d.startsWith('claque-uploads-'));
    const big = Buffer.alloc(5000, 65);
    const declared = await post(server.port, '/upload?name=big.csv', headers(), big);
    expect(declared.status).toBe(413);
    // Without a Content-Length (chunked), the limit is enforced while streaming.
    const chunked = await post(server.port, '/upload?name=big.csv', headers({ 'transfer-encoding': 'chunked' }), big);
    expect(chunked.status).toBe(413);
    for (const d of before) {
      expect(readdirSync(join(tmpdir(), d)).filter((f) => f.includes('big.csv'))).toEqual([]);
    }
  });

  it('needs the token, the octet-stream type, POST and a name', async () => {
    const noToken = { ...headers() } as Record<string, string>;
    delete noToken[TOKEN_HEADER];
    expect((await post(server.port, '/upload?name=a.csv', noToken, CSV)).status).toBe(403);
    expect((await post(server.port, '/upload?name=a.csv', headers({ 'content-type': 'text/plain' }), CSV)).status).toBe(
      400,
    );
    expect((await post(server.port, '/upload', headers(), CSV)).status).toBe(400);
  });

  it('keeps extensions and drops path parts and odd characters from names', () => {
    expect(safeUploadName('C:\\Users\\x\\tweets.jsonl.gz')).toBe('tweets.jsonl.gz');
    expect(safeUploadName('..')).toBe('upload');
    expect(safeUploadName('.hidden')).toBe('hidden');
    expect(safeUploadName('naïve <script>.csv')).toBe('na_ve__script_.csv');
  });
});
