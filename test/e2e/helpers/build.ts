/**
 * The e2e tests run the built app (out/renderer, out/cli) as a user would. They build it first when it is
 * missing or older than any source file, so `npm test` on a fresh checkout needs no separate build step.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(REPO, 'out/renderer');
const OUTPUTS = [join(REPO, 'out/renderer/index.html'), join(REPO, 'out/cli/claque.js')];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function isBuildStale(): boolean {
  if (!OUTPUTS.every((f) => existsSync(f))) return true;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return newestMtime(join(REPO, 'src')) > built;
}

/**
 * Runs `npm run build` when out/ is missing or stale; returns whether it built. CLAQUE_E2E_NO_BUILD=1 uses
 * out/ as it is (for iterating on a test while the tree does not build as a whole).
 */
export function ensureBuilt(): boolean {
  if (process.env.CLAQUE_E2E_NO_BUILD === '1' || !isBuildStale()) return false;
  // Test files run in parallel processes: one builds while the others wait, then find out/ fresh.
  const lock = join(REPO, 'test-results/.build-lock');
  mkdirSync(join(REPO, 'test-results'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock); // atomic: exactly one process gets it
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock}: another build has held this lock for 5 minutes; remove it if stale`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!isBuildStale()) return false;
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
