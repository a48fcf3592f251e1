/**
 * Debian's Chromium through playwright-core. Tests skip (reported as skipped) where it is missing.
 * Software WebGL is what draws sigma here: never pass --disable-software-rasterizer.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CLAQUE_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Resolves once the page has painted two animation frames in a row without anything new scheduled by
 * React: what a screenshot needs after a click, waited for as an event rather than guessed as a delay.
 */
export async function afterPaint(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Waits until sigma has drawn more than `after` frames and then stops drawing: the frame counter the map
 * keeps (`data-frames`, bumped on each sigma render) stays the same across two animation frames. Sigma
 * schedules its renders on requestAnimationFrame, so a chained render shows up within those two frames.
 */
export async function waitForMapIdle(page: Page, after: number, timeout = 20_000): Promise<number> {
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.frames ?? 0) > n,
    after,
    { timeout },
  );
  return page.evaluate(async () => {
    const frames = () => Number(document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.frames ?? 0);
    const twoFrames = () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    for (let before = frames(); ;) {
      await twoFrames();
      const now = frames();
      if (now === before) return now;
      before = now;
    }
  });
}
