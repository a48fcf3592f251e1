/**
 * Browser mode: the renderer and the backend's API over HTTP, on 127.0.0.1 only, behind a per-run random
 * token. The token arrives once in the URL (`/?token=…`), is traded for an HttpOnly SameSite=Strict cookie
 * and a redirect that drops it from the address bar; every later request (page, assets, API, events) must
 * carry that cookie or an `X-Claque-Token` header. The Host header is checked too, so a web page that
 * rebinds its DNS name to 127.0.0.1 cannot reach the API. API calls are `POST /api/<channel>` with a JSON
 * body, answered with the contract's Envelope; progress events stream on `GET /api/events` (SSE).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ErrorCode } from '../../shared/api/contract';
import type { Backend } from './backend';
import { createUploadStore, UploadError } from './upload';

export const TOKEN_COOKIE = 'claque_token';
export const TOKEN_HEADER = 'x-claque-token';
const MAX_BODY_BYTES = 1 << 20;

/** Same policy as the Electron window's index.html: nothing but our own origin, blob workers for layouts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * HTTP status of a refused call, for clients that look at it. Other errors (no project, an import that failed)
 * answer 200 with `ok: false`: the request was fine, the work was not.
 */
const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  unknown_channel: 404,
  invalid_request: 400,
  export_refused: 409,
};

export interface ServeOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; random (32 bytes, base64url) otherwise. */
  token?: string;
  /** Largest file `POST /upload` accepts (default 4 GiB). */
  maxUploadBytes?: number;
}

export interface RunningServer {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: 400 | 403 | 404 | 405 | 413, message: string): void {
  sendJson(res, status, { ok: false, error: { code: status === 403 ? 'forbidden' : 'bad_request', message } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // Too big by its declared length: refused before a byte is read. A chunked body is cut off at the limit;
    // reading stops (not destroyed, so the 413 still reaches the client) and the connection closes after it.
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES)
      return reject(new Error(`request body of ${declared} bytes is over ${MAX_BODY_BYTES} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const root = resolve(options.rendererDir);
  if (!existsSync(join(root, 'index.html'))) {
    return Promise.reject(
      new Error(`${join(root, 'index.html')}: the renderer is not built; run \`npm run build\` first`),
    );
  }
  let allowedHosts = new Set<string>();
  const uploads = createUploadStore(options.maxUploadBytes);

  const serveStatic = (res: ServerResponse, pathname: string) => {
    // A path whose %-escapes do not decode (`/%`, `/%E0%A4%A`) is the client's mistake: 400, not a 500.
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, `the path ${JSON.stringify(pathname)} has a malformed %-escape`);
    }
    const rel = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return refuse(res, 404, 'not found');
    if (!existsSync(file) || !statSync(file).isFile()) return refuse(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': rel === 'index.html' ? 'no-store' : 'private, max-age=3600',
    });
    createReadStream(file).pipe(res);
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = options.backend.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    // Keeps proxies and the browser from timing the stream out while a long analysis says nothing.
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      off();
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    baseHeaders(res);
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'unexpected Host header');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== undefined) {
      if (!sameToken(queryToken, token)) return refuse(res, 403, 'wrong token');
      res.writeHead(303, {
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? cookieToken(req);
    if (!sameToken(given, token))
      return refuse(res, 403, 'missing or wrong token: open the URL that `claque serve` printed');

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'GET only');
      return serveEvents(req, res);
    }
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return refuse(res, 405, 'uploads are POST with the file as the body');
      if (req.headers['content-type'] !== 'application/octet-stream') {
        return refuse(res, 400, 'uploads need Content-Type: application/octet-stream');
      }
      try {
        return sendJson(res, 200, { ok: true, value: await uploads.receive(req, url.searchParams.get('name')) });
      } catch (err) {
        if (err instanceof UploadError) return refuse(res, err.status, err.message);
        throw err;
      }
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST with a JSON body');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 400, 'API calls need Content-Type: application/json');
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body.trim() === '' ? {} : JSON.parse(body);
      } catch (err) {
        if ((err as Error).message.includes('bytes')) res.setHeader('Connection', 'close');
        return refuse(
          res,
          (err as Error).message.includes('bytes') ? 413 : 400,
          `bad JSON body: ${(err as Error).message}`,
        );
      }
      const envelope = await options.backend.call(url.pathname.slice('/api/'.length), payload);
      return sendJson(res, envelope.ok ? 200 : (ERROR_STATUS[envelope.error.code] ?? 200), envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'GET only');
    return serveStatic(res, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'failed', message: err.message } });
      else res.destroy(err);
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolvePromise({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => {
              uploads.dispose();
              done();
            });
          }),
      });
    });
  });
}
