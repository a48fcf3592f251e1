import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv-writer';
import { xmlSafe } from './xml-text';

describe('csvCell', () => {
  it('quotes what RFC 4180 needs quoted', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvLine(['x', 1, true, null, undefined, NaN])).toBe('x,1,true,,,\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell(-2)).toBe('-2'); // numbers are data, not formulas
  });
});

describe('xmlSafe', () => {
  it('replaces characters XML 1.0 forbids and keeps everything else', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(xmlSafe('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(xmlSafe('emoji 🎭 and RTL مرحبا')).toBe('emoji 🎭 and RTL مرحبا');
    expect(xmlSafe('lone \uD800 high')).toBe('lone \uFFFD high');
    expect(xmlSafe('lone \uDC00 low')).toBe('lone \uFFFD low');
  });
});
