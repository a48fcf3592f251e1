/**
 * A newcomer's first minute, in browser mode: `npm start`'s script on (a copy of) the bundled demo project
 * (synthetic, seeded: resources/demo/README.md) prints the URL; the page analyses the project by itself with
 * a progress bar; the map appears with the planted rings flagged and the organic look-alikes not; reopening
 * shows the saved analysis at once. Skipped where Chromium is missing; builds out/ (and the demo) first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import { openProject } from '../../src/main/store/project';
import type { PlantedTruth } from '../fixtures/planted/generate';
import { HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt, REPO } from './helpers/build';

const DEMO = join(REPO, 'resources/demo/demo.claque');
const TRUTH = join(REPO, 'resources/demo/data/truth.json');

describe.skipIf(!HAVE_CHROMIUM)('first start on the demo project', () => {
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url: string;
  let project: string;
  let startMessage = '';
  const start = async () => {
    child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs'), project], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (c) => (startMessage += c));
    url = await new Promise<string>((done) => createInterface({ input: child.stdout! }).once('line', done));
  };
  const stop = () =>
    new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const shots = join(REPO, 'test-results', 'demo');
  let dir: string;
  const savedRuns = () => {
    const db = openProject(project, { create: false });
    try {
      return (db.prepare('SELECT count(*) AS n FROM analysis_runs').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    ensureBuilt();
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: \`npm run build\` makes it`);
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'claque-demo-'));
    project = join(dir, 'demo.claque');
    copyFileSync(DEMO, project);
    // As built, the demo has no saved analysis; one made by an earlier `npm start` would skip the first run.
    const db = openProject(project, { create: false });
    db.exec('DELETE FROM analysis_runs');
    db.close();
    await start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says it falls back to browser mode and prints the URL first', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    if (!existsSync(join(REPO, 'node_modules/electron/path.txt'))) expect(startMessage).toContain('browser mode');
  });

  it('analyses the demo by itself, with a progress bar, and shows the planted rings flagged', async () => {
    await page.goto(url);
    await page.getByTestId('analysis-progress').waitFor({ timeout: 45_000 });
    await page.screenshot({ path: join(shots, 'analysing.png') });
    await page.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(shots, 'map.png') });

    // The verdicts behind the picture, from the same API the page used, against the planted truth.
    const output = await page.evaluate(async () => {
      const r = await fetch('/api/analysis.get', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return ((await r.json()) as { value: AnalysisOutput }).value;
    });
    const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as PlantedTruth;
    const flagged = new Set(output.accounts.filter((a) => a.flagged).map((a) => a.accountId));
    const decoysFlagged = truth.decoys.filter((id) => flagged.has(id));
    const ringsFound = Object.values(truth.rings).filter(
      (ring) => ring.filter((id) => flagged.has(id)).length >= 0.8 * ring.length,
    ).length;
    expect(decoysFlagged).toEqual([]);
    expect(ringsFound).toBe(4);
    // The panel lists them first: as many flagged community cards as the analysis flagged.
    const flaggedCommunities = output.communities.filter((c) => c.flagged).length;
    expect(await page.locator('[data-testid="community"].flagged').count()).toBe(flaggedCommunities);
  }, 120_000);

  it('shows the saved analysis at once when the project is opened again', async () => {
    // A new server process: what it shows comes from the project file, not from memory.
    const before = url;
    await stop();
    // start.mjs passed the SIGTERM on: the server it started is gone, not left listening behind it.
    await expect(fetch(before)).rejects.toThrow();
    const runsBefore = savedRuns();
    await start();
    const page2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // "At once" means: no analysis ran. A progress bar that came and went between two polls is caught by an
    // observer installed before the page's own scripts; the project gains no analysis run.
    await page2.addInitScript(() => {
      const w = window as unknown as { __progressSeen: boolean };
      w.__progressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="analysis-progress"]')) w.__progressSeen = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page2.goto(url);
    await page2.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 30_000 });
    expect(await page2.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen)).toBe(false);
    expect(savedRuns()).toBe(runsBefore);
    await page2.close();
  }, 60_000);
});
