/**
 * The backend behind both front ends (Electron IPC and browser mode's HTTP API): pure Node, no Electron.
 * Every request is validated against the contract's zod schema here, then handed to the one pipeline
 * (importFile, projectInfo, runAnalysis); the result or a coded error goes back in an Envelope. Long calls
 * carry a client-chosen job id: progress is pushed as events under that id and `job.cancel` aborts it.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnalysisProgress } from '../../shared/analysis/analyse-dataset';
import type { AnalysisOutput, AnalysisParameters } from '../../shared/analysis/result';
import {
  isChannel,
  parseRequest,
  type ApiErrorBody,
  type ApiEvent,
  type Channel,
  type ClaqueApi,
  type Envelope,
  type ErrorCode,
  type ExportOutcome,
  type ProjectState,
} from '../../shared/api/contract';
import { detectFormat } from '../import/detect';
import { ImportCancelled, ImportError } from '../import/errors';
import { FORMATS } from '../import/formats';
import { importFile, type ImportOptions, type ImportResult } from '../import/run-import';
import { canonicalTimeZone } from '../../shared/io/zone-time';
import { readSample } from '../import/source';
import { lastAnalysis as savedAnalysis, saveAnalysis } from '../store/analysis-runs';
import { projectInfo } from '../store/info';
import { openProject, ProjectError, type Db } from '../store/project';
import { communityReport } from '../export/report';
import { ExportError, writeExportFile } from '../export/safe-write';
import { diskFullError, isDiskFull } from '../store/disk-full';
import { WAITING_MESSAGE, withWriteLock } from '../store/write-lock';
import { accountDetail, BadView, Explorer, NotFound, viewFilter } from './explore';
import { toCsv, toGexf } from './exporters';
import { previewOf } from './preview';
import { commentThread } from './thread';

/** The pipeline's entry point (runAnalysis in src/main/analysis/pipeline.ts), injected so tests can pin a result. */
export type AnalysisRunner = (
  db: Db,
  params: AnalysisParameters,
  options: { onProgress?: AnalysisProgress; signal?: AbortSignal },
) => Promise<AnalysisOutput>;

/** importFile's signature; the app and browser mode pass importInWorker (src/main/jobs) to keep their thread free. */
export type ImportRunner = (db: Db, file: string, options: ImportOptions) => Promise<ImportResult>;

export interface BackendOptions {
  /** Project file to open at start; created when `create` is true and it does not exist. */
  project?: string;
  create?: boolean;
  runAnalysis: AnalysisRunner;
  /** Defaults to importFile on the calling thread. */
  runImport?: ImportRunner;
  /** How long saving an analysis waits while another import writes to the project (default 10 minutes). */
  lockWaitMs?: number;
}

export interface Backend {
  /** Validates and runs one call. Never throws: failures come back as `{ ok: false, error }`. */
  call(channel: string, payload: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The open project's file, or null: what the desktop shell's downloads must never be saved over. */
  projectFile(): string | null;
  close(): void;
}

export class ApiError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function createBackend(options: BackendOptions): Backend {
  let db: Db | null = null;
  let projectFile: string | null = null;
  let lastAnalysis: AnalysisOutput | null = null;
  const jobs = new Map<string, AbortController>();
  const listeners = new Set<(event: ApiEvent) => void>();

  const emit = (event: ApiEvent) => {
    for (const l of listeners) l(event);
  };

  const requireDb = (): Db => {
    if (!db) throw new ApiError('no_project', 'no project is open: open or create a .claque project first');
    return db;
  };
  const requireAnalysis = (): AnalysisOutput => {
    if (!lastAnalysis) throw new ApiError('no_analysis', 'no analysis has been run on this project yet');
    return lastAnalysis;
  };
  // Panels' queries over the whole project, computed once per analysis (see explore.ts).
  let explorer: Explorer | null = null;
  const explore = (): Explorer => {
    const project = requireDb();
    const analysis = requireAnalysis();
    if (!explorer?.belongsTo(project, analysis)) explorer = new Explorer(project, analysis);
    return explorer;
  };
  const notBusy = () => {
    if (jobs.size > 0)
      throw new ApiError('busy', `another job is running (${[...jobs.keys()].join(', ')}); cancel it or wait`);
  };

  const state = (): ProjectState => ({
    file: projectFile,
    info: db ? projectInfo(db) : null,
    hasAnalysis: lastAnalysis !== null,
  });

  const switchProject = (file: string, create: boolean): ProjectState => {
    notBusy();
    if (create && existsSync(file)) throw new ApiError('project_error', `${file}: already exists; open it instead`);
    const next = openProject(file, { create });
    db?.close();
    db = next;
    projectFile = file;
    // The last saved analysis, unless data was imported after it: reopening a project is instant.
    lastAnalysis = savedAnalysis(next);
    return state();
  };

  async function runJob<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    notBusy();
    const controller = new AbortController();
    jobs.set(jobId, controller);
    let ok = false;
    try {
      const value = await work(controller.signal);
      ok = true;
      return value;
    } catch (err) {
      if (controller.signal.aborted && !(err instanceof ImportError))
        throw new ApiError('cancelled', `${jobId}: cancelled`);
      throw err;
    } finally {
      jobs.delete(jobId);
      emit({ type: 'job.done', jobId, ok });
    }
  }

  const exportOutcome = async (
    fileName: string,
    mimeType: string,
    content: string,
    file?: string,
  ): Promise<ExportOutcome> => {
    // Never over the open project, its -wal/-shm or any SQLite file; whole or not at all (export/safe-write.ts).
    if (file) writeExportFile(file, content, { protect: [projectFile] });
    return { fileName, mimeType, content, writtenTo: file ?? null, bytes: Buffer.byteLength(content, 'utf8') };
  };

  const exportBase = () => (projectFile ? basename(projectFile).replace(/\.claque$/i, '') : 'claque');

  const handlers: ClaqueApi = {
    'project.open': async ({ file }) => switchProject(file, false),
    'project.create': async ({ file }) => switchProject(file, true),
    'project.info': async () => state(),
    'import.detect': async ({ file }) => {
      const sample = await readSample(file);
      const formats = FORMATS.map((f) => ({ id: f.id as string, label: f.label }));
      try {
        const { format, confidence } = detectFormat(file, sample);
        return {
          file,
          format: format.id,
          label: format.label,
          confidence,
          reason: null,
          preview: previewOf(sample),
          formats,
        };
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
        return {
          file,
          format: null,
          label: null,
          confidence: 0,
          reason: err.message,
          preview: previewOf(sample),
          formats,
        };
      }
    },
    'import.run': async ({ jobId, file, format, mapping, platform, strict, timeZone }) => {
      const project = requireDb();
      return runJob(jobId, async (signal) => {
        const result = await (options.runImport ?? importFile)(project, file, {
          format,
          mapping,
          platform,
          strict,
          timeZone: timeZone === undefined ? undefined : canonicalTimeZone(timeZone),
          signal,
          onProgress: (p) => emit({ type: 'import.progress', jobId, ...p }),
        });
        // New data makes the previous analysis stale.
        lastAnalysis = null;
        return { ...result, info: projectInfo(project) };
      });
    },
    'job.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
    'analysis.run': async ({ jobId, parameters }) => {
      const project = requireDb();
      return runJob(jobId, async (signal) => {
        let last = { at: 0, stage: '' };
        const onProgress: AnalysisProgress = (stage, fraction) => {
          const now = Date.now();
          // Events are for eyes: every new stage, else at most ten a second.
          if (stage === last.stage && now - last.at < 100) return;
          last = { at: now, stage };
          const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : null;
          emit({ type: 'analysis.progress', jobId, stage, fraction: f, message: null });
        };
        const startedAt = Date.now();
        const output = await options.runAnalysis(project, parameters, { onProgress, signal });
        if (signal.aborted) throw new ApiError('cancelled', `${jobId}: cancelled`);
        // An import in another process may hold the project: wait for it, saying so, rather than fail locked.
        const finishedAt = Date.now();
        await withWriteLock(
          project,
          {
            outcome: 'the analysis was not saved (it is still shown, and can be exported)',
            maxWaitMs: options.lockWaitMs,
            signal,
            // The stage is what the toolbar shows: the wait in words.
            onWait: () =>
              emit({
                type: 'analysis.progress',
                jobId,
                stage: WAITING_MESSAGE,
                fraction: null,
                message: WAITING_MESSAGE,
              }),
          },
          () => saveAnalysis(project, parameters, output, { startedAt, finishedAt }),
        );
        lastAnalysis = output;
        return output;
      });
    },
    'analysis.get': async () => lastAnalysis,
    'export.gexf': async ({ file, view }) => {
      const output = requireAnalysis();
      const shown = view === undefined ? null : viewFilter(view, output.graph.nodes.length);
      const gexf = toGexf(output, shown ? { nodeFilter: shown } : {});
      return exportOutcome(`${exportBase()}${shown ? '-view' : ''}.gexf`, 'application/gexf+xml', gexf, file);
    },
    'export.csv': async ({ table, file }) =>
      exportOutcome(`${exportBase()}-${table}.csv`, 'text/csv', toCsv(requireAnalysis(), table), file),
    'export.report': async ({ community, file }) => {
      const output = requireAnalysis();
      if (!output.communities.some((c) => c.id === community))
        throw new ApiError('not_found', `community ${community} is not among the ranked communities`);
      const provenance = { project: projectFile, imports: projectInfo(requireDb()).imports };
      const html = communityReport(output, community, provenance, { generatedAt: Date.now() });
      return exportOutcome(`${exportBase()}-community-${community}-report.html`, 'text/html', html, file);
    },
    'account.get': async (req) => accountDetail(requireDb(), lastAnalysis, req),
    'cascade.get': async ({ rootPostId, maxNodes }) => explore().cascade(rootPostId, maxNodes ?? 20_000),
    'timeline.get': async ({ kind, terms, limit }) => explore().timelines(kind, terms ?? [], limit ?? 30),
    'community.get': async ({ community }) => explore().community(community, { targets: 20, texts: 20 }),
    'thread.get': async (req) => commentThread(requireDb(), lastAnalysis, req),
  };

  if (options.project) switchProject(options.project, options.create ?? !existsSync(options.project));

  return {
    async call(channel, payload) {
      if (!isChannel(channel))
        return { ok: false, error: { code: 'unknown_channel', message: `no such channel: ${channel}` } };
      const parsed = parseRequest(channel, payload);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.value) };
      } catch (err) {
        return { ok: false, error: toErrorBody(channel, err, projectFile) };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    projectFile: () => projectFile,
    close() {
      for (const job of jobs.values()) job.abort();
      db?.close();
      db = null;
    },
  };
}

function toErrorBody(channel: Channel, err: unknown, projectFile: string | null): ApiErrorBody {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  if (err instanceof ExportError) return { code: err.refused ? 'export_refused' : 'failed', message: err.message };
  // SQLite says "database or disk is full" with no file: name the project and the disk instead.
  if (projectFile && isDiskFull(err))
    return { code: 'project_error', message: diskFullError(projectFile, `running ${channel}`).message };
  if (err instanceof NotFound) return { code: 'not_found', message: err.message };
  if (err instanceof BadView) return { code: 'invalid_request', message: `${channel}: ${err.message}` };
  if (err instanceof ImportCancelled) return { code: 'cancelled', message: err.message };
  if (err instanceof ImportError) return { code: 'import_error', message: err.message };
  if (err instanceof ProjectError) return { code: 'project_error', message: err.message };
  return { code: 'failed', message: `${channel}: ${(err as Error)?.message ?? String(err)}` };
}
