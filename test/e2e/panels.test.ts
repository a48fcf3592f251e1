/**
 * The panels against the committed fixture analysis (two flagged rings): ranking, a flagged community's
 * reasons, evidence, heatmap and virtualised members, zoom-to, and hostile imported text shown as text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt } from './helpers/build';
import { loadFixtureOutput, startFixtureServer } from './helpers/fixture-server';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe.skipIf(!HAVE_CHROMIUM)('panels (Chromium, browser mode, fixture analysis)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let page: Page;
  const output = loadFixtureOutput();
  const dialogs: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startFixtureServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.getByTestId('community').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('ranks communities by score and marks the flagged ones', async () => {
    const ids = await page
      .getByTestId('community')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-community'))));
    expect(ids).toEqual(output.communities.map((c) => c.id));
    const flagged = await page.locator('[data-testid=community].flagged').count();
    expect(flagged).toBe(output.communities.filter((c) => c.flagged).length);
    expect(await page.getByTestId('analysis-summary').textContent()).toContain(`${flagged} flagged`);
  });

  it('explains a flagged community: reasons, evidence numbers, heatmap, members', async () => {
    const ring = output.communities.find((c) => c.flagged)!;
    await page.locator(`[data-community="${ring.id}"] .community-head`).click();
    const detail = page.getByTestId('community-detail');
    await detail.waitFor();
    expect(await page.getByTestId('verdict').textContent()).toContain('Flagged as likely coordinated');
    expect(await page.getByTestId('reasons').locator('li').allTextContents()).toEqual(ring.reasons);
    const insularity = ring.evidence.find((e) => e.key === 'insularity')!;
    const row = page.locator('[data-testid=evidence] tr', { hasText: insularity.label });
    expect(await row.locator('.num').textContent()).toBe(`${(100 * insularity.value).toFixed(1)} %`);
    expect(await page.getByTestId('heatmap').locator('.cell').count()).toBe(168);
    expect(await detail.textContent()).toContain('shift fits UTC+3');
    // Virtualised: every member is counted, only the visible rows are in the DOM.
    expect(await page.getByTestId('members').textContent()).toContain(`${ring.size} members`);
    const rendered = await page.getByTestId('members').locator('.member').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(ring.size);
  });

  it('renders hostile imported text as text', async () => {
    const hostile = output.accounts.find((a) => a.screenName === HOSTILE)!;
    await page.locator(`[data-community="${hostile.community}"] .community-head`).click();
    await expect.poll(() => page.getByTestId('members').textContent()).toContain(`@${HOSTILE}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('zooms to a community without losing the map', async () => {
    const before = Number(await page.getByTestId('map').getAttribute('data-frames'));
    await page.locator('[data-testid=community]').nth(1).getByRole('button', { name: 'Zoom to' }).click();
    await page.waitForFunction(
      (n) => Number(document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.frames) > n + 3,
      before,
    );
  });
});
