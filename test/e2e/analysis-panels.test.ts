/**
 * The analysis panels and exports in Chromium against browser mode with the real backend and the real
 * pipeline, in-process, on CooRTweet's russian_coord_tweets.csv (MIT, by Nicola Righetti and Paul Balluff;
 * see ../shared/data/README.md): open a cascade and see its tree and metrics, open an account, export the
 * current view as GEXF and the map as PNG and check both files, export a community's evidence report.
 * Screenshot references of the cascade view and the account panel sit in screenshots/ (see README.md).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { createBackend, type Backend } from '../../src/main/server/backend';
import { startServer, type RunningServer } from '../../src/main/server/http-server';
import type { AnalysisOutput } from '../../src/shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS } from '../../src/shared/api/contract';
import { closeInProcessApp } from './helpers/in-process-app';
import { afterPaint, HAVE_CHROMIUM, launchChromium } from './helpers/browser';
import { ensureBuilt, RENDERER_DIR, REPO } from './helpers/build';
import { compareImages, inkShare } from './helpers/image-compare';

const DATA = resolve(REPO, '../shared/data/russian_coord_tweets.csv');
const REFERENCES = join(REPO, 'test/e2e/screenshots');
const ACTUAL = join(REPO, 'test-results/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function call<T>(backend: Backend, channel: string, payload: unknown): Promise<T> {
  const envelope = await backend.call(channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Compares a panel's picture with its committed reference (same tolerance as the map screenshots). */
async function matchesReference(browser: Browser, name: string, png: Buffer): Promise<void> {
  writeFileSync(join(ACTUAL, `${name}.png`), png);
  expect(await inkShare(browser, png)).toBeGreaterThan(0.01);
  const reference = join(REFERENCES, `${name}.png`);
  if (UPDATE || !existsSync(reference)) {
    writeFileSync(reference, png);
    if (!UPDATE) throw new Error(`${reference}: no reference yet; wrote this run's picture there — look at it`);
    return;
  }
  const diff = await compareImages(browser, png, readFileSync(reference));
  expect(diff.sameSize).toBe(true);
  expect(diff.meanDelta, `mean channel delta vs ${reference}`).toBeLessThan(2.5);
  expect(diff.changedShare, `share of changed cells vs ${reference}`).toBeLessThan(0.015);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()])) as [Download, void];
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

describe.skipIf(!HAVE_CHROMIUM)('analysis panels and exports (Chromium, real pipeline on CooRTweet data)', () => {
  let dir: string;
  let backend: Backend;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let output: AnalysisOutput;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(ACTUAL, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'claque-panels-'));
    backend = createBackend({ project: join(dir, 'coord.claque'), create: true, runAnalysis });
    await call(backend, 'import.run', { jobId: 'i', file: DATA });
    output = await call(backend, 'analysis.run', { jobId: 'a', parameters: DEFAULT_ANALYSIS_PARAMETERS });
    server = await startServer({ backend, rendererDir: RENDERER_DIR });
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1400, height: 900 },
      deviceScaleFactor: 1,
      acceptDownloads: true,
    });
    await page.goto(server.url);
    await page.getByTestId('community').first().waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(() => closeInProcessApp({ browser, server, backend, dir }));

  it('opens the largest cascade: its tree, shape metrics and share timeline', async () => {
    await page.getByRole('tab', { name: /Cascades/ }).click();
    const list = page.getByTestId('cascade-list');
    await list.waitFor();
    expect(Number(await list.getAttribute('data-rows'))).toBe(output.cascades.length);
    // Sorted by size, largest first: the first row is the largest cascade.
    const largest = [...output.cascades].sort((a, b) => b.size - a.size)[0];
    const first = list.locator('.dt-row').first();
    expect(Number(await first.locator('[role=cell]').nth(1).textContent())).toBe(largest.size);
    await first.click();
    const tree = page.getByTestId('cascade-tree');
    await tree.waitFor();
    expect(Number(await tree.getAttribute('data-nodes'))).toBe(Math.min(largest.size, 5000));
    expect(await tree.locator('circle.tree-node').count()).toBe(Math.min(largest.size, 5000));
    const metrics = await page.getByTestId('cascade-metrics').textContent();
    expect(metrics).toContain(largest.structuralVirality.toFixed(2));
    expect(metrics).toContain(`${largest.sharesFirstMinute}Shares in 1st minute`);
    expect(metrics).toContain(`${largest.depth}Depth`);
    await expect.poll(() => page.getByTestId('share-timeline').locator('path.recharts-curve').count()).toBe(1);
    // Sorting by another column reorders the list.
    await list.getByRole('columnheader', { name: /Virality/ }).click();
    const topVirality = Math.max(...output.cascades.map((c) => c.structuralVirality));
    expect(await list.locator('.dt-row').first().locator('[role=cell]').nth(2).textContent()).toBe(
      topVirality.toFixed(2),
    );
    await list.getByRole('columnheader', { name: /Size/ }).click();
    await list.locator('.dt-row').first().click();
    // Back on the largest cascade: its tree drawn, then the frames after it painted.
    await expect.poll(() => tree.getAttribute('data-nodes')).toBe(String(Math.min(largest.size, 5000)));
    await expect.poll(() => page.getByTestId('cascade-metrics').textContent()).toContain(`${largest.depth}Depth`);
    await afterPaint(page);
    const png = await page.getByTestId('cascade-view').screenshot();
    await matchesReference(browser, 'cascade-view', png);
  });

  it('opens an account from a member row: profile, heatmap, posts and verdict', async () => {
    await page.getByRole('tab', { name: 'Map' }).click();
    const top = [...output.communities].sort((a, b) => b.size - a.size)[0];
    await page.locator(`[data-community="${top.id}"] .community-head`).click();
    await page.getByTestId('members').locator('.member').first().click();
    const panel = page.getByTestId('account-panel');
    await panel.waitFor();
    const member = output.accounts
      .filter((a) => a.community === top.id)
      .sort((a, b) => b.score - a.score || (b.posts ?? 0) - (a.posts ?? 0))[0];
    await expect
      .poll(() => page.getByTestId('account-name').textContent())
      .toBe(member.screenName ? `@${member.screenName}` : member.accountId);
    await expect.poll(() => panel.textContent()).toContain(`${member.posts} posts`);
    expect(await panel.getByTestId('heatmap').locator('.cell').count()).toBe(168);
    const rows = Number(await panel.getByTestId('account-posts').getAttribute('data-rows'));
    expect(rows).toBe(Math.min(100, member.posts ?? 0));
    expect(await page.getByTestId('account-verdict').textContent()).toContain(`community #${top.id}`);
    // The account's own numbers behind the evidence (its features.csv row), folded until asked for.
    const numbers = panel.getByTestId('account-features');
    const f = member.features!;
    expect(f.posts).toBe(member.posts);
    await numbers.locator('summary').click();
    await expect
      .poll(() => numbers.textContent())
      .toContain(`${f.posts.toLocaleString('en-US')} posts on ${f.activeDays.toLocaleString('en-US')} days`);
    expect(await numbers.textContent()).toContain(`${f.engagements.toLocaleString('en-US')} engagements`);
    await numbers.screenshot({ path: join(ACTUAL, 'account-features.png') });
    await numbers.locator('summary').click();
    const png = await panel.screenshot();
    await matchesReference(browser, 'account-panel', png);
    await panel.getByRole('button', { name: 'Close account' }).click();
    await page.getByTestId('community-detail').waitFor();
  });

  it('greys evidence measured on too little data: "not enough data", never among the communities\' top numbers', async () => {
    const top = [...output.communities].sort((a, b) => b.size - a.size)[0];
    await page.locator(`[data-community="${top.id}"] .community-head`).click();
    const detail = page.getByTestId('community-detail');
    await detail.waitFor();
    // CooRTweet's table has no account creation dates and no clients: those signals cannot be judged.
    const thin = top.evidence.filter((e) => e.insufficient);
    expect(thin.map((e) => e.key)).toEqual(expect.arrayContaining(['creation_clustering', 'client_uniformity']));
    const findings = top.evidence.filter((e) => !e.insufficient);
    expect(findings.length).toBeGreaterThan(0);
    const rows = detail.locator('[data-testid=evidence] tbody tr');
    // Findings first, the thin rows after them.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')))).toEqual([
      ...[...findings].sort((a, b) => b.strength - a.strength).map((e) => e.key),
      ...[...thin].sort((a, b) => b.strength - a.strength).map((e) => e.key),
    ]);
    for (const e of thin) {
      const row = detail.locator(`[data-testid=evidence] tr[data-key="${e.key}"]`);
      expect(await row.getAttribute('class')).toBe('insufficient');
      const value = row.locator('.num');
      const raw = e.unit === 'share' ? `${(100 * e.value).toFixed(1)} %` : null;
      expect(await value.textContent()).toBe(
        raw ? `not enough data (${raw})` : expect.stringMatching(/^not enough data \(/),
      );
      expect(await value.locator('.not-enough').getAttribute('title')).toContain('for reference only');
      expect(await row.locator('.strength').getAttribute('aria-label')).toBe('strength: not enough data');
      // Greyed: the row's text is lighter than a finding's.
      const grey = await row
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).color);
      expect(grey).toBe('rgb(154, 154, 154)');
    }
    const findingRow = detail.locator(`[data-testid=evidence] tr[data-key="${findings[0].key}"]`);
    expect(await findingRow.getAttribute('class')).toBeNull();
    expect(await findingRow.locator('.num').textContent()).not.toContain('not enough data');
    // The communities panel lists up to three findings per community, never a thin one.
    const labels = await page
      .locator(`[data-community="${top.id}"] .evidence-mini dt`)
      .evaluateAll((dts) => dts.map((d) => d.textContent));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(findings.map((e) => e.label)).toContain(l);
    const minis = await page.getByTestId('community').evaluateAll((lis) =>
      lis.map((li) => ({
        id: Number(li.getAttribute('data-community')),
        labels: Array.from(li.querySelectorAll('.evidence-mini dt'), (d) => d.textContent ?? ''),
      })),
    );
    expect(minis.length).toBe(output.communities.length);
    for (const { id, labels: shown } of minis) {
      const c = output.communities.find((x) => x.id === id)!;
      const thinLabels = new Set(c.evidence.filter((e) => e.insufficient).map((e) => e.label));
      for (const l of shown) expect(thinLabels.has(l), `community ${id}: ${l}`).toBe(false);
    }
    await detail.locator('[data-testid=evidence]').scrollIntoViewIfNeeded();
    await detail.screenshot({ path: join(ACTUAL, 'evidence-not-enough-data.png') });
  });

  it('exports the map as a PNG at three times its size, with legend and caption below', async () => {
    const map = (await page.getByTestId('map').boundingBox())!;
    const file = await download(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click());
    expect(file.name).toBe('coord-map.png');
    writeFileSync(join(ACTUAL, 'export-map.png'), file.bytes);
    expect(file.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(file.bytes.toString('latin1', 12, 16)).toBe('IHDR');
    const width = file.bytes.readUInt32BE(16);
    const height = file.bytes.readUInt32BE(20);
    expect(width).toBe(Math.round(map.width) * 3);
    // The map at 3× plus a band for the legend and the caption: a few rows of each, more when a narrower map
    // (a panel open) wraps the legend into more rows — never a band taller than half the map.
    expect(height).toBeGreaterThan(Math.round(map.height) * 3 + 150);
    expect(height).toBeLessThan(Math.round(map.height) * 3 * 1.5);
    expect(await inkShare(browser, file.bytes)).toBeGreaterThan(0.005);
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain('PNG saved');
  });

  it('exports the current view as GEXF: exactly the shown community', async () => {
    // The largest community, so the view holds more than a handful of nodes.
    const top = [...output.communities].sort((a, b) => b.size - a.size)[0];
    await page.locator(`[data-community="${top.id}"] .community-head`).click();
    await page.getByTestId('community-detail').getByRole('button', { name: 'Show only this' }).click();
    const file = await download(page, () => page.getByRole('button', { name: 'GEXF (view)' }).click());
    expect(file.name).toBe('coord-view.gexf');
    const g = parseGexf(Graph, file.bytes.toString('utf8'));
    expect(g.order).toBe(output.graph.community.filter((c) => c === top.id).length);
    g.forEachNode((_n, attr) => expect(attr.community).toBe(top.id));
  });

  it('exports the evidence report of the selected community with every number behind the verdict', async () => {
    const top = [...output.communities].sort((a, b) => b.size - a.size)[0];
    const file = await download(page, () => page.getByRole('button', { name: 'Report' }).click());
    expect(file.name).toBe(`coord-community-${top.id}-report.html`);
    const html = file.bytes.toString('utf8');
    writeFileSync(join(ACTUAL, 'report.html'), html);
    for (const e of top.evidence) {
      expect(html).toContain(
        e.insufficient ? `<tr data-key="${e.key}" class="insufficient">` : `<tr data-key="${e.key}">`,
      );
    }
    // Evidence on too little data reads "not enough data" there too, its raw number beside it.
    const thin = top.evidence.find((e) => e.insufficient)!;
    expect(html).toMatch(
      new RegExp(
        `<tr data-key="${thin.key}" class="insufficient"><td>[^<]*</td><td class="num"><span class="not-enough"[^>]*>not enough data</span>`,
      ),
    );
    for (const r of top.reasons) expect(html).toContain(r.replace(/&/g, '&amp;'));
    expect(html).toContain(`Members (${top.size})`);
    expect(html).toContain('russian_coord_tweets.csv');
    expect(html).toContain(`<th>Random seed</th><td>${DEFAULT_ANALYSIS_PARAMETERS.seed}</td>`);
  });
});
