import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../import/helpers';

export interface ChildRun {
  /** True when the child died of our SIGKILL; false when it finished first. */
  killed: boolean;
  /** The child's last progress line before it died. */
  lastLine: string;
  stderr: string;
}

/**
 * Runs test/hardening/crash-child.ts with `args` and SIGKILLs it `delayMs` after the first progress line for
 * which `when` is true. Resolves once the child is gone, telling whether the kill landed or the child finished.
 */
export function runAndKill(args: string[], when: (line: string) => boolean, delayMs = 0): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/hardening/crash-child.ts'), ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let lastLine = '';
  let armed = false;
  let pending = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    pending += c.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      lastLine = line;
      if (!armed && when(line)) {
        armed = true;
        const kill = () => child.kill('SIGKILL');
        if (delayMs <= 0) kill();
        else setTimeout(kill, delayMs);
      }
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, lastLine, stderr });
      else if (code === 0) resolve({ killed: false, lastLine, stderr });
      else reject(new Error(`crash-child ${args.join(' ')} exited with ${code ?? signal}: ${stderr}`));
    });
  });
}
