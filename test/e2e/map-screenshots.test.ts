/**
 * Screenshot tests of the map in Chromium (browser mode), sigma's way: named scenarios, committed reference
 * PNGs, a tolerant comparison. The analysis is the committed fixture, so pictures change only when the UI
 * does. UPDATE_SCREENSHOTS=1 rewrites the references (look at them before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium, waitForMapIdle } from './helpers/browser';
import { ensureBuilt, REPO } from './helpers/build';
import { startFixtureServer } from './helpers/fixture-server';
import { compareImages, inkShare } from './helpers/image-compare';

const REFERENCES = join(REPO, 'test/e2e/screenshots');
const ACTUAL = join(REPO, 'test-results/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

/** Each scenario brings the analysed map into one state; the screenshot is of the map element only. */
const SCENARIOS: { name: string; act: (page: Page) => Promise<void> }[] = [
  { name: 'map-default', act: async () => {} },
  {
    name: 'map-flagged-only',
    act: async (page) => {
      await page.getByLabel('Flagged only').check();
    },
  },
  {
    name: 'map-community-selected',
    act: async (page) => {
      await page.getByTestId('community').first().locator('.community-head').click();
    },
  },
  {
    // A fixed point in the fixture's layout: the large ring node drawn there in map-default.png.
    name: 'map-hover',
    act: async (page) => {
      const box = (await page.getByTestId('map').boundingBox())!;
      await page.mouse.move(box.x + 198, box.y + 603);
    },
  },
  {
    // Clicking a member row selects that account: it and its neighbours stay lit, other edges go.
    name: 'map-member-selected',
    act: async (page) => {
      await page.getByTestId('community').nth(1).locator('.community-head').click();
      await page.getByTestId('members').locator('.member').first().click();
    },
  },
  {
    name: 'map-search',
    act: async (page) => {
      await page.getByLabel('Search accounts').fill('boost_');
    },
  },
];

describe.skipIf(!HAVE_CHROMIUM)('map screenshots (Chromium, browser mode, fixture analysis)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    ensureBuilt();
    server = await startFixtureServer();
    browser = await launchChromium();
    mkdirSync(ACTUAL, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      try {
        await page.goto(server.url);
        await page.getByRole('button', { name: 'Analyze' }).click();
        await expect.poll(() => page.getByTestId('community').count(), { timeout: 20_000 }).toBeGreaterThan(0);
        const frames = await waitForMapIdle(page, 0);
        await scenario.act(page);
        if (scenario.name !== 'map-default') await waitForMapIdle(page, frames);
        const png = await page.getByTestId('map').screenshot();
        writeFileSync(join(ACTUAL, `${scenario.name}.png`), png);

        // Whatever the reference says, an empty canvas is wrong.
        expect(await inkShare(browser, png)).toBeGreaterThan(0.01);

        const reference = join(REFERENCES, `${scenario.name}.png`);
        if (UPDATE || !existsSync(reference)) {
          writeFileSync(reference, png);
          if (!UPDATE)
            throw new Error(
              `${reference}: no reference yet; wrote this run's picture there — look at it, then commit it`,
            );
          return;
        }
        const diff = await compareImages(browser, png, readFileSync(reference));
        expect(diff.sameSize).toBe(true);
        expect(diff.meanDelta, `mean channel delta vs ${reference}`).toBeLessThan(2.5);
        expect(diff.changedShare, `share of changed cells vs ${reference}`).toBeLessThan(0.015);
      } finally {
        await page.close();
      }
    });
  }
});
