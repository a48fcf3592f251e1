import type { Evidence } from '../../shared/analysis/result';
import { evidenceValue } from './format';

/**
 * An evidence number as panels show it. Evidence measured on too little data (`insufficient`) reads "not
 * enough data", with the raw number small beside it and in the tooltip for reference, so 100 % on 5 posts
 * never looks like a finding.
 */
export function EvidenceValue({ e }: { e: Pick<Evidence, 'value' | 'unit' | 'insufficient'> }) {
  const raw = evidenceValue(e);
  if (!e.insufficient) return <>{raw}</>;
  return (
    <span className="not-enough" title={`Too little data to judge; measured ${raw}, shown for reference only`}>
      not enough data <small className="raw">({raw})</small>
    </span>
  );
}
