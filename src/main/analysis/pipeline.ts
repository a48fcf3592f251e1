import type { Db } from '../store/project';
import { loadDataset } from './load-dataset';
import { startOffloading, type OffloadMode } from './stage-offload';
import { analyseDataset, type AnalyseOptions } from '../../shared/analysis/analyse-dataset';
import type { AnalysisOutput, AnalysisParameters } from '../../shared/analysis/result';
import { hasTimeRange } from '../../shared/analysis/slice-dataset';

export type RunOptions = Omit<AnalyseOptions, 'pause' | 'offload'> & {
  /** Whether layout, post parents and text groups are computed on a second thread (default 'auto': big projects). */
  offload?: OffloadMode;
};

/**
 * The one analysis pipeline behind the CLI, browser mode and the desktop app: load the project into
 * typed-array columns, then the pure stages of analyseDataset, with layout, post parents and text groups on a
 * worker thread beside them for big projects. Returns a serialisable AnalysisOutput.
 */
export async function runAnalysis(
  db: Db,
  params: Partial<AnalysisParameters> = {},
  options: RunOptions = {},
): Promise<AnalysisOutput> {
  const t0 = performance.now();
  options.onProgress?.('load', 0);
  // A time slice renumbers the posts, so the worker's whole-project parents and text groups would not fit it.
  const sliced = hasTimeRange(params);
  const offloading = startOffloading(db, options.offload, { columns: !sliced });
  try {
    const texts = !offloading || sliced || needsTexts(params) || holdsComments(db);
    const ds = loadDataset(db, { texts });
    const loadMs = performance.now() - t0;
    const output = await analyseDataset(ds, params, {
      ...options,
      offload: offloading?.forDataset(ds, texts),
      // Between stages, let the event loop run: progress messages go out and an abort is noticed.
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    });
    output.summary.timings = { load: Math.round(loadMs), ...output.summary.timings, ...offloading?.timings };
    return output;
  } finally {
    offloading?.close();
  }
}

/** Comments are read for their formulas (templated_text) by the analysis itself, not by the stage worker. */
function holdsComments(db: Db): boolean {
  return db.prepare("SELECT EXISTS (SELECT 1 FROM posts WHERE kind = 'comment')").pluck().get() === 1;
}

/** Whether the analysis reads post texts itself (text co-action), beyond the text groups a worker can give. */
export function needsTexts(params: Partial<AnalysisParameters>): boolean {
  return params.graph === 'coaction' && (params.coaction === 'text' || params.coaction === 'near_text');
}
