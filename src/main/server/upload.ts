/**
 * Browser mode's file upload: the page cannot hand the server a path on the user's disk, so it streams the
 * file's bytes as the raw body of `POST /upload?name=<file name>` (Content-Type application/octet-stream,
 * which a cross-site form cannot send without a CORS preflight the server never grants). The server writes
 * it to a private temporary folder, refuses it past `maxBytes`, and answers with the path to pass to
 * import.detect / import.run. The folder is removed when the server stops.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';

export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export class UploadError extends Error {
  constructor(
    public readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadStore {
  dir: string;
  receive(req: IncomingMessage, name: string | null): Promise<{ file: string; name: string; bytes: number }>;
  dispose(): void;
}

/** Keeps the name readable and its extensions (format detection looks at .csv, .jsonl, .gz …), nothing else. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return (cleaned || 'upload').slice(-120);
}

export function createUploadStore(maxBytes = DEFAULT_MAX_UPLOAD_BYTES): UploadStore {
  const dir = mkdtempSync(join(tmpdir(), 'claque-uploads-'));
  let n = 0;
  return {
    dir,
    receive(req, rawName) {
      if (!rawName) return Promise.reject(new UploadError(400, 'upload: name the file: POST /upload?name=<file name>'));
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        req.resume();
        return Promise.reject(new UploadError(413, `upload: ${declared} bytes is over the ${maxBytes}-byte limit`));
      }
      const name = safeUploadName(rawName);
      const file = join(dir, `${++n}-${name}`);
      return new Promise((resolve, reject) => {
        const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
        let bytes = 0;
        let failed = false;
        const fail = (err: Error) => {
          if (failed) return;
          failed = true;
          req.unpipe(out);
          // The file is opened asynchronously: removing it before the stream has closed can race with that
          // open and leave it behind. Remove it once the stream is closed, then report.
          out.once('close', () => {
            rmSync(file, { force: true });
            reject(err);
          });
          out.destroy();
        };
        req.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            fail(new UploadError(413, `upload: over the ${maxBytes}-byte limit`));
            req.resume();
          }
        });
        req.on('error', fail);
        req.on('aborted', () => fail(new UploadError(400, 'upload: the client stopped sending')));
        out.on('error', fail);
        out.on('finish', () => {
          if (!failed) resolve({ file, name, bytes });
        });
        req.pipe(out);
      });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
