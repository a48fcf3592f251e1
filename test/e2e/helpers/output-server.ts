/**
 * Browser mode in-process over an empty project, with the analysis runner pinned to a given output (a
 * generated large one, for the large-graph map and the render benchmark).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisOutput, AnalysisParameters } from '../../../src/shared/analysis/result';
import { createBackend } from '../../../src/main/server/backend';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { ensureBuilt, RENDERER_DIR } from './build';

export type PinnedServer = RunningServer & { dispose(): Promise<void> };

/**
 * Browser mode over a fresh empty project `<name>.claque` whose analysis runner answers `answer(parameters)`,
 * reporting one progress step named `name`.
 */
export async function startPinnedServer(
  name: string,
  answer: (parameters: AnalysisParameters) => AnalysisOutput,
): Promise<PinnedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'claque-pinned-'));
  const backend = createBackend({
    project: join(dir, `${name}.claque`),
    create: true,
    runAnalysis: async (_db, parameters, { onProgress }) => {
      onProgress?.(name, 1);
      return answer(parameters);
    },
  });
  const server = await startServer({ backend, rendererDir: RENDERER_DIR });
  return {
    ...server,
    async dispose() {
      await server.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function startOutputServer(output: AnalysisOutput): Promise<PinnedServer> {
  return startPinnedServer('large', () => output);
}

export interface OutputPage {
  browser: Browser;
  page: Page;
}

/**
 * For a describe block: before its tests, the renderer built, browser mode serving `output`, and Chromium on
 * its page (1280×800); after them, all closed. Read `browser` and `page` inside the tests.
 */
export function useOutputPage(output: AnalysisOutput): OutputPage {
  const session = {} as OutputPage;
  let server: Awaited<ReturnType<typeof startOutputServer>> | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await startOutputServer(output);
    session.browser = await launchChromium();
    session.page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await session.page.goto(server.url);
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await server?.dispose();
  });
  return session;
}
