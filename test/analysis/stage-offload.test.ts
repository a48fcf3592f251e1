/**
 * The stage worker (src/main/analysis/stage-offload.ts) computes post parents, text groups and the layout on
 * a second thread, and writes big GEXF files. It must give exactly what the single-thread pipeline gives: checked here on the planted
 * investigation, column by column and through runAnalysis end to end, plus the fallbacks (another snapshot,
 * an in-memory project).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadPostParents, loadPostTexts } from '../../src/main/analysis/load-dataset';
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { startOffloading, StageWorker } from '../../src/main/analysis/stage-offload';
import { writeOutputs } from '../../src/main/analysis/write-outputs';
import { openProject, type Db } from '../../src/main/store/project';
import { findWorkerEntry } from '../../src/main/worker-entry';
import type { Dataset } from '../../src/shared/analysis/dataset';
import { postParents } from '../../src/shared/analysis/features';
import { textGroups } from '../../src/shared/analysis/text';
import { forceAtlas2Layout } from '../../src/shared/graph/layout';
import { generatePlanted } from '../fixtures/planted/generate';
import { writeRecords } from '../fixtures/planted/write-project';

let dir: string;
let db: Db;
let ds: Dataset;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claque-offload-'));
  db = openProject(join(dir, 'planted.claque'));
  writeRecords(db, generatePlanted({ seed: 7 }).batches);
  ds = loadDataset(db);
}, 60_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('stage worker', () => {
  it('is found as TypeScript source when running from source', () => {
    expect(findWorkerEntry('stage-worker', new URL('../../src/main/analysis/x.ts', import.meta.url).href)).toEqual({
      path: join(import.meta.dirname, '../../src/main/analysis/stage-worker.ts'),
      typescript: true,
    });
  });

  it('reads post parents and texts from the file exactly as the dataset has them', () => {
    const input = loadPostTexts(db);
    expect(input.posts.count).toBe(ds.posts.count);
    expect(Array.from(input.posts.kind)).toEqual(Array.from(ds.posts.kind));
    expect(input.posts.text).toEqual(ds.posts.text);
    const found = loadPostParents(db);
    expect(Array.from(found.kinds)).toEqual(Array.from(ds.posts.kind));
    const parents = postParents(ds);
    expect(parents.some((p) => p >= 0)).toBe(true);
    expect(Array.from(found.parent)).toEqual(Array.from(parents));
  });

  it('computes the post columns and a layout on its thread, equal to this thread’s', async () => {
    const offloading = startOffloading(db, 'always')!;
    expect(offloading).toBeDefined();
    try {
      const offload = offloading.forDataset(ds);
      const groups = (await offload.textGroups!())!;
      const here = textGroups(ds);
      expect(Array.from(groups.exact)).toEqual(Array.from(here.exact));
      expect(Array.from(groups.near)).toEqual(Array.from(here.near));
      expect(Array.from((await offload.postParents!())!)).toEqual(Array.from(postParents(ds)));

      const edges = {
        nodeCount: 6,
        directed: false,
        source: Int32Array.from([0, 1, 2, 3, 4, 0]),
        target: Int32Array.from([1, 2, 0, 4, 5, 3]),
        weight: Float64Array.from([1, 2, 1, 3, 1, 1]),
      };
      const options = { seed: 3, iterations: 50, community: Int32Array.from([0, 0, 0, 1, 1, 1]) };
      const there = await offload.layout!(edges, options);
      const local = forceAtlas2Layout(edges, options);
      expect(Array.from(there.x)).toEqual(Array.from(local.x));
      expect(Array.from(there.y)).toEqual(Array.from(local.y));
      expect(offloading.timings.postParentsWorker).toBeGreaterThanOrEqual(0);
      expect(offloading.timings.textGroupsWorker).toBeGreaterThanOrEqual(0);
      expect(offloading.timings.layoutWorker).toBeGreaterThanOrEqual(0);
    } finally {
      offloading.close();
    }
  });

  it('hands back null when it read other posts than the dataset holds (another snapshot)', async () => {
    const offloading = startOffloading(db, 'always')!;
    try {
      const other = { ...ds, posts: { ...ds.posts, count: ds.posts.count - 1 } };
      expect(await offloading.forDataset(other).postParents!()).toBeNull();
      expect(await offloading.forDataset(other).textGroups!()).toBeNull();
      const kinds = Uint8Array.from(ds.posts.kind);
      kinds[0] = kinds[0] === 0 ? 1 : 0;
      const changed = offloading.forDataset({ ...ds, posts: { ...ds.posts, kind: kinds } });
      expect(await changed.postParents!()).toBeNull();
      expect(await changed.textGroups!()).toBeNull();
    } finally {
      offloading.close();
    }
  });

  it('reads the texts itself when the dataset was loaded without them and the worker gave no text groups', async () => {
    const bare = loadDataset(db, { texts: false });
    expect(bare.posts.text.every((t) => t === null)).toBe(true);
    expect(Array.from(bare.posts.kind)).toEqual(Array.from(ds.posts.kind));
    const offloading = startOffloading(db, 'always')!;
    offloading.close(); // before the worker has even started: its tasks fail
    const groups = (await offloading.forDataset(bare, false).textGroups!())!;
    const here = textGroups(ds);
    expect(Array.from(groups.exact)).toEqual(Array.from(here.exact));
    expect(Array.from(groups.near)).toEqual(Array.from(here.near));
    // Loaded with its texts, the dataset is grouped by the pipeline itself (null here); another snapshot fails.
    expect(await offloading.forDataset(ds, true).textGroups!()).toBeNull();
    const kinds = Uint8Array.from(bare.posts.kind);
    kinds[0] = kinds[0] === 0 ? 1 : 0;
    await expect(
      offloading.forDataset({ ...bare, posts: { ...bare.posts, kind: kinds } }, false).textGroups!(),
    ).rejects.toThrow(/changed while it was being analysed/);
  });

  it('is not started for in-memory projects or when told never, and reports a failed task', async () => {
    const memory = openProject(':memory:');
    try {
      expect(startOffloading(memory, 'always')).toBeUndefined();
    } finally {
      memory.close();
    }
    expect(startOffloading(db, 'never')).toBeUndefined();
    const worker = StageWorker.start()!;
    try {
      await expect(worker.postParents(join(dir, 'missing.claque'))).rejects.toThrow(/analysis stage worker/);
      await expect(worker.textGroups(join(dir, 'missing.claque'))).rejects.toThrow(/analysis stage worker/);
    } finally {
      worker.close();
    }
    await expect(
      worker.layout(
        {
          nodeCount: 0,
          directed: false,
          source: new Int32Array(),
          target: new Int32Array(),
          weight: new Float64Array(),
        },
        {},
      ),
    ).rejects.toThrow(/closed/);
  });

  it('gives runAnalysis the same output with or without it', async () => {
    const one = await runAnalysis(db, {}, { offload: 'never', layoutIterations: 20 });
    const two = await runAnalysis(db, {}, { offload: 'always', layoutIterations: 20 });
    expect(two.summary.timings.textGroupsWorker).toBeGreaterThanOrEqual(0);
    expect(one.summary.timings.textGroupsWorker).toBeUndefined();
    const strip = (o: typeof one) => ({ ...o, summary: { ...o.summary, timings: {} } });
    expect(strip(two)).toEqual(strip(one));
    expect(one.summary.counts.flagged).toBeGreaterThan(0);

    // graph.gexf written on the worker is byte for byte the one written here, and so are the other files.
    const here = await writeOutputs(join(dir, 'here'), one, { gexfWorker: 'never' });
    const there = await writeOutputs(join(dir, 'there'), one, { gexfWorker: 'always' });
    expect(there.map((f) => basename(f)).sort()).toEqual(here.map((f) => basename(f)).sort());
    for (const f of here) expect(readFileSync(join(dir, 'there', basename(f))).equals(readFileSync(f)), f).toBe(true);
    expect(readdirSync(join(dir, 'there')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 120_000);

  it('analyses a time slice identically with or without it (the worker then lays out only)', async () => {
    const times = Array.from(ds.posts.time)
      .filter((t) => t === t)
      .sort((a, b) => a - b);
    const range = { from: times[Math.floor(times.length / 4)], to: times[Math.floor((times.length * 3) / 4)] };
    const one = await runAnalysis(db, range, { offload: 'never', layoutIterations: 20 });
    const two = await runAnalysis(db, range, { offload: 'always', layoutIterations: 20 });
    expect(two.summary.timings.layoutWorker).toBeGreaterThanOrEqual(0);
    expect(two.summary.timings.postParentsWorker).toBeUndefined();
    const strip = (o: typeof one) => ({ ...o, summary: { ...o.summary, timings: {} } });
    expect(strip(two)).toEqual(strip(one));
    expect(one.summary.counts.posts).toBeLessThan(ds.posts.count * 0.6);
    expect(one.summary.counts.posts).toBeGreaterThan(ds.posts.count * 0.4);
  }, 120_000);
});
