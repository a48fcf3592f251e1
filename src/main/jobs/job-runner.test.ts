import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePlantedFiles } from '../../../test/fixtures/planted/export';
import { generatePlanted } from '../../../test/fixtures/planted/generate';
import { runAnalysis } from '../analysis/pipeline';
import { importFile } from '../import/run-import';
import { openProject } from '../store/project';
import { analyseInWorker, importInWorker, JobCancelled, runJob } from './job-runner';
import type { JobProgress } from './protocol';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../../../test/helpers/temp-dir';

const dir = tempDir('claque-jobs-');
const files = writePlantedFiles(join(dir, 'files'), generatePlanted({ seed: 7, organic: 300, days: 30 }));
const fileOf = (format: string) => files.find((f) => f.format === format)!;

describe('runJob', () => {
  it('reports each step and returns the value', async () => {
    const steps: number[] = [];
    const value = await runJob(
      { kind: 'count', steps: 4, delayMs: 1 },
      { onProgress: (p: JobProgress) => p.kind === 'count' && steps.push(p.step) },
    );
    expect(value).toBe(4);
    expect(steps).toEqual([1, 2, 3, 4]);
  });

  it('passes a worker error through with its message', async () => {
    await expect(runJob({ kind: 'count', steps: 5, delayMs: 1, failAt: 3 })).rejects.toThrow('count: failed at step 3');
  });

  it('cancels a running job through its signal', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const job = runJob(
      { kind: 'count', steps: 10_000, delayMs: 5 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.kind !== 'count') return;
          seen.push(p.step);
          if (p.step === 3) controller.abort();
        },
      },
    );
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    expect(seen.length).toBeLessThan(10);
  });

  it('terminates a worker that ignores cancel after the grace period', async () => {
    const controller = new AbortController();
    // A step of an hour never looks at the signal; the runner gives up 50 ms after the cancel. Were the worker
    // not terminated, the job would outlast the test's own timeout and fail it.
    const job = runJob({ kind: 'count', steps: 1, delayMs: 3_600_000 }, { signal: controller.signal, graceMs: 50 });
    setTimeout(() => controller.abort(), 300);
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
  });
});

describe('import and analysis on a worker thread', () => {
  it('imports and analyses exactly as on the calling thread', async () => {
    const inThread = openProject(join(dir, 'thread.claque'));
    const inWorker = openProject(join(dir, 'worker.claque'));
    const progress: number[] = [];
    for (const format of ['io-users', 'io-tweets', 'follows']) {
      const f = fileOf(format);
      const a = await importFile(inThread, f.file, { format, ...f.options });
      const b = await importInWorker(inWorker, f.file, {
        format,
        ...f.options,
        onProgress: (p) => progress.push(p.rows),
      });
      expect({ ...b, durationMs: 0 }).toEqual({ ...a, durationMs: 0 });
    }
    expect(progress.length).toBeGreaterThan(0);
    const params = { graph: 'default' as const, windowSeconds: 60, minParticipation: 2, resolution: 1, seed: 42 };
    const stages = new Set<string>();
    const expected = await runAnalysis(inThread, params);
    const got = await analyseInWorker(inWorker, params, { onProgress: (stage) => stages.add(stage) });
    expect(got.communities).toEqual(expected.communities);
    expect(got.graph).toEqual(expected.graph);
    expect(stages.has('load')).toBe(true);
    inThread.close();
    inWorker.close();
  }, 120_000);

  it('passes every import option to the worker: a zone for zone-less times reads them the same', async () => {
    const csv = join(dir, 'zoneless.csv');
    writeFileSync(csv, 'commenter_id,post_id,time,text\nann,P1,2021-07-10 09:30:00,hello\n');
    const times = async (run: typeof importFile) => {
      const db = openProject(join(dir, `zone-${run === importFile ? 'thread' : 'worker'}.claque`));
      await run(db, csv, { format: 'comments', platform: 'facebook', timeZone: 'Europe/Paris' });
      const t = db.prepare('SELECT time FROM posts').pluck().all();
      db.close();
      return t;
    };
    // 09:30 in Paris in July is 07:30 UTC.
    expect(await times(importFile)).toEqual([Date.UTC(2021, 6, 10, 7, 30) / 1000]);
    expect(await times(importInWorker)).toEqual([Date.UTC(2021, 6, 10, 7, 30) / 1000]);
  }, 60_000);

  it('a cancelled import leaves the project unchanged', async () => {
    const db = openProject(join(dir, 'cancel.claque'));
    const controller = new AbortController();
    const f = fileOf('io-tweets');
    const job = importInWorker(db, f.file, {
      format: 'io-tweets',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(job).rejects.toThrow(/cancel/);
    expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(0);
    db.close();
  }, 60_000);
});
