/**
 * CSV cells for exported tables (RFC 4180). Imported text is hostile: a cell that a spreadsheet would run
 * as a formula (starting with = + - @, or a tab/carriage return before one) is prefixed with a single quote,
 * OWASP's advice against CSV injection. Numbers are written as numbers and never neutralised.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (FORMULA_START.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) || s !== s.trim() ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\n';
}
