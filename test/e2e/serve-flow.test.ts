/**
 * Browser mode end to end, as a user meets it: `node bin/claque.js serve` on a fresh project, Debian's
 * Chromium on the printed URL, a real file imported through the UI (CooRTweet's russian_coord_tweets.csv,
 * MIT, see ../shared/data/README.md), the real analysis pipeline, the communities panel, one community's
 * evidence, and a GEXF export. Skipped where Chromium is missing; builds out/ first when it is stale.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/shared/api/contract';
import { HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt, REPO } from './helpers/build';

const DATA = resolve(REPO, '../shared/data/russian_coord_tweets.csv');

/** Is anything accepting connections at host:port? */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.on('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.on('error', () => done(false));
    socket.on('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

/** Local addresses of listening TCP sockets on `port`, from the kernel's own table (Linux). */
function listeningAddresses(port: number): string[] | null {
  if (!existsSync('/proc/net/tcp')) return null;
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === '0A' && local?.endsWith(`:${hexPort}`)) out.push(local.split(':')[0]);
    }
  }
  return out;
}

describe.skipIf(!HAVE_CHROMIUM)('claque serve, end to end in Chromium', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let port: number;
  let token: string;
  let browser: Browser;
  let page: Page;
  let stderr = '';

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'claque-e2e-'));
    child = spawn(process.execPath, [join(REPO, 'bin/claque.js'), 'serve', join(dir, 'e2e.claque')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (c) => (stderr += c));
    const lines = createInterface({ input: child.stdout! });
    url = await new Promise<string>((done, fail) => {
      lines.once('line', done);
      child.once('exit', (code) =>
        fail(new Error(`claque serve exited with ${code} before printing its URL:\n${stderr}`)),
      );
    });
    const parsed = new URL(url);
    port = Number(parsed.port);
    token = parsed.searchParams.get('token') ?? '';
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await new Promise((done) => child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the URL with its token as the first stdout line', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(stderr).toContain('127.0.0.1');
  });

  it('is bound to 127.0.0.1 only', async () => {
    const listening = listeningAddresses(port);
    if (listening) expect(listening).toEqual(['0100007F']); // 127.0.0.1, and no IPv6 or wildcard socket
    expect(await reachable('127.0.0.1', port)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) expect(await reachable(external.address, port)).toBe(false);
  });

  it('refuses requests without the token', async () => {
    const origin = `http://127.0.0.1:${port}`;
    expect((await fetch(`${origin}/`)).status).toBe(403);
    const api = await fetch(`${origin}/api/project.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect((await fetch(`${origin}/api/events`)).status).toBe(403);
    const withToken = await fetch(`${origin}/api/project.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-claque-token': token },
      body: '{}',
    });
    expect(withToken.status).toBe(200);
  });

  it('imports a file through the UI with progress and counts', async () => {
    // Watch the same event stream the page gets, to prove progress was reported during the import.
    const events: ApiEvent[] = [];
    const stream = new AbortController();
    const sse = await fetch(`http://127.0.0.1:${port}/api/events`, {
      headers: { 'x-claque-token': token },
      signal: stream.signal,
    });
    const reading = (async () => {
      const reader = sse.body!.getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += new TextDecoder().decode(value);
        const parts = buffer.split('\n\n');
        buffer = parts.pop()!;
        for (const p of parts) if (p.startsWith('data: ')) events.push(JSON.parse(p.slice(6)) as ApiEvent);
      }
    })();

    await page.goto(url);
    expect(new URL(page.url()).search).toBe(''); // the token left the address bar
    await expect.poll(() => page.getByTestId('no-analysis').textContent()).toContain('0 accounts');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.locator('input[name=import-file]').fill(DATA);
    await page.getByRole('button', { name: 'Detect' }).click();
    await expect.poll(() => page.getByTestId('detected-format').textContent()).toBeTruthy();
    expect(await page.getByTestId('detection').textContent()).toContain('share-table');
    expect(await page.locator('.preview-table th').allTextContents()).toEqual([
      'object_id',
      'account_id',
      'content_id',
      'timestamp_share',
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('added-accounts').textContent()).toBe('9,509');
    expect(await page.getByTestId('import-result').textContent()).toContain('35,125 rows read, 35,125 imported');

    stream.abort();
    await reading;
    const progress = events.filter((e) => e.type === 'import.progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const last = progress.at(-1)!;
    expect(last.type === 'import.progress' && last.rows).toBe(35125);
  });

  it('runs the analysis and lists communities ranked by score', async () => {
    await page.getByRole('button', { name: 'Close import' }).click();
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.getByTestId('community').first().waitFor({ timeout: 120_000 });
    const summary = await page.getByTestId('analysis-summary').textContent();
    expect(summary).toMatch(/\d+ communities/);
    const scores = await page.locator('[data-testid=community] .score').allTextContents();
    expect(scores.length).toBeGreaterThan(1);
    const values = scores.map(Number);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    await page.getByTestId('map').waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.frames ?? 0) > 0,
    );
  });

  it('opens a community (a flagged one where there is one) and reads its evidence', async () => {
    const flagged = page.locator('[data-testid=community].flagged');
    const target = (await flagged.count()) > 0 ? flagged.first() : page.getByTestId('community').first();
    const id = await target.getAttribute('data-community');
    await target.locator('.community-head').click();
    const detail = page.getByTestId('community-detail');
    await detail.waitFor();
    expect(await detail.locator('h2').textContent()).toBe(`Community #${id}`);
    expect(await page.getByTestId('verdict').textContent()).toMatch(/score \d\.\d\d · [\d,]+ accounts/);
    const rows = page.locator('[data-testid=evidence] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const firstRow = await rows.first().textContent();
    expect(firstRow).toMatch(/\d/); // a number behind the verdict
    expect(await page.getByTestId('members').locator('.member').count()).toBeGreaterThan(0);
    // For a person to look at (not compared: the real pipeline's numbers may move).
    mkdirSync(join(REPO, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({ path: join(REPO, 'test-results/screenshots/serve-flow-detail.png') });
  });

  it('exports the analysed graph as GEXF', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GEXF (all)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('e2e.gexf');
    const gexf = readFileSync(await download.path(), 'utf8');
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('viz:color');
  });

  it('analyses one period with a window estimated from the data, set in Options', async () => {
    await page.getByRole('button', { name: 'Options' }).click();
    const options = page.getByRole('group', { name: 'Analysis options' });
    await options.getByLabel('From').fill('2021-01-27');
    await options.getByLabel('to', { exact: true }).fill('2021-01-31');
    await options.getByLabel('Estimate').check();
    await expect.poll(() => options.getByLabel('Co-action window (s)').isDisabled()).toBe(true);
    mkdirSync(join(REPO, 'test-results/screenshots'), { recursive: true });
    await options.screenshot({ path: join(REPO, 'test-results/screenshots/serve-flow-options.png') });
    await page.getByRole('button', { name: 'Analyze' }).click();
    const period = page.getByTestId('analysis-period');
    await period.waitFor({ timeout: 120_000 });
    expect(await period.textContent()).toContain('2021-01-27 00:00 UTC to 2021-01-31 23:59:59 UTC');
    expect(await page.getByTestId('analysis-summary').textContent()).toMatch(/window \d+ s \(estimated\)/);
    await page.screenshot({ path: join(REPO, 'test-results/screenshots/serve-flow-period.png') });
  });

  it('says why the map is empty when the chosen graph has no edges (a share table has no pages)', async () => {
    const options = page.getByRole('group', { name: 'Analysis options' });
    if (!(await options.isVisible())) await page.getByRole('button', { name: 'Options' }).click();
    await options.getByLabel('Graph').selectOption('projection');
    await page.getByRole('button', { name: 'Analyze' }).click();
    const empty = page.getByTestId('empty-graph');
    await empty.waitFor({ timeout: 120_000 });
    expect(await empty.textContent()).toContain('No two accounts share a target of the kinds page, account');
    await page.screenshot({ path: join(REPO, 'test-results/screenshots/serve-flow-empty-graph.png') });
  });
});
