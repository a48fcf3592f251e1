/**
 * Parses the Python-style list cells of X/Twitter Information Operations archives: `['a', 'b']`, `[]`,
 * `["it's"]`, `[123, 456]`, or an empty cell. A small hand-written scanner, never eval: the cells are
 * hostile text. Strings may use either quote, backslash escapes (\\ \' \" \n \t \r \xNN \uNNNN) and contain
 * commas and brackets; bare items (numbers, unquoted words in older releases) are taken trimmed; `None`
 * items are dropped.
 */
export function parsePythonList(cell: string): string[] {
  const s = cell.trim();
  if (s === '') return [];
  if (s[0] !== '[' || s[s.length - 1] !== ']')
    throw new Error(`expected a Python list like ['a', 'b'], found ${preview(s)}`);
  const out: string[] = [];
  let i = 1;
  const end = s.length - 1;
  for (;;) {
    i = skipSpace(s, i, end);
    if (i >= end) break;
    const c = s[i];
    if (c === "'" || c === '"') {
      const [value, next] = readQuoted(s, i, end);
      out.push(value);
      i = next;
    } else {
      let j = i;
      while (j < end && s[j] !== ',') j++;
      const bare = s.slice(i, j).trim();
      if (bare.includes("'") || bare.includes('"')) throw new Error(`stray quote in Python list item ${preview(bare)}`);
      if (bare !== 'None' && bare !== '') out.push(bare);
      i = j;
    }
    i = skipSpace(s, i, end);
    if (i >= end) break;
    if (s[i] !== ',') throw new Error(`expected ',' or ']' at character ${i + 1} of Python list ${preview(s)}`);
    i++;
  }
  return out;
}

function skipSpace(s: string, i: number, end: number): number {
  while (i < end && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function readQuoted(s: string, start: number, end: number): [string, number] {
  const quote = s[start];
  let out = '';
  let i = start + 1;
  while (i < end) {
    const c = s[i];
    if (c === quote) return [out, i + 1];
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = s[i + 1];
    if (e === 'x' || e === 'u') {
      const len = e === 'x' ? 2 : 4;
      const hex = s.slice(i + 2, i + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex))
        throw new Error(`bad \\${e} escape in Python list ${preview(s)}`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2 + len;
    } else if (e !== undefined && e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 2;
    } else {
      // Python keeps unknown escapes verbatim (e.g. "\d").
      out += '\\';
      i++;
    }
  }
  throw new Error(`unterminated string in Python list ${preview(s)}`);
}

function preview(s: string): string {
  return JSON.stringify(s.length > 80 ? s.slice(0, 77) + '...' : s);
}
