/**
 * The export channels' content: GEXF from the shared writer (src/main/export/gexf.ts, the one the CLI uses)
 * and CSV tables built with the shared formula-safe csvLine. Only the choice of tables lives here.
 */
import type { AnalysisOutput } from '../../shared/analysis/result';
import type { CsvTable } from '../../shared/api/contract';
import { csvLine } from '../../shared/io/csv-writer';
import { BURST_COLUMNS, burstCells } from '../../shared/io/burst-table';
import { ACCOUNT_COLUMNS, accountCells } from '../../shared/io/account-table';
import { FEATURE_COLUMNS, featureCells } from '../../shared/io/feature-table';
import { analysisToGexf, type GexfOptions } from '../export/gexf';

export function toGexf(output: AnalysisOutput, options: GexfOptions = {}): string {
  return analysisToGexf(output, options);
}

export function toCsv(output: AnalysisOutput, table: CsvTable): string {
  const lines: string[] = [];
  if (table === 'communities') {
    // One column per evidence key seen in any community, so the numbers behind each verdict line up.
    const keys = [...new Set(output.communities.flatMap((c) => c.evidence.map((e) => e.key)))].sort();
    // A number measured on too little data (evidence.insufficient) is left blank and its key listed in
    // not_enough_data, so a spreadsheet never sorts it among the findings.
    lines.push(csvLine(['community', 'rank', 'size', 'score', 'flagged', ...keys, 'not_enough_data', 'reasons']));
    output.communities.forEach((c, rank) => {
      const byKey = new Map(c.evidence.filter((e) => !e.insufficient).map((e) => [e.key, e.value]));
      const thin = c.evidence.filter((e) => e.insufficient).map((e) => e.key);
      lines.push(
        csvLine([
          c.id,
          rank + 1,
          c.size,
          c.score,
          c.flagged,
          ...keys.map((k) => byKey.get(k)),
          thin.join('; '),
          c.reasons.join('; '),
        ]),
      );
    });
  } else if (table === 'features') {
    lines.push(csvLine(FEATURE_COLUMNS));
    for (const a of output.accounts) lines.push(csvLine(featureCells(a)));
  } else if (table === 'bursts') {
    lines.push(csvLine(BURST_COLUMNS));
    for (const b of output.bursts ?? []) lines.push(csvLine(burstCells(b)));
  } else if (table === 'accounts') {
    lines.push(csvLine(ACCOUNT_COLUMNS));
    for (const a of output.accounts) lines.push(csvLine(accountCells(a)));
  } else {
    const idOf = new Map(output.accounts.map((a) => [a.index, a.accountId]));
    const node = (p: number) => idOf.get(output.graph.nodes[p]) ?? String(output.graph.nodes[p]);
    lines.push(csvLine(['source', 'target', 'weight', 'kind']));
    for (const e of output.graph.edges) lines.push(csvLine([node(e.source), node(e.target), e.weight, e.kind]));
  }
  return lines.join('');
}
