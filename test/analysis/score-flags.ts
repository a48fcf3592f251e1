/** Scoring flagged accounts against a planted ground truth (test/fixtures/planted). */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  flaggedDecoys: string[];
}

/** Account-level precision, recall and F1 of the flagged accounts against the planted truth. */
export function scoreFlags(flaggedIds: Iterable<string>, coordinated: string[], decoys: string[]): Score {
  const flagged = new Set(flaggedIds);
  const truth = new Set(coordinated);
  const decoy = new Set(decoys);
  const tp = [...flagged].filter((id) => truth.has(id)).length;
  const precision = flagged.size ? tp / flagged.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    truePositives: tp,
    falsePositives: [...flagged].filter((id) => !truth.has(id)),
    falseNegatives: coordinated.filter((id) => !flagged.has(id)),
    flaggedDecoys: [...flagged].filter((id) => decoy.has(id)),
  };
}
