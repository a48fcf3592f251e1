/**
 * Raw IPC stays in one file each (../shared/ARCHITECTURE.md): ipcMain in src/main/app/ipc.ts, ipcRenderer in
 * src/preload/index.ts. Everything else goes through the typed contract. An import boundary tool cannot see
 * this (both come from 'electron', which src/main/app may import), so the sources are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const ALLOWED: Record<string, string> = { ipcMain: 'main/app/ipc.ts', ipcRenderer: 'preload/index.ts' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Code without comments: a comment naming ipcRenderer is not a use of it. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

describe('raw IPC', () => {
  for (const [name, home] of Object.entries(ALLOWED)) {
    it(`${name} appears in ${home} only`, () => {
      const users = sources(SRC)
        .filter((f) => new RegExp(`\\b${name}\\b`).test(code(readFileSync(f, 'utf8'))))
        .map((f) => relative(SRC, f));
      expect(users).toEqual([home]);
    });
  }
});
