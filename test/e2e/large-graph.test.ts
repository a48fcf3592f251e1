/**
 * A 200,000-node analysis (generated: test/fixtures/large-graph) opens as the community meta-graph, never as
 * raw nodes; a flagged community opens as its own account map and the overview comes back. Browser mode in
 * Chromium; skipped where Chromium is missing. Screenshots go to test-results/large-graph/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeOutput } from '../fixtures/large-graph/generate';
import { HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt, REPO } from './helpers/build';
import { startOutputServer } from './helpers/output-server';

describe.skipIf(!HAVE_CHROMIUM)('large analyses on the map', () => {
  const output = generateLargeOutput({ nodes: 200_000, communities: 300, edgesPerNode: 2 });
  const shots = join(REPO, 'test-results', 'large-graph');
  let server: Awaited<ReturnType<typeof startOutputServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(shots, { recursive: true });
    server = await startOutputServer(output);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('opens as one node per community, sized by members, flagged ones named', async () => {
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.locator('[data-testid="meta-map"][data-frames]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('map').count()).toBe(0);
    const banner = await page.getByTestId('meta-banner').textContent();
    expect(banner).toContain('200,000 accounts');
    expect(banner).toContain(`community (${output.communities.length}, 5 flagged`);
    expect(await page.getByTestId('open-community').count()).toBe(5);
    await page.screenshot({ path: join(shots, 'meta-graph.png') });
  }, 180_000);

  it('drills into a flagged community and back', async () => {
    const top = output.communities[0];
    await page.getByTestId('open-community').first().click();
    await page.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('drill-banner').textContent()).toContain(
      `Community #${top.id}: ${top.size.toLocaleString('en')} accounts`,
    );
    await page.screenshot({ path: join(shots, 'drilled.png') });
    await page.getByRole('button', { name: '← All communities' }).click();
    await page.locator('[data-testid="meta-map"][data-frames]').waitFor({ timeout: 60_000 });
  }, 120_000);
});
