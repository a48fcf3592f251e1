/**
 * Run-wide guard (vitest globalSetup): the tests must leave the machine as they found it.
 * - Every test process gets a fresh TMPDIR of this run's own, so whatever a test makes with os.tmpdir()
 *   lands there. At the end, anything still in it was left behind by a test: the run fails, naming it, and
 *   the folder is removed either way.
 * - Every process the tests start carries CLAQUE_TEST_RUN in its environment. At the end, any such process
 *   still alive (a server or browser a test forgot to stop) fails the run, named, and is killed.
 * Workers and children inherit both through the environment, which is set here before any of them starts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'CLAQUE_TEST_RUN';
const TOOL_CACHES = /^(tsx-\d+|jiti|node-compile-cache)$/;

/** Processes (pid and command line) whose environment carries this run's mark, other than this one. */
function markedProcesses(mark: string): { pid: number; command: string }[] {
  if (!existsSync('/proc/self/environ')) return []; // not Linux: nothing to inspect
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!env.includes(`${MARK}=${mark}`)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      // vitest's own helper (its watchdog) outlives globalTeardown; it is vitest's to stop, not a test's.
      if (command.startsWith('vitest-')) continue;
      // A zombie has already exited; only its parent's wait is missing.
      const state = /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'latin1'))?.[1];
      if (state !== 'Z') found.push({ pid, command: command.slice(0, 200) });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export default function setup(): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'claque-tests-'));
  const mark = randomUUID();
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = root;
  process.env[MARK] = mark;

  return async () => {
    const problems: string[] = [];
    // Workers and browsers take a moment to exit after the last test: wait for them to go, up to a bound.
    let alive = markedProcesses(mark);
    for (let i = 0; i < 50 && alive.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      alive = markedProcesses(mark);
    }
    for (const p of alive) {
      problems.push(`process ${p.pid} still running: ${p.command}`);
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    // Tools keep compile caches under the temp folder for the CLI runs tests make (tsx-<uid>, jiti, Node's
    // node-compile-cache): a tool's cache, not a test's leftover; they go with the folder.
    const left = (existsSync(root) ? readdirSync(root) : []).filter((name) => !TOOL_CACHES.test(name));
    for (const name of left) problems.push(`left in the temp folder: ${name}`);
    rmSync(root, { recursive: true, force: true });
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    delete process.env[MARK];
    if (problems.length > 0) {
      throw new Error(`the tests left state behind on this machine:\n  ${problems.join('\n  ')}`);
    }
  };
}
