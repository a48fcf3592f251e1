import type { AnalysisOutput, AnalysisParameters } from '../../../shared/analysis/result';
import { DEFAULT_ANALYSIS_PARAMETERS } from '../../../shared/api/contract';

export interface AnalysisState {
  parameters: AnalysisParameters;
  output: AnalysisOutput | null;
  jobId: string | null;
  progress: { stage: string; fraction: number | null } | null;
  error: string | null;
}

export const initialAnalysis: AnalysisState = {
  parameters: DEFAULT_ANALYSIS_PARAMETERS,
  output: null,
  jobId: null,
  progress: null,
  error: null,
};

export const setParameters =
  (patch: Partial<AnalysisParameters>) =>
  (s: AnalysisState): AnalysisState => ({ ...s, parameters: { ...s.parameters, ...patch } });

export const analysisStarted =
  (jobId: string) =>
  (s: AnalysisState): AnalysisState => ({
    ...s,
    jobId,
    progress: { stage: 'starting', fraction: null },
    error: null,
  });

export const analysisProgressed =
  (jobId: string, stage: string, fraction: number | null) =>
  (s: AnalysisState): AnalysisState =>
    s.jobId === jobId ? { ...s, progress: { stage, fraction } } : s;

export const analysisLoaded =
  (output: AnalysisOutput | null) =>
  (s: AnalysisState): AnalysisState => ({
    ...s,
    output,
    jobId: null,
    progress: null,
    error: null,
  });

export const analysisFailed =
  (message: string) =>
  (s: AnalysisState): AnalysisState => ({
    ...s,
    jobId: null,
    progress: null,
    error: message,
  });
