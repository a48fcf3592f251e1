import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../shared/analysis/result';
import type { ApiEvent, Detection, ImportOutcome, ProjectState } from '../../shared/api/contract';
import { createBackend, type AnalysisRunner, type Backend } from './backend';

const REPO = resolve(import.meta.dirname, '../../..');
const COORD = resolve(REPO, '../shared/data/russian_coord_tweets.csv'); // CooRTweet, MIT (see ../shared/data/README.md)
const FIXTURE = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;

const fixtureRunner: AnalysisRunner = async (_db, parameters, { onProgress }) => {
  onProgress?.('louvain', 0.5);
  return { ...FIXTURE, summary: { ...FIXTURE.summary, parameters } };
};

function value<T>(envelope: Awaited<ReturnType<Backend['call']>>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('backend', () => {
  let dir: string;
  let backend: Backend;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claque-backend-'));
  });
  afterEach(() => {
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses invalid payloads and unknown channels with coded errors, before doing anything', async () => {
    backend = createBackend({ runAnalysis: fixtureRunner });
    expect(await backend.call('project.open', { file: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await backend.call('project.open', { file: 'a.claque', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await backend.call('import.run', { jobId: '../etc', file: 'x.csv' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('jobId') },
    });
    expect(
      await backend.call('analysis.run', { jobId: 'a1', parameters: { graph: 'default', resolution: -1, seed: 1 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('parameters.resolution') },
    });
    expect(await backend.call('shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await backend.call('import.run', { jobId: 'j1', file: COORD })).toMatchObject({
      ok: false,
      error: { code: 'no_project' },
    });
  });

  it('creates a project, detects, imports with progress events, analyses and exports', async () => {
    backend = createBackend({ runAnalysis: fixtureRunner });
    const events: ApiEvent[] = [];
    backend.onEvent((e) => events.push(e));
    const file = join(dir, 'p.claque');
    const created = value<ProjectState>(await backend.call('project.create', { file }));
    expect(created).toMatchObject({ file, hasAnalysis: false });
    expect(created.info?.counts.accounts).toBe(0);
    expect(await backend.call('project.create', { file })).toMatchObject({
      ok: false,
      error: { code: 'project_error' },
    });

    const detection = value<Detection>(await backend.call('import.detect', { file: COORD }));
    expect(detection.format).toBe('share-table');
    expect(detection.preview).toMatchObject({
      kind: 'table',
      columns: ['object_id', 'account_id', 'content_id', 'timestamp_share'],
    });
    if (detection.preview.kind === 'table') expect(detection.preview.rows).toHaveLength(10);

    const outcome = value<ImportOutcome>(await backend.call('import.run', { jobId: 'imp-1', file: COORD }));
    expect(outcome.rowsRead).toBe(35125);
    expect(outcome.added.accounts).toBe(9509);
    expect(outcome.info.counts.accounts).toBe(9509);
    const progress = events.filter((e) => e.type === 'import.progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((e) => e.type === 'import.progress' && e.jobId === 'imp-1' && e.bytes <= e.totalBytes)).toBe(
      true,
    );
    expect(events.at(-1)).toEqual({ type: 'job.done', jobId: 'imp-1', ok: true });

    expect(await backend.call('export.gexf', {})).toMatchObject({ ok: false, error: { code: 'no_analysis' } });
    const output = value<AnalysisOutput>(
      await backend.call('analysis.run', { jobId: 'an-1', parameters: { graph: 'default', resolution: 1, seed: 7 } }),
    );
    expect(output.summary.parameters.seed).toBe(7);
    expect(events.some((e) => e.type === 'analysis.progress' && e.stage === 'louvain' && e.fraction === 0.5)).toBe(
      true,
    );
    expect(value<AnalysisOutput | null>(await backend.call('analysis.get', {}))).toEqual(output);

    const gexfPath = join(dir, 'out.gexf');
    const gexf = value<{ content: string; writtenTo: string; fileName: string }>(
      await backend.call('export.gexf', { file: gexfPath }),
    );
    expect(gexf.fileName).toBe('p.gexf');
    expect(readFileSync(gexfPath, 'utf8')).toBe(gexf.content);
    expect(gexf.content).toContain('<gexf');
    // The hostile screen name is escaped in the XML, never raw markup.
    expect(gexf.content).not.toContain('<img');
    expect(gexf.content).toContain('&lt;img');

    const csv = value<{ content: string }>(await backend.call('export.csv', { table: 'communities' })).content.split(
      '\n',
    );
    expect(csv[0]).toBe(
      'community,rank,size,score,flagged,density,insularity,shift_pattern,synchrony,not_enough_data,reasons',
    );
    expect(csv).toHaveLength(FIXTURE.communities.length + 2);
    // An analysis saved before bursts were kept exports the table's header alone.
    const bursts = value<{ content: string }>(await backend.call('export.csv', { table: 'bursts' })).content;
    expect(bursts.split('\n')[0]).toBe(
      'hashtag,start,end,minutes,posts,accounts,peak_z,usual_posts_per_bin,bin_seconds,top_community,top_community_posts,reason',
    );
  });

  it('cancels a running import through job.cancel and leaves the project unchanged', async () => {
    backend = createBackend({ project: join(dir, 'c.claque'), runAnalysis: fixtureRunner });
    // The first progress event (10,000 rows in) asks for cancel; the import stops at the next check.
    backend.onEvent((e) => {
      if (e.type === 'import.progress') void backend.call('job.cancel', { jobId: 'imp-c' });
    });
    const result = await backend.call('import.run', { jobId: 'imp-c', file: COORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const state = value<ProjectState>(await backend.call('project.info', {}));
    expect(state.info?.counts.accounts).toBe(0);
    expect(state.info?.imports).toHaveLength(0);
  });

  it('refuses a second job while one runs', async () => {
    let release: () => void = () => {};
    const slow: AnalysisRunner = (_db, _p, { signal }) =>
      new Promise((done, fail) => {
        release = () => done(FIXTURE);
        signal?.addEventListener('abort', () => fail(new Error('aborted')));
      });
    backend = createBackend({ project: join(dir, 'b.claque'), runAnalysis: slow });
    const parameters = { graph: 'default', resolution: 1, seed: 1 };
    const first = backend.call('analysis.run', { jobId: 'a', parameters });
    expect(await backend.call('analysis.run', { jobId: 'b', parameters })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
    expect(await backend.call('project.open', { file: join(dir, 'other.claque') })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
    expect(value(await backend.call('job.cancel', { jobId: 'a' }))).toEqual({ cancelled: true });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    release();
  });

  it('reports a file no importer recognises with the reason and a text preview', async () => {
    backend = createBackend({ runAnalysis: fixtureRunner });
    const odd = join(dir, 'notes.txt');
    writeFileSync(odd, 'just some notes\nnothing tabular here\n');
    const d = value<Detection>(await backend.call('import.detect', { file: odd }));
    expect(d.format).toBeNull();
    expect(d.reason).toContain(odd);
    expect(d.preview).toEqual({ kind: 'text', lines: ['just some notes', 'nothing tabular here', ''] });
    expect(d.formats.map((f) => f.id)).toContain('share-table');
    expect(await backend.call('import.detect', { file: join(dir, 'missing.csv') })).toMatchObject({
      ok: false,
      error: { code: 'import_error', message: expect.stringContaining('missing.csv') },
    });
  });
});
