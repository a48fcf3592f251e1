/**
 * The page's own downloads in the desktop app (the graph as PNG, the meta-graph GEXF) go through the same door
 * as every other export (issue 16, item 1, the gap the Export bar left): our save dialog, the export target
 * check, a temporary file renamed into place. Electron is not here: the session, the DownloadItem and the
 * dialog are stand-ins that behave as Electron's do (will-download, setSavePath, then 'done' with a state),
 * and Chromium's writing of the file is done by the test.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  handleDownloads,
  saveDownload,
  type DownloadLike,
  type DownloadShell,
} from '../../src/main/app/save-downloads';
import { openProject } from '../../src/main/store/project';
import { tempDir } from '../helpers/temp-dir';

type DoneState = 'completed' | 'cancelled' | 'interrupted';

/** A DownloadItem as Electron hands it to will-download: Chromium writes to the save path, then says 'done'. */
function fakeItem(fileName: string) {
  let savePath = '';
  let done: ((event: unknown, state: DoneState) => void) | undefined;
  const item = {
    getFilename: () => fileName,
    setSavePath: (path: string) => void (savePath = path),
    getSavePath: () => savePath,
    once: (name: string, listener: (event: unknown, state: DoneState) => void) => {
      expect(name).toBe('done');
      done = listener;
      return item;
    },
  };
  return {
    item: item as unknown as DownloadLike,
    savePath: () => savePath,
    /** Chromium writes `bytes` to the save path and finishes with `state`. */
    finish(bytes: Buffer | null, state: DoneState) {
      if (bytes) writeFileSync(savePath, bytes);
      done?.({}, state);
    },
    listening: () => done !== undefined,
  };
}

function fakeShell(chosen: string | undefined, project: string | null) {
  const errors: [string, string][] = [];
  const asked: { defaultPath: string; filters: { extensions: string[] }[] }[] = [];
  const shell: DownloadShell & { project: string | null } = {
    project,
    askPath: (o) => {
      asked.push(o);
      return chosen;
    },
    showError: (title, message) => void errors.push([title, message]),
    projectFile: () => shell.project,
    defaultFolder: () => '/home/analyst/Downloads',
  };
  return { shell, errors, asked };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const event = () => {
  let prevented = false;
  return { preventDefault: () => void (prevented = true), prevented: () => prevented };
};
const partials = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.partial') || n.endsWith('.crdownload'));

describe('renderer downloads in the desktop app', () => {
  let dir: string;
  let project: string;
  let projectBytes: Buffer;

  beforeEach(() => {
    dir = tempDir('claque-downloads-');
    project = join(dir, 'case.claque');
    const db = openProject(project);
    db.close();
    projectBytes = readFileSync(project);
  });

  it('asks our dialog with the page’s file name, saves to a temporary file beside the target, renames when done', () => {
    const target = join(dir, 'graph.png');
    const { shell, errors, asked } = fakeShell(target, project);
    const d = fakeItem('claque-graph.png');
    const e = event();
    saveDownload(e, d.item, shell);
    expect(e.prevented()).toBe(false);
    expect(asked[0].defaultPath).toBe('/home/analyst/Downloads/claque-graph.png');
    expect(asked[0].filters[0].extensions).toEqual(['png']);
    // Chromium writes elsewhere than the target: a hidden temporary file in the same folder (one rename away).
    expect(d.savePath()).not.toBe(target);
    expect(dirname(d.savePath())).toBe(dir);
    expect(d.savePath()).toMatch(/\/\.graph\.png\.[0-9a-f]+\.partial$/);
    expect(existsSync(d.savePath())).toBe(false); // Chromium creates it, so it never has to pick another name
    writeFileSync(d.savePath(), PNG.subarray(0, 5)); // half written: the target does not exist yet
    expect(existsSync(target)).toBe(false);
    d.finish(PNG, 'completed');
    expect(readFileSync(target)).toEqual(PNG);
    expect(partials(dir)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    ['the open project', (p: string) => p, /refusing to export over the open project/],
    ['its -wal', (p: string) => `${p}-wal`, /SQLite keeps beside the open project/],
    ['its -shm', (p: string) => `${p}-shm`, /SQLite keeps beside the open project/],
  ])(
    'refuses %s: the download is cancelled, the user is told why in words, the project is untouched',
    (_what, target, why) => {
      const { shell, errors } = fakeShell(target(project), project);
      const d = fakeItem('meta-graph.gexf');
      const e = event();
      saveDownload(e, d.item, shell);
      expect(e.prevented()).toBe(true);
      expect(d.savePath()).toBe('');
      expect(d.listening()).toBe(false);
      expect(errors).toHaveLength(1);
      expect(errors[0][0]).toBe('Export refused');
      expect(errors[0][1]).toMatch(why);
      expect(errors[0][1]).not.toMatch(/\n\s+at /);
      expect(readFileSync(project)).toEqual(projectBytes);
    },
  );

  it('refuses another SQLite database (another project) even when it is not the open one', () => {
    const other = join(dir, 'other.claque');
    openProject(other).close();
    const before = readFileSync(other);
    const { shell, errors } = fakeShell(other, project);
    const e = event();
    saveDownload(e, fakeItem('graph.png').item, shell);
    expect(e.prevented()).toBe(true);
    expect(errors[0][1]).toMatch(/is an SQLite database \(perhaps a Claque project\)/);
    expect(readFileSync(other)).toEqual(before);
  });

  it('a cancelled dialog cancels the download and says nothing', () => {
    const { shell, errors } = fakeShell(undefined, project);
    const e = event();
    const d = fakeItem('graph.png');
    saveDownload(e, d.item, shell);
    expect(e.prevented()).toBe(true);
    expect(d.savePath()).toBe('');
    expect(errors).toEqual([]);
  });

  it.each(['interrupted', 'cancelled'] as const)(
    'an %s download leaves the old file whole and no temporary file',
    (state) => {
      const target = join(dir, 'graph.png');
      writeFileSync(target, 'the previous export');
      const { shell, errors } = fakeShell(target, project);
      const d = fakeItem('graph.png');
      saveDownload(event(), d.item, shell);
      d.finish(PNG.subarray(0, 7), state);
      expect(readFileSync(target, 'utf8')).toBe('the previous export');
      expect(partials(dir)).toEqual([]);
      if (state === 'interrupted') expect(errors[0][1]).toMatch(/interrupted; nothing was saved/);
      else expect(errors).toEqual([]);
    },
  );

  it('a target that became the open project while the file was written is not replaced', () => {
    const target = join(dir, 'graph.png');
    const { shell, errors } = fakeShell(target, project);
    const d = fakeItem('graph.png');
    saveDownload(event(), d.item, shell);
    // Meanwhile the user opened (created) a project under that very name.
    openProject(target).close();
    shell.project = target;
    const before = readFileSync(target);
    d.finish(PNG, 'completed');
    expect(readFileSync(target)).toEqual(before);
    expect(errors[0][0]).toBe('Export refused');
    expect(partials(dir)).toEqual([]);
  });

  it('handleDownloads routes will-download of the session to the handler and can be undone', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const session = {
      on: (name: string, l: (...args: unknown[]) => void) => void listeners.set(name, l),
      off: (name: string) => void listeners.delete(name),
    };
    const target = join(dir, 'meta.gexf');
    const { shell } = fakeShell(target, project);
    const stop = handleDownloads(session as never, shell);
    const d = fakeItem('meta.gexf');
    listeners.get('will-download')!(event(), d.item, {});
    d.finish(Buffer.from('<gexf/>'), 'completed');
    expect(readFileSync(target, 'utf8')).toBe('<gexf/>');
    stop();
    expect(listeners.has('will-download')).toBe(false);
  });
});
