/**
 * The export channels' content: GEXF from the shared writer (src/main/export/gexf.ts, the one the CLI uses)
 * and CSV tables built with the shared formula-safe csvLine. Only the choice of tables lives here.
 */
import type { AnalysisOutput } from '../../shared/analysis/result';
import type { CsvTable } from '../../shared/api/contract';
import { csvLine } from '../../shared/io/csv-writer';
import { BURST_COLUMNS, burstCells } from '../../shared/io/burst-table';
import { ACCOUNT_COLUMNS, accountCells } from '../../shared/io/account-table';
import { communityTable } from '../../shared/io/community-table';
import { FEATURE_COLUMNS, featureCells } from '../../shared/io/feature-table';
import { analysisToGexf, type GexfOptions } from '../export/gexf';

export function toGexf(output: AnalysisOutput, options: GexfOptions = {}): string {
  return analysisToGexf(output, options);
}

export function toCsv(output: AnalysisOutput, table: CsvTable): string {
  const lines: string[] = [];
  if (table === 'communities') {
    const t = communityTable(output);
    lines.push(csvLine(t.columns));
    for (const row of t.rows) lines.push(csvLine(row));
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
