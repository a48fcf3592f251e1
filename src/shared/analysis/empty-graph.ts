/**
 * Why an analysis found no graph, in terms of the options given, and what to try instead: said by the CLI on
 * stderr and by the app in place of an empty map.
 */
import type { AnalysisSummary } from './result';
import { describeTimeRange, hasTimeRange } from './slice-dataset';

/** Why an analysis found no graph, in terms of the options given, and what to try instead. */
export function emptyGraphHint(s: AnalysisSummary): string {
  const p = s.parameters;
  if (hasTimeRange(p) && s.counts.posts === 0 && s.counts.interactions === 0) {
    return `the period ${describeTimeRange(p)} holds no posts or interactions; choose another period.`;
  }
  if (p.graph === 'projection') {
    return `no two accounts share a target of the kinds ${p.targets?.join(', ')}: try other targets.`;
  }
  if (p.graph === 'interaction') {
    return `the project has no interactions of the kinds ${p.kinds?.join(', ') ?? 'asked for'}: try other kinds.`;
  }
  return (
    'no interactions and no accounts acting on the same object within the window. ' +
    'Try a co-action graph on hashtags or domains, a longer window, or the follow graph.'
  );
}
