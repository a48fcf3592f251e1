/**
 * Browser mode in-process, for UI tests that must not depend on the analysis pipeline's current numbers:
 * the real backend and HTTP server over a real (empty) project, with the analysis runner pinned to the
 * committed fixture output (test/fixtures/analysis/output-small.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisOutput } from '../../../src/shared/analysis/result';
import { REPO } from './build';
import { startPinnedServer, type PinnedServer } from './output-server';

export const FIXTURE_OUTPUT = join(REPO, 'test/fixtures/analysis/output-small.json');

export function loadFixtureOutput(): AnalysisOutput {
  return JSON.parse(readFileSync(FIXTURE_OUTPUT, 'utf8')) as AnalysisOutput;
}

export function startFixtureServer(): Promise<PinnedServer> {
  const output = loadFixtureOutput();
  return startPinnedServer('fixture', (parameters) => ({ ...output, summary: { ...output.summary, parameters } }));
}
