import type { CsvError } from 'csv-parse';

/**
 * csv-parse's refusals, said in the words of someone who made the file in a spreadsheet or by hand (issue 16,
 * item 7): which cell, what is wrong with it, and how to fix it, instead of "Invalid Closing Quote: got " " at
 * line 1 instead of delimiter, record delimiter, trimable character (if activated) or comment". Codes without
 * a plainer sentence keep csv-parse's message after "malformed CSV:".
 */
export function csvErrorInWords(err: CsvError, delimiter: string): string {
  const e = err as CsvError & { column?: number | string | null; field?: string };
  const cell = typeof e.column === 'number' ? `cell ${e.column + 1}` : 'a cell';
  const sep = delimiterName(delimiter);
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
    const got = /got "(.*?)" at line/.exec(err.message)?.[1] ?? '';
    return (
      `${cell} is quoted, but ${characterName(got)} follows its closing quote before the next ${sep}: a quoted cell ` +
      `must end at its closing quote. Remove what follows the quote${/^\s$/.test(got) ? ' (the space)' : ''}, ` +
      `or, if it belongs to the cell, put it inside the quotes`
    );
  }
  if (err.code === 'INVALID_OPENING_QUOTE') {
    const before = e.field ?? '';
    if (before.trim() === '') {
      return (
        `${cell} starts with ${characterName(before)} and then a quote: a quoted cell must start with its quote, ` +
        `right after the ${sep}. Remove the space before the quote`
      );
    }
    return (
      `${cell} has a quote after ${JSON.stringify(before.slice(0, 40))} but does not start with one: put the whole ` +
      `cell in quotes and double the quotes inside it ("" for ")`
    );
  }
  return `malformed CSV: ${err.message.replace(/^Invalid \w+: /, '')}`;
}

function characterName(s: string): string {
  if (s === ' ') return 'a space';
  if (s === '\t') return 'a tab';
  if (/^ +$/.test(s)) return `${s.length} spaces`;
  if (s === '') return 'a character';
  return JSON.stringify(s);
}

function delimiterName(d: string): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '\t' ? 'tab' : d === '|' ? 'bar (|)' : JSON.stringify(d);
}
