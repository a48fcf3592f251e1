import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/contract';
import { createBackend, type Backend } from './backend';
import { CONTENT_SECURITY_POLICY, startServer, TOKEN_HEADER, type RunningServer } from './http-server';

/** A raw request, so the Host header and odd paths go out exactly as written. */
function raw(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (done, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', fail);
      if (body) req.write(body);
      req.end();
    },
  );
}

describe('browser-mode HTTP server', () => {
  let dir: string;
  let backend: Backend;
  let server: RunningServer;
  let host: string;
  const auth = () => ({ host, [TOKEN_HEADER]: server.token });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claque-http-'));
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    backend = createBackend({
      project: join(dir, 'p.claque'),
      runAnalysis: async () => {
        throw new Error('not used');
      },
    });
    server = await startServer({ backend, rendererDir: renderer });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and names a URL with a long random token', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses every request without the token, or with a wrong one', async () => {
    for (const path of ['/', '/assets/app.js', '/api/events'])
      expect((await raw(server.port, path, { host })).status).toBe(403);
    const api = await raw(server.port, '/api/project.info', { host, 'content-type': 'application/json' }, 'POST', '{}');
    expect(api.status).toBe(403);
    expect((await raw(server.port, '/?token=wrong', { host })).status).toBe(403);
    expect((await raw(server.port, '/', { host, [TOKEN_HEADER]: server.token.slice(1) })).status).toBe(403);
    expect((await raw(server.port, '/', { host, cookie: `claque_token=${server.token}x` })).status).toBe(403);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const first = await raw(server.port, `/?token=${server.token}`, { host });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await raw(server.port, '/', { host, cookie: cookie.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    expect((await raw(server.port, '/', { ...auth(), host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw(server.port, path, auth());
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
    expect((await raw(server.port, '/assets/app.js', auth())).headers['content-type']).toContain('javascript');
  });

  it('answers API calls with envelopes; GET and non-JSON bodies are refused', async () => {
    const json = { ...auth(), 'content-type': 'application/json' };
    const info = await raw(server.port, '/api/project.info', json, 'POST', '{}');
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({
      ok: true,
      value: { file: join(dir, 'p.claque'), hasAnalysis: false },
    });
    expect((await raw(server.port, '/api/project.info', auth(), 'GET')).status).toBe(405);
    expect(
      (await raw(server.port, '/api/project.info', { ...auth(), 'content-type': 'text/plain' }, 'POST', '{}')).status,
    ).toBe(400);
    expect((await raw(server.port, '/api/project.info', json, 'POST', '{nope')).status).toBe(400);
    const bad = await raw(server.port, '/api/project.open', json, 'POST', '{"file":7}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid_request');
    expect((await raw(server.port, '/api/nope', json, 'POST', '{}')).status).toBe(404);
  });

  it('streams job events over SSE', async () => {
    const received: ApiEvent[] = [];
    const controller = new AbortController();
    const res = await fetch(`http://${host}/api/events`, {
      headers: { [TOKEN_HEADER]: server.token },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    // This backend's runner fails at once: the stream must still carry the job's end.
    void backend.call('analysis.run', { jobId: 'sse-1', parameters: { graph: 'default', resolution: 1, seed: 1 } });
    let text = '';
    while (!text.includes('job.done')) text += new TextDecoder().decode((await reader.read()).value);
    for (const line of text.split('\n')) if (line.startsWith('data: ')) received.push(JSON.parse(line.slice(6)));
    controller.abort();
    expect(received).toContainEqual({ type: 'job.done', jobId: 'sse-1', ok: false });
  });
});
