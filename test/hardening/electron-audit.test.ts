/**
 * The Electron security gate (`npm run audit:electron`): electronegativity over src/main/app, src/preload and
 * src/renderer passes only when every MEDIUM/HIGH finding is explained in scripts/electronegativity-allow.json,
 * and the same gate fails on a deliberately insecure app.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../import/helpers';

const audit = (...args: string[]) =>
  spawnSync(process.execPath, [join(REPO, 'scripts/audit-electron.mjs'), ...args], { cwd: REPO, encoding: 'utf8' });

describe('electronegativity audit', () => {
  it('finds no unexplained MEDIUM or HIGH issue in the app', () => {
    const r = audit();
    expect(r.stderr).not.toMatch(/not explained/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/audit:electron: \d+ findings/);
  }, 240_000);

  it('fails on an app with node integration on and context isolation off', () => {
    const r = audit('--input', join(REPO, 'test/fixtures/electron-insecure'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NODE_INTEGRATION_JS_CHECK|CONTEXT_ISOLATION_JS_CHECK/);
    expect(r.stderr).toMatch(/not explained/);
  }, 240_000);
});
