import { describe, expect, it } from 'vitest';
import { parsePythonList } from './python-list';

describe('parsePythonList', () => {
  it('reads empty cells and empty lists as no items', () => {
    expect(parsePythonList('')).toEqual([]);
    expect(parsePythonList('  ')).toEqual([]);
    expect(parsePythonList('[]')).toEqual([]);
    expect(parsePythonList('[ ]')).toEqual([]);
  });

  it('reads quoted items with commas, brackets and both quote styles', () => {
    expect(parsePythonList("['a', 'b']")).toEqual(['a', 'b']);
    expect(parsePythonList(`["it's", 'x, y]', "[z]"]`)).toEqual(["it's", 'x, y]', '[z]']);
  });

  it('decodes escapes the way Python writes them', () => {
    expect(parsePythonList(String.raw`['a\'b', "q\"r", 'back\\slash', 'tab\there', '\xe9\u00e8', '\d']`)).toEqual([
      "a'b",
      'q"r',
      'back\\slash',
      'tab\there',
      'éè',
      '\\d',
    ]);
  });

  it('takes bare items (numeric ids, unquoted words) trimmed and drops None', () => {
    expect(parsePythonList('[2002, 3003]')).toEqual(['2002', '3003']);
    expect(parsePythonList('[tag1, None, tag2]')).toEqual(['tag1', 'tag2']);
  });

  it('refuses what is not a list, with the cell in the message', () => {
    expect(() => parsePythonList('a, b')).toThrow(/expected a Python list.*"a, b"/);
    expect(() => parsePythonList("['open]")).toThrow(/unterminated string/);
    expect(() => parsePythonList("['a' 'b']")).toThrow(/expected ',' or ']'/);
    expect(() => parsePythonList("[ab'c]")).toThrow(/stray quote/);
    expect(() => parsePythonList(String.raw`['\xZZ']`)).toThrow(/bad \\x escape/);
  });
});
