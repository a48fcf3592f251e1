import { parentPort } from 'node:worker_threads';

// Heavy work (imports, analyses) runs here, off the main thread. Filled in by the jobs work.
parentPort?.on('message', (msg: unknown) => parentPort?.postMessage({ echo: msg }));
