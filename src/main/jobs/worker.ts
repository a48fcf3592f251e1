/**
 * Job worker thread: heavy work (an import, an analysis) runs here so the main thread (Electron's UI
 * process, browser mode's HTTP server) stays responsive. One job per worker; `cancel` aborts it through the
 * same AbortSignal the pipeline already honours.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runAnalysis } from '../analysis/pipeline';
import { importFile } from '../import/run-import';
import { openProject } from '../store/project';
import type { FromWorker, JobRequest, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('jobs/worker: must run as a worker thread');
const controller = new AbortController();
// A busy job may never return to the event loop between its own signal checks (chunks already queued are
// consumed in microtasks), so a `cancel` message could wait until the end. The runner also sets a shared
// flag; reading `signal.aborted` looks at it, so cancel is seen at the job's next check.
const cancelFlag = new Int32Array((workerData as { cancelFlag: SharedArrayBuffer }).cancelFlag);
const nativeAborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')!.get!;
Object.defineProperty(controller.signal, 'aborted', {
  get(this: AbortSignal) {
    if (Atomics.load(cancelFlag, 0) === 1 && !nativeAborted.call(this)) controller.abort();
    return nativeAborted.call(this);
  },
});
const post = (m: FromWorker) => port.postMessage(m);

async function run(request: JobRequest): Promise<unknown> {
  const signal = controller.signal;
  if (request.kind === 'count') {
    for (let step = 1; step <= request.steps; step++) {
      if (signal.aborted) throw Object.assign(new Error('count: cancelled'), { name: 'JobCancelled' });
      if (step === request.failAt) throw new Error(`count: failed at step ${step}`);
      await new Promise((r) => setTimeout(r, request.delayMs));
      post({ type: 'progress', progress: { kind: 'count', step } });
    }
    return request.steps;
  }
  const db = openProject(request.project, { create: false });
  try {
    if (request.kind === 'analysis') {
      return await runAnalysis(db, request.parameters, {
        signal,
        onProgress: (stage, fraction) => post({ type: 'progress', progress: { kind: 'analysis', stage, fraction } }),
      });
    }
    return await importFile(db, request.file, {
      ...request.options,
      signal,
      onProgress: (p) => post({ type: 'progress', progress: { kind: 'import', ...p } }),
    });
  } finally {
    db.close();
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') {
    controller.abort();
    return;
  }
  run(msg.request).then(
    (value) => post({ type: 'done', value }),
    (err: Error & { file?: string; line?: number; reason?: string }) =>
      post({
        type: 'error',
        error: {
          name: err?.name ?? 'Error',
          message: err?.message ?? String(err),
          file: err?.file,
          line: err?.line,
          reason: err?.reason,
        },
      }),
  );
});
