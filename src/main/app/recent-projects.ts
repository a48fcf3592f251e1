/**
 * Recent projects, newest first, in a small JSON file under Electron's userData folder (the caller passes the
 * path, so this stays plain Node and testable). Files that no longer exist are dropped when read; a corrupt
 * file is treated as empty rather than stopping the app.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const MAX_RECENT = 10;

export interface RecentProjects {
  list(): string[];
  add(file: string): string[];
  remove(file: string): string[];
  clear(): void;
}

export function recentProjects(storeFile: string, exists: (file: string) => boolean = existsSync): RecentProjects {
  const read = (): string[] => {
    try {
      const parsed = JSON.parse(readFileSync(storeFile, 'utf8')) as unknown;
      const files = (parsed as { files?: unknown })?.files;
      return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  };
  const write = (files: string[]) => {
    mkdirSync(dirname(storeFile), { recursive: true });
    // Write then rename: a crash mid-write never leaves a truncated list.
    const tmp = `${storeFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ files }, null, 2) + '\n');
    renameSync(tmp, storeFile);
    return files;
  };
  return {
    list: () => read().filter((f) => exists(f)),
    add(file) {
      const abs = resolve(file);
      return write([abs, ...read().filter((f) => f !== abs)].slice(0, MAX_RECENT));
    },
    remove(file) {
      const abs = resolve(file);
      return write(read().filter((f) => f !== abs));
    },
    clear() {
      write([]);
    },
  };
}

/**
 * Which project to open at start: one named on the command line, else — on the very first start, when no
 * project was ever opened — the bundled demo, else the most recent one still on disk, else none (the project
 * panel asks).
 */
export function startupProject(options: {
  argv: readonly string[];
  recent: readonly string[];
  everOpened: boolean;
  demo: string | null;
}): string | null {
  const named = options.argv.slice(1).find((a) => a.toLowerCase().endsWith('.claque'));
  if (named) return resolve(named);
  if (!options.everOpened && options.demo) return options.demo;
  return options.recent[0] ?? null;
}
