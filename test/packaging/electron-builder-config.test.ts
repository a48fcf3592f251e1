/**
 * electron-builder.yml, checked offline: electron-builder's own loader and schema validation (the same calls
 * `electron-builder` makes before packaging), then that its patterns name real files: the native module to
 * unpack from the asar archive and the demo resource. Packaging itself needs Electron's binary and is not run.
 */
import { globSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const CONFIG = join(REPO, 'electron-builder.yml');

describe('electron-builder configuration', () => {
  it('loads and passes electron-builder’s schema', async () => {
    const config = await getConfig(REPO, CONFIG, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.npmRebuild).toBe(false);
  });

  it('is a check that can fail: an unknown option is refused', async () => {
    const config = await getConfig(REPO, CONFIG, null);
    await expect(
      validateConfiguration({ ...config, asarUnpackk: ['x'] } as typeof config, new DebugLogger(false)),
    ).rejects.toThrow(/asarUnpackk/);
  });

  it('unpacks every better-sqlite3 prebuilt binary, including the one this machine loads', async () => {
    const config = await getConfig(REPO, CONFIG, null);
    const patterns = config.asarUnpack as string[];
    const unpacked = patterns.flatMap((p) => globSync(p, { cwd: REPO }));
    const key = `${process.platform}-${process.arch}`;
    expect(unpacked).toContain(`node_modules/better-sqlite3/prebuilds/${key}.node`);
    // better-sqlite3 picks the prebuild by platform (lib/binding.js): the same file Node and Electron load.
    expect(readFileSync(join(REPO, 'node_modules/better-sqlite3/lib/binding.js'), 'utf8')).toContain("'prebuilds'");
  });

  it('bundles the demo project where the app looks for it', async () => {
    const config = await getConfig(REPO, CONFIG, null);
    expect(config.extraResources).toEqual([{ from: 'resources/demo/demo.claque', to: 'demo/demo.claque' }]);
    const shell = readFileSync(join(REPO, 'src/main/app/index.ts'), 'utf8');
    expect(shell).toContain("join(process.resourcesPath, 'demo', 'demo.claque')");
    expect(readFileSync(join(REPO, 'scripts/make-demo.ts'), 'utf8')).toContain("join(demoDir, 'demo.claque')");
  });
});
