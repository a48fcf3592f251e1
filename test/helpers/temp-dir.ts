/**
 * Temporary folders for tests that are removed when the test file ends. A test file that calls `tempDir`
 * gets one `afterAll` (registered when this module is first imported by the file) that removes every folder
 * it made, so no test leaves state behind on the machine (vitest isolates test files, so each file imports
 * this module afresh). The run-wide guard in test/global-setup.ts fails the run if anything is left over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temp folder, removed after the calling test file. */
export function tempDir(prefix = 'claque-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
