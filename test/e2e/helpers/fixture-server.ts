/**
 * Browser mode in-process, for UI tests that must not depend on the analysis pipeline's current numbers:
 * the real backend and HTTP server over a real (empty) project, with the analysis runner pinned to the
 * committed fixture output (test/fixtures/analysis/output-small.json).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisOutput } from '../../../src/shared/analysis/result';
import { createBackend } from '../../../src/main/server/backend';
import { startServer, type RunningServer } from '../../../src/main/server/http-server';
import { REPO, RENDERER_DIR } from './build';

export const FIXTURE_OUTPUT = join(REPO, 'test/fixtures/analysis/output-small.json');

export function loadFixtureOutput(): AnalysisOutput {
  return JSON.parse(readFileSync(FIXTURE_OUTPUT, 'utf8')) as AnalysisOutput;
}

export async function startFixtureServer(): Promise<RunningServer & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'claque-ui-'));
  const output = loadFixtureOutput();
  const backend = createBackend({
    project: join(dir, 'fixture.claque'),
    create: true,
    runAnalysis: async (_db, parameters, { onProgress }) => {
      onProgress?.('fixture', 1);
      return { ...output, summary: { ...output.summary, parameters } };
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
