/**
 * Where a worker thread's code is: the built `<name>.js` beside the bundle that asks (CLI, Electron; one
 * level up when the asking module landed in a chunk folder), or the TypeScript source beside the asking
 * module when running from source (vitest, tsx), which then needs tsx as the worker's loader.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  path: string;
  typescript: boolean;
}

/** `moduleUrl` is the asking module's import.meta.url; undefined when no entry is found. */
export function findWorkerEntry(name: string, moduleUrl: string): WorkerEntry | undefined {
  let here: string;
  try {
    here = dirname(fileURLToPath(moduleUrl));
  } catch {
    return undefined; // a bundle without a file URL for its modules
  }
  for (const path of [join(here, `${name}.js`), join(here, '..', `${name}.js`)]) {
    if (existsSync(path)) return { path, typescript: false };
  }
  const ts = join(here, `${name}.ts`);
  return existsSync(ts) ? { path: ts, typescript: true } : undefined;
}

/** The execArgv a worker on this entry needs. */
export function workerExecArgv(entry: WorkerEntry): string[] {
  return entry.typescript ? ['--import', 'tsx'] : [];
}
