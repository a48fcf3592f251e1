import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseInWorker, importInWorker } from '../../jobs/job-runner';
import { createBackend } from '../../server/backend';
import { startServer } from '../../server/http-server';
import { UsageError, type CliIo } from '../io';

/** The built renderer: out/renderer under the Claque folder, found upward from this file (built or not). */
export function findRendererDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError('the renderer is not built (no out/renderer/index.html); run `npm run build` first');
}

/**
 * `claque serve [project.claque] [--port N]`: browser mode. The first stdout line is the URL with its token
 * (scripts and tests read it); everything else goes to stderr. Runs until SIGINT/SIGTERM.
 */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string', default: '0' } },
  });
  if (positionals.length > 1) throw new UsageError('expects at most one project file');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port expects a port number 0–65535, got "${values.port}"`);
  }
  const rendererDir = findRendererDir();
  // Imports and analyses run on worker threads, so the server keeps answering (progress, cancel) meanwhile.
  const backend = createBackend({ project: positionals[0], runAnalysis: analyseInWorker, runImport: importInWorker });
  const server = await startServer({ backend, rendererDir, port }).catch((err: NodeJS.ErrnoException) => {
    backend.close();
    throw err.code === 'EADDRINUSE' ? new UsageError(`port ${port} is already in use`) : err;
  });
  io.out(`${server.url}\n`);
  io.err(
    `claque serve: ${positionals[0] ? `project ${positionals[0]}` : 'no project yet (open one in the page)'}; ` +
      `listening on 127.0.0.1:${server.port} only. Open the URL above; Ctrl-C stops.\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  backend.close();
  return 0;
}
