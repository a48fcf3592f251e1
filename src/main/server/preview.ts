/**
 * The first rows of a file as the user will want to check them before importing: a table for delimited
 * text, raw lines for anything else (JSON, XML). Works on the detection sample, so it never reads more
 * than the first 64 KiB.
 */
import { parse } from 'csv-parse/sync';
import type { Preview } from '../../shared/api/contract';
import { SAMPLE_BYTES, type Sample } from '../import/source';

const PREVIEW_ROWS = 10;
const MAX_CELL = 200;
const DELIMITERS = [',', '\t', ';', '|'];

function completeLines(sample: Sample): string[] {
  const lines = sample.text.split(/\r?\n/);
  // A full sample may end mid-line: drop the fragment rather than show half a row.
  if (sample.text.length >= SAMPLE_BYTES - 4 && lines.length > 1) lines.pop();
  return lines;
}

export function previewOf(sample: Sample): Preview {
  const lines = completeLines(sample);
  const first = lines[0] ?? '';
  const trimmed = sample.text.trimStart();
  const looksStructured = trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('<');
  const delimiter = DELIMITERS.map((d) => ({ d, n: first.split(d).length - 1 })).sort((a, b) => b.n - a.n)[0];
  if (!looksStructured && delimiter.n > 0) {
    try {
      const rows = parse(lines.slice(0, PREVIEW_ROWS + 1).join('\n'), {
        delimiter: delimiter.d,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      }) as string[][];
      const [columns = [], ...rest] = rows;
      const clip = (s: string) => (s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…` : s);
      return { kind: 'table', columns: columns.map(clip), rows: rest.map((r) => r.map(clip)) };
    } catch {
      // Not parseable as delimited text after all: fall through to raw lines.
    }
  }
  return {
    kind: 'text',
    lines: lines.slice(0, PREVIEW_ROWS).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)),
  };
}
