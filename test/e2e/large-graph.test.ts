/**
 * A 200,000-node analysis (generated: test/fixtures/large-graph) opens as the community meta-graph, never as
 * raw nodes; a flagged community opens as its own account map and the overview comes back. Both maps export:
 * the PNG of what is on screen (3×, legend and caption) and the GEXF of the view (the meta-graph itself, or the
 * opened community's accounts). Browser mode in Chromium; skipped where Chromium is missing. Screenshots and
 * the exported files go to test-results/large-graph/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateLargeOutput } from '../fixtures/large-graph/generate';
import { HAVE_CHROMIUM } from './helpers/browser';
import { REPO } from './helpers/build';
import { inkShare } from './helpers/image-compare';
import { useOutputPage } from './helpers/output-server';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()])) as [Download, void];
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(!HAVE_CHROMIUM)('large analyses on the map', () => {
  const output = generateLargeOutput({ nodes: 200_000, communities: 300, edgesPerNode: 2 });
  const shots = join(REPO, 'test-results', 'large-graph');
  mkdirSync(shots, { recursive: true });
  const session = useOutputPage(output);

  it('opens as one node per community, sized by members, flagged ones named', async () => {
    await session.page.getByRole('button', { name: 'Analyze' }).click();
    await session.page.locator('[data-testid="meta-map"][data-frames]').waitFor({ timeout: 120_000 });
    expect(await session.page.getByTestId('map').count()).toBe(0);
    const banner = await session.page.getByTestId('meta-banner').textContent();
    expect(banner).toContain('200,000 accounts');
    expect(banner).toContain(`community (${output.communities.length}, 5 flagged`);
    expect(await session.page.getByTestId('open-community').count()).toBe(5);
    // The legend explains the colours the meta-graph is drawn in: verdicts, not community colours.
    const legend = await session.page.getByTestId('verdict-legend').textContent();
    expect(legend).toContain('flagged · 5 communities');
    expect(legend).toContain(`not flagged · ${output.communities.filter((c) => !c.flagged).length}`);
    await session.page.screenshot({ path: join(shots, 'meta-graph.png') });
  }, 180_000);

  it('exports the meta-graph as PNG (3×, verdict legend, caption) and as a GEXF of communities', async () => {
    const box = (await session.page.getByTestId('meta-map').boundingBox())!;
    const png = await download(session.page, () =>
      session.page.getByRole('button', { name: 'PNG', exact: true }).click(),
    );
    expect(png.name).toBe('large-communities-map.png');
    writeFileSync(join(shots, 'export-meta-graph.png'), png.bytes);
    const { width, height } = pngSize(png.bytes);
    expect(width).toBe(Math.round(box.width) * 3);
    expect(height).toBeGreaterThan(Math.round(box.height) * 3);
    expect(height).toBeLessThan(Math.round(box.height) * 3 + 400);
    expect(await inkShare(session.browser, png.bytes)).toBeGreaterThan(0.005);
    await expect.poll(() => session.page.getByTestId('export-status').textContent()).toContain('PNG saved');

    const shown = new Set(output.graph.community).size;
    const gexf = await download(session.page, () =>
      session.page.getByRole('button', { name: 'GEXF (communities)' }).click(),
    );
    expect(gexf.name).toBe('large-communities.gexf');
    writeFileSync(join(shots, 'export-meta-graph.gexf'), gexf.bytes);
    const g = parseGexf(Graph, gexf.bytes.toString('utf8'));
    expect(g.order).toBe(shown);
    expect(g.filterNodes((_n, a) => a.flagged === true)).toHaveLength(5);
    expect(g.reduceNodes((sum, _n, a) => sum + (a.members as number), 0)).toBe(200_000);
    const top = output.communities[0];
    expect(g.getNodeAttributes(String(top.id))).toMatchObject({ members: top.size, verdict: 'flagged', rank: 0 });
    expect(g.size).toBeGreaterThan(0);
    await expect
      .poll(() => session.page.getByTestId('export-status').textContent())
      .toContain(`GEXF of the community meta-graph saved (${shown} communities`);
  }, 180_000);

  it('drills into a flagged community and back', async () => {
    const top = output.communities[0];
    await session.page.getByTestId('open-community').first().click();
    await session.page.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 60_000 });
    expect(await session.page.getByTestId('drill-banner').textContent()).toContain(
      `Community #${top.id}: ${top.size.toLocaleString('en')} accounts`,
    );
    await session.page.screenshot({ path: join(shots, 'drilled.png') });

    // Exports of the opened community: its accounts, as on screen.
    const box = (await session.page.getByTestId('map').boundingBox())!;
    const png = await download(session.page, () =>
      session.page.getByRole('button', { name: 'PNG', exact: true }).click(),
    );
    expect(png.name).toBe(`large-community-${top.id}-map.png`);
    writeFileSync(join(shots, 'export-drilled.png'), png.bytes);
    expect(pngSize(png.bytes).width).toBe(Math.round(box.width) * 3);
    expect(await inkShare(session.browser, png.bytes)).toBeGreaterThan(0.005);
    const gexf = await download(session.page, () => session.page.getByRole('button', { name: 'GEXF (view)' }).click());
    writeFileSync(join(shots, 'export-drilled.gexf'), gexf.bytes);
    const g = parseGexf(Graph, gexf.bytes.toString('utf8'));
    expect(g.order).toBe(top.size);
    g.forEachNode((_n, a) => expect(a.community).toBe(top.id));
    await expect
      .poll(() => session.page.getByTestId('export-status').textContent())
      .toContain(`GEXF of community #${top.id} saved (${top.size.toLocaleString('en-US')} nodes)`);

    await session.page.getByRole('button', { name: '← All communities' }).click();
    await session.page.locator('[data-testid="meta-map"][data-frames]').waitFor({ timeout: 60_000 });
  }, 240_000);
});

describe.skipIf(!HAVE_CHROMIUM)('hover on a thinned account map', () => {
  // 20,000 accounts in one community with ~12 edges each: 240k edges, above the 200k overview budget, so the
  // map draws each account's 10 heaviest edges, while the hover card must count every neighbour.
  const output = generateLargeOutput({ nodes: 20_000, communities: 1, edgesPerNode: 12, flagged: 1, seed: 3 });
  const session = useOutputPage(output);

  it('says how many of the hovered account’s neighbours and links there are, drawn or not', async () => {
    await session.page.getByRole('button', { name: 'Analyze' }).click();
    await session.page.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 120_000 });
    await session.page.getByTestId('map-thinned').waitFor();
    // The one community fills the middle of the map, so its centre lies on some account.
    const box = (await session.page.getByTestId('map').boundingBox())!;
    const card = session.page.getByTestId('focus-card');
    for (const [dx, dy] of [
      [0, 0],
      [6, 4],
      [-5, 7],
      [9, -6],
    ]) {
      await session.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
      // Sigma answers a hover on a node by showing the card; off a node nothing comes, so try the next spot.
      const shown = await card
        .waitFor({ state: 'visible', timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
    }
    const text = (await card.textContent())!;
    await session.page.screenshot({ path: join(REPO, 'test-results', 'large-graph', 'thinned-hover.png') });
    const m = /^(\d+): ([\d,]+) neighbours, all highlighted\. ([\d,]+) of its ([\d,]+) links are drawn/.exec(text);
    expect(m, text).not.toBeNull();
    const node = Number(m![1]);
    const neighbours = new Set<number>();
    for (const e of output.graph.edges) {
      if (e.source === node && e.target !== node) neighbours.add(e.target);
      if (e.target === node && e.source !== node) neighbours.add(e.source);
    }
    const num = (s: string) => Number(s.replace(/,/g, ''));
    expect(num(m![2])).toBe(neighbours.size);
    expect(num(m![4])).toBe(neighbours.size);
    expect(num(m![3])).toBeLessThan(neighbours.size);
    expect(num(m![3])).toBeGreaterThanOrEqual(Math.min(10, neighbours.size));
  }, 240_000);
});
