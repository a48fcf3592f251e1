/**
 * `npm run bench:render`: the map's rendering in Chromium (Debian's, through playwright-core), beside the goals
 * of issue 5 item 9:
 * - pan and zoom frame times (p50/p95) on 100,000 nodes / 500,000 edges in the real app (browser mode, the
 *   real backend and server; the analysis output is generated: test/fixtures/large-graph) — goal p95 ≤ 33 ms
 *   on a machine with a GPU;
 * - time from opening the project page to the first drawn frame, and from the graph's data arriving to that
 *   frame — goal ≤ 3 s once the graph is ready;
 * - ForceAtlas2 iterations per second in the web worker on 100,000 nodes / 1,000,000 edges with Barnes–Hut
 *   θ = 1.2 through the app's layout controller (bench/render-harness), and the longest UI-thread block
 *   meanwhile — goals ≥ 2 it/s, no block over 50 ms.
 * Options: --nodes N --edges M (pan/zoom graph), --fa2-nodes N --fa2-edges M --fa2-seconds S, --only app|fa2.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { generateLargeOutput } from '../test/fixtures/large-graph/generate';
import { CHROMIUM, launchChromium } from '../test/e2e/helpers/browser';
import { ensureBuilt, REPO } from '../test/e2e/helpers/build';
import { startOutputServer } from '../test/e2e/helpers/output-server';
import type { Fa2Result } from './render-harness/harness';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '500000' },
    'fa2-nodes': { type: 'string', default: '100000' },
    'fa2-edges': { type: 'string', default: '1000000' },
    'fa2-seconds': { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
const NODES = Number(values.nodes);
const SCREENSHOT = join(REPO, 'test-results', 'render-bench-map.png');
const EDGES = Number(values.edges);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');

/** rAF timestamps while recording, and long tasks, from the page's start. */
const RECORDER = `
  window.__frames = []; window.__recording = false; window.__longTasks = [];
  const loop = (t) => { if (window.__recording) window.__frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const map = document.querySelector('[data-testid="map"][data-frames]');
    if (map && window.__firstFrame === undefined) window.__firstFrame = performance.now();
  }).observe(document, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-frames'] });
`;

async function glRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

async function record(page: Page, act: () => Promise<void>) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
  });
  const since = await page.evaluate(() => performance.now());
  await act();
  return page.evaluate((from) => {
    const w = window as unknown as {
      __frames: number[];
      __recording: boolean;
      __longTasks: { start: number; duration: number }[];
    };
    w.__recording = false;
    const f = w.__frames;
    const deltas = f.slice(1).map((t, i) => t - f[i]);
    const tasks = w.__longTasks.filter((t) => t.start >= from).map((t) => t.duration);
    return { deltas, longest: Math.max(0, ...tasks) };
  }, since);
}

async function appBenchmark() {
  const t0 = performance.now();
  const output = generateLargeOutput({
    nodes: NODES,
    communities: Math.max(1, Math.round(NODES / 500)),
    edgesPerNode: EDGES / NODES,
  });
  console.error(
    `render: generated ${NODES} nodes / ${output.graph.edges.length} edges in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const server = await startOutputServer(output);
  // Analyse once through the API, so opening the page is opening a project with its saved analysis.
  const run = await fetch(`http://127.0.0.1:${server.port}/api/analysis.run`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Claque-Token': server.token },
    body: JSON.stringify({ jobId: 'bench', parameters: { graph: 'default', resolution: 1, seed: 1 } }),
  });
  if (!((await run.json()) as { ok: boolean }).ok) throw new Error('render: analysis.run failed');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(RECORDER);
    await page.goto(server.url);
    await page.locator('[data-testid="map"][data-frames]').waitFor({ timeout: 300_000 });
    const open = await page.evaluate(() => {
      const w = window as unknown as { __firstFrame: number };
      const get = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/analysis.get')) as
        PerformanceResourceTiming | undefined;
      return { firstFrame: w.__firstFrame, dataAt: get?.responseEnd ?? NaN };
    });
    const gpu = await glRenderer(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.waitForTimeout(1000);
    // The drawn overview, to look at (test-results/ is not committed).
    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    await page.getByTestId('map').screenshot({ path: SCREENSHOT });
    const pan = await record(page, async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i < 90; i++) {
        await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 14));
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await page.waitForTimeout(300);
    });
    const zoom = await record(page, async () => {
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, i < 6 ? -240 : 240);
        await page.waitForTimeout(120);
      }
      await page.waitForTimeout(300);
    });
    const still = await record(page, () => page.waitForTimeout(1000));
    return { open, pan, zoom, still, gpu, edges: output.graph.edges.length };
  } finally {
    await browser.close();
    await server.dispose();
  }
}

async function fa2Benchmark(): Promise<Fa2Result[]> {
  const outDir = join(REPO, '.bench', 'render-harness');
  await build({
    root: join(REPO, 'bench', 'render-harness'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const server = createServer((req, res) => {
    const rel = (req.url ?? '/').split('?')[0];
    const file = normalize(join(outDir, rel === '/' ? 'index.html' : rel));
    if (!file.startsWith(outDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'claqueBench' in window);
    const results: Fa2Result[] = [];
    // The worker alone, then with sigma redrawing every iteration's positions, as the app's map does.
    for (const withMap of [false, true]) {
      await page.reload();
      await page.waitForFunction(() => 'claqueBench' in window);
      results.push(
        await page.evaluate(
          ([n, m, s, map]) =>
            (
              window as unknown as {
                claqueBench: { fa2(n: number, m: number, s: number, map: boolean): Promise<Fa2Result> };
              }
            ).claqueBench.fa2(n, m, s, map),
          [Number(values['fa2-nodes']), Number(values['fa2-edges']), Number(values['fa2-seconds']), withMap] as const,
        ),
      );
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

function printApp(app: Awaited<ReturnType<typeof appBenchmark>>) {
  const software = /swiftshader|llvmpipe|software/i.test(app.gpu);
  const p = (d: number[]) => ({ p50: quantile(d, 0.5), p95: quantile(d, 0.95), n: d.length });
  const pan = p(app.pan.deltas);
  const zoom = p(app.zoom.deltas);
  const both = p([...app.pan.deltas, ...app.zoom.deltas]);
  const fromData = app.open.firstFrame - app.open.dataAt;
  console.log(`WebGL renderer: ${app.gpu}`);
  if (software)
    console.log(
      'NOTE: this machine has no GPU: WebGL runs in software, so frame times here are not comparable with the\n' +
        '      p95 ≤ 33 ms goal, which is for a machine with a GPU.',
    );
  console.log(
    `\nMap: ${NODES.toLocaleString('en')} nodes, ${app.edges.toLocaleString('en')} edges (app in browser mode)`,
  );
  console.log(`  pan   frame time   p50 ${ms(pan.p50)}  p95 ${ms(pan.p95)}  (${pan.n} frames)`);
  console.log(`  zoom  frame time   p50 ${ms(zoom.p50)}  p95 ${ms(zoom.p95)}  (${zoom.n} frames)`);
  console.log(
    `  pan+zoom p95 ${ms(both.p95)}   goal ≤ 33 ms with a GPU: ${software ? 'not applicable (no GPU)' : verdict(both.p95 <= 33)}`,
  );
  console.log(`  longest UI block while panning ${ms(app.pan.longest)}, zooming ${ms(app.zoom.longest)}`);
  console.log(`  idle frame time p50 ${ms(p(app.still.deltas).p50)}`);
  console.log(`  screenshot of the map after the first frame: ${SCREENSHOT}`);
  console.log(`  open project → first frame   ${ms(app.open.firstFrame)} (page navigation to first drawn map)`);
  console.log(
    `  graph data in → first frame  ${ms(fromData)}   goal ≤ 3000 ms once the graph is ready: ${verdict(fromData <= 3000)}`,
  );
}

function printFa2(fa2: Fa2Result) {
  console.log(
    `\nForceAtlas2 in the web worker, ${fa2.withMap ? 'with sigma drawing the graph' : 'no map drawn'}: ${fa2.nodes.toLocaleString('en')} nodes, ${fa2.edges.toLocaleString('en')} edges, Barnes–Hut θ ${fa2.barnesHutTheta} (graph built in ${fa2.buildMs} ms)`,
  );
  console.log(
    `  ${fa2.iterations} iterations in ${fa2.seconds.toFixed(1)} s = ${fa2.iterationsPerSecond.toFixed(2)} it/s   goal ≥ 2 it/s: ${verdict(fa2.iterationsPerSecond >= 2)}`,
  );
  console.log(
    `  longest UI-thread block ${ms(fa2.longestTaskMs)} (${fa2.longTasks} long tasks, ${fa2.updates} position updates)   goal ≤ 50 ms: ${verdict(fa2.longestTaskMs <= 50)}`,
  );
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`render: no Chromium at ${CHROMIUM} (set CLAQUE_CHROMIUM); nothing measured`);
    process.exit(2);
  }
  ensureBuilt();
  console.log(`Claque render benchmark — Chromium ${resolve(CHROMIUM)}`);
  if (values.only !== 'fa2') printApp(await appBenchmark());
  if (values.only !== 'app') for (const r of await fa2Benchmark()) printFa2(r);
}

await main();
