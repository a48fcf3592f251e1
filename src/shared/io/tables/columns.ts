/**
 * Header handling shared by the table formats: columns are matched case-insensitively, trimmed, and by
 * alias, so `Follower_ID`, `follower_id` and ` follower ` all name the same column.
 */

export function normaliseHeader(header: readonly string[]): string[] {
  return header.map((h) =>
    h
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase(),
  );
}

/** Index of the first alias present in the header, or -1. */
export function findColumn(header: readonly string[], aliases: readonly string[]): number {
  const lower = normaliseHeader(header);
  for (const alias of aliases) {
    const i = lower.indexOf(alias.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

/** The cell at `index`, trimmed; undefined when the column is absent or the cell empty. */
export function cell(cells: readonly string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const v = cells[index]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Shows a list of header names in an error message, bounded so a 300-column file stays readable. */
export function listColumns(header: readonly string[], max = 40): string {
  if (header.length === 0) return '(nothing)';
  const shown = header.slice(0, max).join(', ');
  return header.length > max ? `${shown}, … (${header.length} columns)` : shown;
}
