/**
 * Where side effects live: calls to the backend, progress events, and the producers they end in. Views call
 * these; nothing else talks to the client.
 */
import type { AnalysisParameters } from '../../shared/analysis/result';
import type { AppCommand } from '../../shared/api/contract';
import { isMappable } from '../../shared/io/tables/column-mapping';
import { createClient, type ClaqueClient } from '../api/client';
import { backendPathFor } from '../api/local-file';
import { analysisFailed, analysisLoaded, analysisProgressed, analysisStarted } from './analysis/producers';
import { resetFilters } from './filters/producers';
import {
  detected,
  importFailed,
  importFinished,
  importProgressed,
  importStarted,
  openImport,
  setImportFile,
  uploadStarted,
} from './importing/producers';
import { projectFailed, projectLoaded } from './project/producers';
import { clearSelection } from './selection/producers';
import { store, type Store } from './store';

const message = (err: unknown) => (err as Error)?.message ?? String(err);
const newJobId = () => crypto.randomUUID();

export function createActions(client: ClaqueClient, s: Store) {
  client.onEvent((event) => {
    if (event.type === 'import.progress') s.update('importing', importProgressed(event.jobId, event));
    else if (event.type === 'analysis.progress') {
      s.update('analysis', analysisProgressed(event.jobId, event.stage, event.fraction));
    } else if (event.type === 'app.command') onShellCommand(event.command, event.file);
  });

  const loadAnalysis = async () => {
    const output = await client.call('analysis.get', {});
    s.update('analysis', analysisLoaded(output));
    s.update('filters', resetFilters());
    s.update('selection', clearSelection());
  };

  // On opening a project with data but no saved analysis (the demo on first start), run the default one at
  // once, with its progress bar, so a newcomer sees the map without knowing to press Analyze.
  const analyseIfNeeded = () => {
    const { project, analysis } = s.get();
    const counts = project.info?.counts ?? {};
    const hasData = (counts.posts ?? 0) + (counts.interactions ?? 0) + (counts.follows ?? 0) > 0;
    if (hasData && !analysis.output && analysis.jobId === null) void self.runAnalysis(analysis.parameters);
  };

  // The desktop shell's menus and dialogs (src/main/app/commands.ts) ask for these; the page does the rest.
  function onShellCommand(command: AppCommand, file: string | undefined) {
    if (command === 'project.changed') void self.start();
    else if (command === 'import.open') {
      s.update('importing', openImport(true));
      if (file) {
        s.update('importing', setImportFile(file));
        void self.detect(file);
      }
    } else if (command === 'analysis.run') {
      const { project, analysis } = s.get();
      if (project.file && analysis.jobId === null) void self.runAnalysis(analysis.parameters);
    }
  }

  const self = {
    transport: client.transport,
    async start() {
      try {
        s.update('project', projectLoaded(await client.call('project.info', {})));
        await loadAnalysis();
        analyseIfNeeded();
      } catch (err) {
        s.update('project', projectFailed(message(err)));
      }
    },
    async openProject(file: string, create: boolean) {
      try {
        s.update('project', projectLoaded(await client.call(create ? 'project.create' : 'project.open', { file })));
        await loadAnalysis();
        analyseIfNeeded();
      } catch (err) {
        s.update('project', projectFailed(message(err)));
      }
    },
    async detect(file: string) {
      try {
        s.update('importing', detected(await client.call('import.detect', { file })));
      } catch (err) {
        s.update('importing', importFailed(message(err)));
      }
    },
    /** A picked or dropped file: its path (Electron) or an upload (browser mode), then detection. */
    async importLocalFile(file: File) {
      s.update('importing', openImport(true));
      s.update('importing', uploadStarted(file.name));
      try {
        const path = await backendPathFor(file);
        s.update('importing', uploadStarted(null));
        s.update('importing', setImportFile(path));
        await self.detect(path);
      } catch (err) {
        s.update('importing', uploadStarted(null));
        s.update('importing', importFailed(message(err)));
      }
    },
    async runImport() {
      const { file, format, detection, mapping, timeZone } = s.get().importing;
      const chosen = format ?? detection?.format ?? undefined;
      const jobId = newJobId();
      s.update('importing', importStarted(jobId));
      try {
        const result = await client.call('import.run', {
          jobId,
          file,
          format: chosen,
          // A mapping only where the wizard asked for one (ImportPanel: format not the detected one).
          ...(isMappable(chosen) && detection?.format !== chosen && Object.keys(mapping).length > 0 ? { mapping } : {}),
          ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
        });
        s.update('importing', importFinished(result));
        s.update('project', projectLoaded({ file: s.get().project.file, info: result.info, hasAnalysis: false }));
      } catch (err) {
        s.update('importing', importFailed(message(err)));
      }
    },
    async cancelJob(jobId: string | null) {
      if (jobId) await client.call('job.cancel', { jobId });
    },
    async runAnalysis(parameters: AnalysisParameters) {
      const jobId = newJobId();
      s.update('analysis', analysisStarted(jobId));
      try {
        const output = await client.call('analysis.run', { jobId, parameters });
        s.update('analysis', analysisLoaded(output));
        s.update('filters', resetFilters());
        s.update('selection', clearSelection());
      } catch (err) {
        s.update('analysis', analysisFailed(message(err)));
      }
    },
  };
  return self;
}

export type Actions = ReturnType<typeof createActions>;

let singleton: Actions | null = null;
/** The app's actions over the real transport, created on first use (never at module load). */
export function actions(): Actions {
  singleton ??= createActions(createClient(), store);
  return singleton;
}
