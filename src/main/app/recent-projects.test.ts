import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, recentProjects, startupProject } from './recent-projects';
import { tempDir } from '../../../test/helpers/temp-dir';

const dir = () => tempDir('claque-recent-');

describe('recent projects', () => {
  it('keeps the newest first, without duplicates, up to the limit, across restarts', () => {
    const store = join(dir(), 'sub', 'recent.json');
    const r = recentProjects(store, () => true);
    expect(r.list()).toEqual([]);
    r.add('/a.claque');
    r.add('/b.claque');
    r.add('/a.claque');
    expect(recentProjects(store, () => true).list()).toEqual(['/a.claque', '/b.claque']);
    for (let i = 0; i < 20; i++) r.add(`/p${i}.claque`);
    expect(r.list()).toHaveLength(MAX_RECENT);
    expect(r.list()[0]).toBe('/p19.claque');
    r.remove('/p19.claque');
    expect(r.list()[0]).toBe('/p18.claque');
    r.clear();
    expect(r.list()).toEqual([]);
  });

  it('drops files that are gone and survives a corrupt store', () => {
    const store = join(dir(), 'recent.json');
    const r = recentProjects(store, (f) => f !== '/gone.claque');
    r.add('/gone.claque');
    r.add('/here.claque');
    expect(r.list()).toEqual(['/here.claque']);
    writeFileSync(store, '{not json');
    expect(r.list()).toEqual([]);
    r.add('/x.claque');
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({ files: ['/x.claque'] });
    writeFileSync(store, JSON.stringify({ files: ['/ok.claque', 7, null] }));
    expect(recentProjects(store, () => true).list()).toEqual(['/ok.claque']);
  });

  it('stores absolute paths', () => {
    const store = join(dir(), 'recent.json');
    expect(recentProjects(store, () => true).add('rel/p.claque')).toEqual([resolve('rel/p.claque')]);
  });
});

describe('startup project', () => {
  const demo = '/data/demo.claque';
  it('opens a project named on the command line first', () => {
    expect(startupProject({ argv: ['claque', '--x', 'w.claque'], recent: ['/r.claque'], everOpened: true, demo })).toBe(
      resolve('w.claque'),
    );
  });
  it('opens the demo on the very first start, then the most recent project', () => {
    expect(startupProject({ argv: ['claque'], recent: [], everOpened: false, demo })).toBe(demo);
    expect(startupProject({ argv: ['claque'], recent: ['/r.claque'], everOpened: true, demo })).toBe('/r.claque');
    expect(startupProject({ argv: ['claque'], recent: [], everOpened: true, demo })).toBeNull();
    expect(startupProject({ argv: ['claque'], recent: [], everOpened: false, demo: null })).toBeNull();
  });
});
