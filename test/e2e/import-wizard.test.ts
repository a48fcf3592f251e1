/**
 * The import wizard in browser mode: a CSV whose header no importer recognises is uploaded from the page (the
 * browser cannot name a server path), its columns are mapped to an edge list's fields with a preview, and it
 * imports; a second file is dropped onto the window. The file is written here (synthetic, five rows).
 * Skipped where Chromium is missing; builds out/ first when it is stale.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt, REPO } from './helpers/build';
import { openProject } from '../../src/main/store/project';
import { tempDir } from '../helpers/temp-dir';

const ODD_CSV =
  'actor;acted_on;how;at\nu1;u2;retweet;2024-01-01T10:00:00Z\nu3;u2;retweet;2024-01-01T10:00:05Z\nu4;u1;reply;2024-01-01T11:00:00Z\nu5;u2;mention;2024-01-02T09:00:00Z\n';
const FOLLOWS_CSV = 'follower_id,followed_id\nu1,u2\nu3,u2\n';

describe.skipIf(!HAVE_CHROMIUM)('import wizard in Chromium', () => {
  let dir: string;
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  const shots = join(REPO, 'test-results', 'import-wizard');

  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir('claque-wizard-');
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(dir, 'odd export.csv'), ODD_CSV);
    child = spawn(process.execPath, [join(REPO, 'bin/claque.js'), 'serve', join(dir, 'w.claque')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((done) => createInterface({ input: child.stdout! }).once('line', done));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
  });

  it('uploads an unknown CSV, maps its columns with a preview, and imports it', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.locator('input[name="import-upload"]').setInputFiles(join(dir, 'odd export.csv'));
    // Nothing recognises actor/acted_on: the reason is shown and a format must be chosen by hand.
    await page.getByTestId('detection').waitFor();
    expect(await page.getByTestId('detected-format').count()).toBe(0);
    expect(await page.locator('input[name="import-file"]').inputValue()).toMatch(/odd_export\.csv$/);
    await page.getByLabel('Import as').selectOption('edges');
    await page.getByTestId('mapping-wizard').waitFor();
    await expect.poll(() => page.getByTestId('mapping-missing').textContent()).toContain('source, target');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.locator('select[name="map-source"]').selectOption('actor');
    await page.locator('select[name="map-target"]').selectOption('acted_on');
    await page.locator('select[name="map-kind"]').selectOption('how');
    await page.locator('select[name="map-time"]').selectOption('at');
    expect(await page.locator('th.mapped').allTextContents()).toEqual([
      'actor → source',
      'acted_on → target',
      'how → kind',
      'at → time',
    ]);
    await page.screenshot({ path: join(shots, 'mapping.png') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('4 imported');
    expect(await page.getByTestId('added-accounts').textContent()).toBe('5');
  }, 120_000);

  it('reads zone-less times in the zone typed in the form, and says so', async () => {
    const minet = join(REPO, 'test/fixtures/tables/comments/minet-facebook-comments.csv');
    await page.locator('input[name="import-file"]').fill(minet);
    await page.getByRole('button', { name: 'Detect' }).click();
    await expect.poll(() => page.getByTestId('detected-format').textContent()).toBeTruthy();
    await page.locator('input[name="import-time-zone"]').fill('Europe/Paris');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('zoneless-times').textContent(), { timeout: 60_000 })
      .toContain('read as Europe/Paris');
    // 11 January 06:18 in Paris (CET, UTC+1) is 05:18 UTC.
    const db = openProject(join(dir, 'w.claque'), { create: false });
    try {
      expect(db.prepare("SELECT time FROM posts WHERE ext_id = '7001'").pluck().get()).toBe(
        Date.UTC(2021, 0, 11, 5, 18) / 1000,
      );
    } finally {
      db.close();
    }
  }, 120_000);

  it('imports a file dropped onto the window', async () => {
    // A synthetic drop event carrying a real File, as the browser builds it from a desktop drag.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'follows.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, FOLLOWS_CSV);
    await expect
      .poll(() => page.getByTestId('detected-format').textContent(), { timeout: 20_000 })
      .toMatch(/Follow list/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('2 follows');
    await page.screenshot({ path: join(shots, 'dropped.png') });
  }, 120_000);
});
