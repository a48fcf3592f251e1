/**
 * Default parameters, in a module of their own (no analysis code behind it) so that the renderer and the API
 * contract start from exactly what the pipeline and `claque analyze` use.
 */
import type { AnalysisParameters } from './result';

/** Co-action: CooRTweet's 60 s and 2 shares; near-duplicate texts at Jaccard ≥ 0.8. */
export const COACTION_DEFAULTS = { windowSeconds: 60, minParticipation: 2, minWeight: 1, similarity: 0.8 };

/** Shared targets two accounts need to be linked in a projection: one shared page or post says little. */
export const PROJECTION_MIN_SHARED = 2;

/** minWeight is left to each graph: 1 for interactions and co-actions, PROJECTION_MIN_SHARED for projections. */
export const ANALYSIS_DEFAULTS: AnalysisParameters = {
  graph: 'default',
  windowSeconds: COACTION_DEFAULTS.windowSeconds,
  minParticipation: COACTION_DEFAULTS.minParticipation,
  resolution: 1,
  seed: 1,
};
