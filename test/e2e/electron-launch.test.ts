/**
 * The desktop app itself, launched with playwright-core's `_electron` where Electron's binary exists (it cannot
 * be downloaded on the build machines: there this test is reported as skipped). It opens a copy of the demo
 * project, waits for the default analysis to draw the map, and checks the window's security settings from
 * both sides: webPreferences in the main process, CSP / no Node / no popups in the page.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from './helpers/build';
import { electronBinary } from './helpers/electron';
import { tempDir } from '../helpers/temp-dir';

const ELECTRON = electronBinary();
const DEMO = join(REPO, 'resources/demo/demo.claque');

describe('Electron app', () => {
  let app: ElectronApplication | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!ELECTRON) return;
    ensureBuilt();
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: \`npm run build\` makes it`);
    const dir = tempDir('claque-electron-');
    const project = join(dir, 'demo.claque');
    copyFileSync(DEMO, project);
    app = await _electron.launch({
      executablePath: ELECTRON,
      args: [REPO, `--user-data-dir=${join(dir, 'user-data')}`, project],
      cwd: REPO,
    });
    page = await app.firstWindow();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it.skipIf(!ELECTRON)(
    'opens the window on the demo and draws the analysed map',
    async () => {
      expect(await page.title()).toBe('Claque');
      await page.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 120_000 });
      expect(await page.locator('.project-name').textContent()).toContain('demo.claque');
      expect(await page.getByText('flagged').count()).toBeGreaterThan(0);
    },
    180_000,
  );

  it.skipIf(!ELECTRON)('runs the page isolated, sandboxed, without Node, under the strict CSP', async () => {
    // Electron reports a renderer's sandbox in its process metrics on macOS and Windows.
    const sandboxed = await app!.evaluate(({ app: electronApp }) =>
      electronApp
        .getAppMetrics()
        .filter((m) => m.type === 'Tab')
        .map((m) => m.sandboxed),
    );
    for (const s of sandboxed) if (s !== undefined) expect(s).toBe(true);
    const page_ = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys(window.claque ?? {}).sort(),
      popup: window.open('https://example.org') === null,
    }));
    expect(page_.csp).toContain("default-src 'self'");
    expect(page_.csp).toContain("worker-src 'self' blob:");
    expect(page_.csp).not.toContain('unsafe-eval');
    expect(page_.require).toBe('undefined');
    expect(page_.process).toBe('undefined');
    expect(page_.bridge).toContain('project.open');
    expect(page_.popup).toBe(true);
    // Navigation away is refused: the page stays on our own file.
    await page.evaluate(() => (window.location.href = 'https://example.org/')).catch(() => undefined);
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^file:.*\/renderer\/index\.html/);
  });
});
