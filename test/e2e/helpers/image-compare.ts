/**
 * Tolerant screenshot comparison without a PNG library: Chromium itself decodes both images, scales them
 * down to a coarse grid (so anti-aliasing and sub-pixel label placement wash out) and compares there.
 * Fails on what a person would notice: a missing cluster, a wrong colour, an empty canvas.
 */
import type { Browser } from 'playwright-core';

export interface ImageDiff {
  /** Mean absolute channel difference, 0–255. */
  meanDelta: number;
  /** Share of grid cells whose colour differs by more than 40 on some channel. */
  changedShare: number;
  sameSize: boolean;
}

export async function compareImages(
  browser: Browser,
  actual: Buffer,
  expected: Buffer,
  grid = { w: 96, h: 64 },
): Promise<ImageDiff> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ a, b, w, h }) => {
        const load = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          return img;
        };
        const [ia, ib] = await Promise.all([load(a), load(b)]);
        const pixels = (img: HTMLImageElement) => {
          const canvas = document.createElement('canvas');
          canvas.width = w;
          canvas.height = h;
          const ctx = canvas.getContext('2d')!;
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(img, 0, 0, w, h);
          return ctx.getImageData(0, 0, w, h).data;
        };
        const pa = pixels(ia);
        const pb = pixels(ib);
        let sum = 0;
        let changed = 0;
        for (let i = 0; i < pa.length; i += 4) {
          let cellMax = 0;
          for (let c = 0; c < 3; c++) {
            const d = Math.abs(pa[i + c] - pb[i + c]);
            sum += d;
            cellMax = Math.max(cellMax, d);
          }
          if (cellMax > 40) changed++;
        }
        return {
          meanDelta: sum / ((pa.length / 4) * 3),
          changedShare: changed / (pa.length / 4),
          sameSize: ia.naturalWidth === ib.naturalWidth && ia.naturalHeight === ib.naturalHeight,
        };
      },
      { a: actual.toString('base64'), b: expected.toString('base64'), ...grid },
    );
  } finally {
    await page.close();
  }
}

/** Share of grid cells that are not (near) white: a blank map scores ~0. */
export async function inkShare(browser: Browser, png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 96, 64);
      const d = ctx.getImageData(0, 0, 96, 64).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
      return ink / (d.length / 4);
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}
