/**
 * Teardown for the tests that run the real backend and server in this process with Chromium beside them
 * (analysis-panels, xss): each part closed if it was started, the temporary project folder removed.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Backend } from '../../../src/main/server/backend';
import type { RunningServer } from '../../../src/main/server/http-server';

export async function closeInProcessApp(parts: {
  browser?: Browser;
  server?: RunningServer;
  backend?: Backend;
  dir?: string;
}): Promise<void> {
  await parts.browser?.close();
  await parts.server?.close();
  parts.backend?.close();
  if (parts.dir) rmSync(parts.dir, { recursive: true, force: true });
}
