/**
 * Property tests for the parsers in src/shared/io: the Python-list parser round-trips Python's own repr, the
 * time parser reads every supported spelling of an instant to the same second, and the row parsers (tables,
 * IO archive, X API v1.1 and v2) answer any row — random cells, random JSON, fixtures with random fields
 * replaced — with records or a row error, never a crash or a JavaScript-internal message.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IO_TWEET_COLUMNS,
  IO_USER_COLUMNS,
  ioTweetRowToBatch,
  ioUserRowToBatch,
} from '../../src/shared/io/io-archive-row';
import { parsePythonList } from '../../src/shared/io/python-list';
import { commentsParser } from '../../src/shared/io/tables/comments';
import { edgesParser } from '../../src/shared/io/tables/edges';
import { followsParser } from '../../src/shared/io/tables/follows';
import { MULTI_OBJECT_COLUMNS, multiObjectParser } from '../../src/shared/io/tables/multi-object';
import { SHARE_TABLE_COLUMNS, shareTableParser } from '../../src/shared/io/tables/share-table';
import type { HeaderVerdict, TableRowParser } from '../../src/shared/io/tables/table-parser';
import { parseTime } from '../../src/shared/io/time';
import { v1TweetToBatch } from '../../src/shared/io/twitter-v1-tweet';
import { v2FlatTweetToBatch, v2PageToResults } from '../../src/shared/io/twitter-v2-tweet';
import type { RecordBatch } from '../../src/shared/model/records';
import { REPO } from '../import/helpers';

const RUNS = Number(process.env.FC_RUNS ?? 300);
/** A row error must read as a data problem, not as a JavaScript failure leaking through. */
const INTERNAL =
  /Cannot read prop|is not a function|is not iterable|undefined is not|null is not|Maximum call stack|\[object Object\]/;

// --- Python lists

/** Python's repr() of a str: the quote it picks, and its escapes. */
function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0xa0)) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

const listItem = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "'",
      '"',
      ',',
      '[',
      ']',
      '\\',
      ' ',
      '\n',
      '\t',
      '\u0000',
      '#',
      'é',
      '🙂',
      'مرحبا',
      '\u202e',
      'None',
    ),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 20,
});

describe('Python-list parser', () => {
  it("reads back Python's repr of any list of strings exactly", () => {
    fc.assert(
      fc.property(fc.array(listItem, { maxLength: 8 }), fc.constantFrom(', ', ',', ' , '), (items, sep) => {
        expect(parsePythonList('[' + items.map(pyRepr).join(sep) + ']')).toEqual(items);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads bare integers (IO archive mentions) trimmed', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2n ** 70n }), { maxLength: 8 }), (ids) => {
        expect(parsePythonList('[' + ids.join(', ') + ']')).toEqual(ids.map(String));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any text with a list or a plain Error saying what was expected', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: fc.constantFrom('[', ']', "'", '"', '\\', ',', 'x', ' ', 'u', '0') }), fc.string()),
        (s) => {
          try {
            const out = parsePythonList(s);
            expect(Array.isArray(out)).toBe(true);
            for (const v of out) expect(typeof v).toBe('string');
          } catch (err) {
            expect((err as Error).constructor).toBe(Error);
            expect((err as Error).message).toMatch(/Python list/);
          }
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

// --- times

const MIN = Date.UTC(1990, 0, 1) / 1000;
const MAX = Date.UTC(2100, 0, 1) / 1000 - 1;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function v1Time(t: number): string {
  const d = new Date(t * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** The same instant written in a zone `offsetMin` minutes east of UTC. */
function isoWithOffset(t: number, offsetMin: number): string {
  const local = new Date((t + offsetMin * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${offsetMin < 0 ? '-' : '+'}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
}

describe('time parser', () => {
  it('reads every supported spelling of an instant to the same Unix second', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: -56, max: 56 }), (t, quarter) => {
        const iso = new Date(t * 1000).toISOString();
        expect(parseTime(iso)).toBe(t);
        expect(parseTime(iso.slice(0, 19))).toBe(t);
        expect(parseTime(iso.slice(0, 19).replace('T', ' '))).toBe(t);
        expect(parseTime(iso.replace('Z', '+00:00'))).toBe(t);
        expect(parseTime(isoWithOffset(t, quarter * 15))).toBe(t);
        expect(parseTime(v1Time(t))).toBe(t);
        expect(parseTime(String(t))).toBe(t);
        expect(parseTime(t)).toBe(t);
        expect(parseTime(String(t * 1000 + 999))).toBe(t);
        expect(parseTime(`  ${iso}  `)).toBe(t);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses instants outside 1990–2099 and days a month does not have', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2100, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(parseTime(`${year}-${pad(month)}-01T00:00:00Z`)).toBeUndefined();
        const days = new Date(Date.UTC(2021, month, 0)).getUTCDate();
        expect(parseTime(`2021-${pad(month)}-${pad(days)}`)).toBe(Date.UTC(2021, month - 1, days) / 1000);
        if (days < 31) expect(parseTime(`2021-${pad(month)}-${pad(days + 1)}`)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    expect(parseTime('1989-12-31T23:59:59Z')).toBeUndefined();
  });

  it('answers any input with undefined or a whole second in range, never throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.stringMatching(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/),
        ),
        (v) => {
          const t = parseTime(v);
          if (t !== undefined) {
            expect(Number.isInteger(t)).toBe(true);
            expect(t).toBeGreaterThanOrEqual(MIN);
            expect(t).toBeLessThanOrEqual(MAX);
          }
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

// --- row parsers

/** Every id a batch names is a non-empty string (ids are never numbers: X ids overflow 2^53). */
function checkBatch(b: RecordBatch): void {
  const ids = [
    ...(b.accounts ?? []).map((a) => a.id),
    ...(b.posts ?? []).flatMap((p) => [p.id, p.authorId]),
    ...(b.interactions ?? []).flatMap((i) => [i.sourceId, i.targetId]),
    ...(b.follows ?? []).flatMap((f) => [f.followerId, f.followedId]),
  ];
  for (const id of ids) {
    expect(typeof id).toBe('string');
    expect(id.length).toBeGreaterThan(0);
  }
}

/** A row parser's answer: records, or a row error that reads as one. Throwing at all is a failure. */
function checkRowParse(parser: TableRowParser, cells: string[]): void {
  const r = parser.parse(cells);
  if ('error' in r) {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeGreaterThan(0);
    expect(r.error).not.toMatch(INTERNAL);
  } else checkBatch(r.batch);
}

/** A mapper that reports a bad row by throwing: only a plain Error with a data message may come out. */
function checkMapper(map: () => RecordBatch): void {
  let batch: RecordBatch | undefined;
  try {
    batch = map();
  } catch (err) {
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).constructor, (err as Error).stack).toBe(Error);
    expect((err as Error).message).not.toMatch(INTERNAL);
    return;
  }
  checkBatch(batch);
}

/** Cell values that look almost right: ids, huge ids, times, numbers, lists, and noise. */
const cellArb = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'None',
    'null',
    'NaN',
    '-1',
    '0',
    '1.5',
    '1e309',
    'True',
    'False',
    'absent',
    '[]',
    "['a', 'b']",
    '[1, 2]',
    "['x",
    '2018-01-01 12:34',
    '2021-09-01T08:15:00Z',
    'Wed Oct 10 20:19:24 +0000 2018',
    '1600000000',
    '18446744073709551617',
    'fb_123',
    'tw_9',
    'retweet',
    'mention',
    'https://www.example.com/a?b=1',
    'http://[::1',
    '=cmd',
    '<script>',
  ),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  fc.string({ maxLength: 12 }),
);

function parserOf(v: HeaderVerdict): TableRowParser {
  if ('expected' in v) throw new Error(`header refused: ${v.expected}`);
  return v.parser;
}

const TABLES: [string, TableRowParser][] = [
  ['share table', parserOf(shareTableParser([...SHARE_TABLE_COLUMNS], 'generic'))],
  ['multi-object', parserOf(multiObjectParser([...MULTI_OBJECT_COLUMNS], 'generic'))],
  ['follows', parserOf(followsParser(['follower_id', 'following_id', 'time'], 'twitter'))],
  ['edges', parserOf(edgesParser(['source', 'target', 'kind', 'time', 'weight'], 'generic'))],
  [
    'comments',
    parserOf(
      commentsParser(
        [
          'commenter_id',
          'commenter_name',
          'target_id',
          'target_name',
          'post_id',
          'comment_id',
          'time',
          'text',
          'platform',
        ],
        undefined,
        undefined,
      ),
    ),
  ],
];

describe('table row parsers', () => {
  it.each(TABLES)('%s: any row of the header width gives records or a row error', (_name, parser) => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: parser.columns, maxLength: parser.columns }), (cells) =>
        checkRowParse(parser, cells),
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('IO archive row mappers', () => {
  const tweetCol = Object.fromEntries(IO_TWEET_COLUMNS.map((c, i) => [c, i]));
  const userCol = Object.fromEntries(IO_USER_COLUMNS.map((c, i) => [c, i]));
  const fixture = readFileSync(join(REPO, 'test/fixtures/twitter/io_tweets.csv'), 'utf8').split('\n')[1];
  const good = fixture
    .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
    .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));

  it('tweets: random cells give a batch or a plain Error', () => {
    fc.assert(
      fc.property(
        fc.array(cellArb, { minLength: IO_TWEET_COLUMNS.length, maxLength: IO_TWEET_COLUMNS.length }),
        (cells) => checkMapper(() => ioTweetRowToBatch(cells, tweetCol)),
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('tweets: a real row with random cells replaced gives a batch or a plain Error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: IO_TWEET_COLUMNS.length - 1 }), cellArb), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const cells = good.slice(0, IO_TWEET_COLUMNS.length);
          for (const [i, v] of edits) cells[i] = v;
          checkMapper(() => ioTweetRowToBatch(cells, tweetCol));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('users: random cells give a batch or a plain Error', () => {
    fc.assert(
      fc.property(
        fc.array(cellArb, { minLength: IO_USER_COLUMNS.length, maxLength: IO_USER_COLUMNS.length }),
        (cells) => checkMapper(() => ioUserRowToBatch(cells, userCol)),
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

// --- X API JSON

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every [container, key] in a JSON value, so a mutation can replace any field at any depth. */
function slots(v: Json, out: [Json[] | { [k: string]: Json }, string | number][] = []) {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      out.push([v, i]);
      slots(x, out);
    });
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      slots(v[k], out);
    }
  }
  return out;
}

const jsonNoise: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53 + 2,
    '',
    'x',
    '2021-11-01T08:00:00.000Z',
    [],
    {},
    [null],
    { id: 5 },
    // JSON can name an object's own toString/valueOf: String() or a template of it then throws a TypeError.
    { toString: '' },
    { valueOf: 1, toString: 'x' },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** A fixture with 1–5 fields, anywhere in it, replaced by noise (or deleted). */
function mutated(base: Json): fc.Arbitrary<Json> {
  return fc
    .array(fc.tuple(fc.nat(), fc.option(jsonNoise, { nil: undefined })), { minLength: 1, maxLength: 5 })
    .map((edits) => {
      const v = structuredClone(base);
      for (const [pick, value] of edits) {
        const all = slots(v);
        if (all.length === 0) break;
        const [holder, key] = all[pick % all.length];
        if (value === undefined && !Array.isArray(holder)) delete (holder as Record<string, Json>)[key];
        // Cloned: constant noise values are shared instances, and an edit inside one must not make a cycle.
        else (holder as Record<string | number, Json>)[key] = structuredClone(value ?? null);
      }
      return v;
    });
}

const lines = (f: string) =>
  readFileSync(join(REPO, 'test/fixtures/twitter', f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Json);
const V1 = lines('twitter_v1.jsonl');
const V2_FLAT = lines('twitter_v2_flat.jsonl');
const V2_PAGE = JSON.parse(readFileSync(join(REPO, 'test/fixtures/twitter/twitter_v2_page.json'), 'utf8')) as Json;

describe('X API mappers', () => {
  it('v1.1: any JSON value, and real tweets with fields replaced, give a batch or a plain Error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, fc.constantFrom(...V1).chain(mutated)), (t) =>
        checkMapper(() => v1TweetToBatch(t)),
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('v2 flattened: any JSON value, and real tweets with fields replaced, give a batch or a plain Error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, fc.constantFrom(...V2_FLAT).chain(mutated)), (t) =>
        checkMapper(() => v2FlatTweetToBatch(t)),
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('v2 pages: a page with fields replaced gives batches and readable row errors, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, mutated(V2_PAGE)), (page) => {
        const results = v2PageToResults(page);
        for (const r of results) {
          if ('error' in r) expect(r.error).not.toMatch(INTERNAL);
          else checkBatch(r.batch);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
