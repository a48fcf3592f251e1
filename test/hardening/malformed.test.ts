/**
 * Every file of test/fixtures/malformed (plus a few generated at run time: a 50 MB field, 100k-deep JSON, a
 * gzip bomb) is imported into a project that already holds earlier imports. Each must end in its expected
 * outcome — a clear ImportError naming the file (and line where there is one), or a clean import with exact
 * counts — with bounded memory and the earlier data byte-for-byte intact.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/main/import/errors';
import { importFile, type ImportResult } from '../../src/main/import/run-import';
import type { Db } from '../../src/main/store/project';
import type { WriteCounts } from '../../src/main/store/writer';
import { REPO, count, tableCounts, tempProject, type TempProject } from '../import/helpers';
import { earlierChecksums, watermark } from './project-snapshot';

const MALFORMED = join(REPO, 'test/fixtures/malformed');
const MB = 1024 * 1024;
/** Largest RSS growth one hostile file may cause while it is imported. */
const RSS_BUDGET = 300 * MB;

interface Expected {
  rowsRead: number;
  rowsImported: number;
  /** Row errors as [line, message pattern], all of them, in order. */
  errors?: [number, RegExp][];
  added: WriteCounts;
}

interface Case {
  file: string;
  what: string;
  format?: string;
  /** Generated into the project's temp dir instead of read from the fixture folder. */
  generate?: (path: string) => Promise<void> | void;
  /** Expected refusal: the line it names (undefined: the file as a whole) and the reason. */
  error?: { line: number | undefined; reason: RegExp };
  ok?: Expected;
  check?: (db: Db, r: ImportResult) => void;
}

const added = (accounts: number, posts: number, interactions = 0, follows = 0): WriteCounts => ({
  accounts,
  posts,
  interactions,
  follows,
});
const one = <T>(db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as T;
const all = <T>(db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .all(...params) as T[];

async function writeStreamed(path: string, parts: Iterable<string | Buffer>, gzip = false): Promise<void> {
  const out = createWriteStream(path);
  const z = gzip ? createGzip({ level: 9 }) : undefined;
  if (z) z.pipe(out);
  const sink = z ?? out;
  for (const part of parts) {
    if (!sink.write(part)) await new Promise<void>((r) => sink.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    sink.end();
  });
}

function* repeat(chunk: Buffer | string, times: number) {
  for (let i = 0; i < times; i++) yield chunk;
}

const V2 = (id: string, text: string) =>
  JSON.stringify({ id, author_id: '301', created_at: '2021-11-01T08:00:00.000Z', text });
const SHARE_HEADER = 'object_id,account_id,content_id,timestamp_share\n';

const CASES: Case[] = [
  // --- share tables
  {
    file: 'share-truncated.csv',
    what: 'last line cut inside the time',
    ok: { rowsRead: 3, rowsImported: 2, errors: [[4, /bad timestamp_share "16000"/]], added: added(2, 2) },
  },
  {
    file: 'share-truncated-mid-row.csv',
    what: 'last line cut after two cells',
    ok: {
      rowsRead: 3,
      rowsImported: 2,
      errors: [[4, /expected 4 columns as in the header, found 2/]],
      added: added(2, 2),
    },
  },
  {
    file: 'share-missing-column.csv',
    what: 'a share table without timestamp_share, undetectable',
    error: { line: 1, reason: /cannot tell the format .*"object_id,account_id,content_id"/ },
  },
  {
    file: 'share-missing-column.csv',
    what: 'the same, forced as share-table',
    format: 'share-table',
    error: {
      line: 1,
      reason: /wrong columns for a share table: expected .*timestamp_share; found object_id, account_id, content_id/,
    },
  },
  {
    file: 'share-unbalanced-quote.csv',
    what: 'a quote opened on line 3 and never closed',
    error: { line: 4, reason: /malformed CSV: Quote Not Closed/ },
  },
  {
    file: 'share-embedded-newlines.csv',
    what: 'quoted cells holding LF and CRLF; a later bad row keeps its true line',
    ok: { rowsRead: 3, rowsImported: 2, errors: [[7, /bad timestamp_share "not-a-time"/]], added: added(2, 2) },
    check: (db) =>
      expect(all<string>(db, "SELECT value FROM post_objects WHERE value LIKE 'm_o%' ORDER BY value")).toEqual([
        'm_o1\nsecond line',
        'm_o2',
      ]),
  },
  {
    file: 'share-invalid-utf8.csv',
    what: 'bytes that are not UTF-8 but are Windows-1252: read as Windows-1252, and the import says so (no U+FFFD)',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(2, 2) },
    check: (db, r) => {
      expect(r.encoding).toMatchObject({ name: 'windows-1252', invalidLines: 0 });
      expect(all<string>(db, "SELECT value FROM post_objects WHERE value LIKE 'm_o%'")).toContain('m_o\u00FF\u00FE1');
      expect(all<string>(db, "SELECT ext_id FROM accounts WHERE ext_id LIKE 'm_a%'")).toContain('m_a\u00C3(');
    },
  },
  {
    file: 'share-bom-crlf.csv',
    what: 'UTF-8 BOM and CRLF line ends',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(2, 2) },
    check: (db) => expect(count(db, "SELECT count(*) FROM posts WHERE ext_id IN ('m_c1', 'm_c2')")).toBe(2),
  },
  {
    file: 'share-nul-bytes.csv',
    what: 'NUL bytes inside cells are kept as data, exactly',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(2, 2) },
    check: (db) => {
      expect(count(db, 'SELECT count(*) FROM accounts WHERE ext_id = ?', 'm_a\u00001')).toBe(1);
      expect(count(db, 'SELECT count(*) FROM posts WHERE ext_id = ?', 'm_c2\u0000')).toBe(1);
    },
  },
  {
    file: 'share-duplicate-ids.csv',
    what: 'the same share twice, and one post carrying two objects',
    ok: { rowsRead: 4, rowsImported: 4, errors: [], added: added(2, 1) },
    check: (db) =>
      expect(
        all<string>(
          db,
          "SELECT o.value FROM post_objects o JOIN posts p ON p.id = o.post_id WHERE p.ext_id = 'm_c1' ORDER BY 1",
        ),
      ).toEqual(['m_o1', 'm_o2']),
  },
  {
    file: 'share-big-ids.csv',
    what: 'ids past 2^53 and past 2^64 stay exact strings',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(2, 2) },
    check: (db) => {
      expect(all<string>(db, 'SELECT ext_id FROM accounts WHERE id > 0 ORDER BY id DESC LIMIT 2').sort()).toEqual([
        '18446744073709551617',
        '99999999999999999999999999',
      ]);
      expect(all<string>(db, "SELECT ext_id FROM posts WHERE ext_id LIKE '900719925474099%' ORDER BY 1")).toEqual([
        '9007199254740992',
        '9007199254740993123',
      ]);
      expect(all<string>(db, "SELECT DISTINCT value FROM post_objects WHERE value LIKE '9007%'")).toEqual([
        '9007199254740993',
      ]);
    },
  },
  {
    file: 'share-odd-dates.csv',
    what: 'ISO with zone, epoch ms and v1.1 dates land; day-first, far future, 1e300, negative, 30 Feb and empty do not',
    ok: {
      rowsRead: 9,
      rowsImported: 3,
      errors: [
        [5, /bad timestamp_share "16\/06\/2021"/],
        [6, /bad timestamp_share "9999-12-31T23:59:59Z"/],
        [7, /bad timestamp_share "1e300"/],
        [8, /bad timestamp_share "-1"/],
        [9, /bad timestamp_share "2021-02-30T00:00:00Z"/],
        [10, /empty timestamp_share/],
      ],
      added: added(3, 3),
    },
    check: (db) => {
      // 2021-06-16T22:04:51+02:00 = 20:04:51Z; the ms and v1.1 forms are 22:04:51Z (1623881091).
      expect(all<number>(db, "SELECT time FROM posts WHERE ext_id IN ('m_c1','m_c2','m_c3') ORDER BY ext_id")).toEqual([
        1623873891, 1623881091, 1623881091,
      ]);
    },
  },
  {
    file: 'share-prototype-ids.csv',
    what: 'ids named like Object.prototype members are ordinary ids',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(2, 2) },
    check: (db) =>
      expect(
        all<string>(
          db,
          "SELECT o.value FROM post_objects o JOIN posts p ON p.id = o.post_id WHERE p.ext_id IN ('valueOf', 'toString') ORDER BY 1",
        ),
      ).toEqual(['__proto__', 'hasOwnProperty']),
  },
  {
    file: 'share-wrong-width.csv',
    what: 'rows with an extra cell and with missing cells',
    ok: {
      rowsRead: 3,
      rowsImported: 1,
      errors: [
        [2, /expected 4 columns as in the header, found 5/],
        [3, /expected 4 columns as in the header, found 2/],
      ],
      added: added(1, 1),
    },
  },
  {
    file: 'share-50mb-field.csv',
    what: 'a single 50 MB field is refused at its line, not buffered and stored',
    generate: (path) =>
      writeStreamed(path, [
        SHARE_HEADER,
        'm_o1,m_a1,m_c1,1600000000\nm_o1,m_a2,',
        ...repeat('x'.repeat(MB), 50),
        ',1600000001\n',
      ]),
    error: { line: 3, reason: /a record over 16 MiB: refused/ },
  },
  // --- multi-object, comments, follows, edges
  {
    file: 'multi-object-bad-values.csv',
    what: 'non-integer ids and an empty timestamp',
    ok: {
      rowsRead: 4,
      rowsImported: 1,
      errors: [
        [3, /bad post_id "notanumber": expected an integer/],
        [4, /bad url_id "1.5"/],
        [5, /empty timestamp/],
      ],
      added: added(1, 1),
    },
  },
  {
    file: 'multi-object-crlf-bom.csv',
    what: 'BOM + CRLF; one post on two rows',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(1, 1) },
    check: (db) =>
      expect(
        all<string>(
          db,
          "SELECT o.kind || ':' || o.value FROM post_objects o JOIN posts p ON p.id = o.post_id WHERE p.ext_id = '900001' ORDER BY 1",
        ),
      ).toEqual(['domain:31', 'hashtag:21', 'url:11', 'url:12']),
  },
  {
    file: 'comments-markup.csv',
    what: 'script/img markup, a formula, RTL override, emoji and BEL are stored verbatim as text',
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(3, 2, 2) },
    check: (db) => {
      expect(one<string>(db, "SELECT text FROM posts WHERE ext_id = 'm200_1_1'")).toBe(
        `<script>alert("x")</script> =cmd|' /C calc'!A0`,
      );
      expect(one<string>(db, "SELECT text FROM posts WHERE ext_id = 'm200_1_2'")).toBe('مرحبا 🙂 \u0007 bell');
      expect(
        count(
          db,
          "SELECT count(*) FROM accounts WHERE ext_id = 'm100' AND ? IN (screen_name, display_name)",
          '<img src=x onerror=alert(1)>',
        ),
      ).toBe(1);
    },
  },
  {
    file: 'comments-odd-dates.csv',
    what: 'a comment dated 2121 and one dated "yesterday"',
    ok: {
      rowsRead: 3,
      rowsImported: 1,
      errors: [
        [2, /bad time "2121-01-01T00:00:00Z"/],
        [3, /bad time "yesterday"/],
      ],
      added: added(2, 1, 1),
    },
  },
  // Encodings (issue 16, item 3; test/hardening/encodings.test.ts goes further: gzip, the worker, the CLI).
  {
    file: 'comments-latin1.csv',
    what: 'a Latin-1 comments export: read as Windows-1252, every accented letter right',
    ok: { rowsRead: 3, rowsImported: 3, errors: [], added: added(4, 3, 3) },
    check: (db, r) => {
      expect(r.encoding).toMatchObject({ name: 'windows-1252', invalidLines: 0 });
      expect(one<string>(db, "SELECT text FROM posts WHERE ext_id = 'm400_1_2'")).toBe('Grüße aus Köln; ¿qué tal? año');
    },
  },
  {
    file: 'comments-utf16le-bom.csv',
    what: 'UTF-16 LE with a byte-order mark (Excel "Unicode text"), with an emoji and CJK',
    ok: { rowsRead: 4, rowsImported: 4, errors: [], added: added(5, 4, 4) },
    check: (db, r) => {
      expect(r.encoding).toMatchObject({ name: 'UTF-16LE', how: 'bom' });
      expect(one<string>(db, "SELECT text FROM posts WHERE ext_id = 'm400_1_4'")).toBe('Привет 🙂 你好');
    },
  },
  {
    file: 'comments-utf16be-nobom.csv',
    what: 'UTF-16 BE without a byte-order mark',
    ok: { rowsRead: 4, rowsImported: 4, errors: [], added: added(5, 4, 4) },
    check: (db, r) => {
      expect(r.encoding).toMatchObject({ name: 'UTF-16BE', how: 'utf16-pattern' });
      expect(one<string>(db, "SELECT display_name FROM accounts WHERE ext_id = 'm303'")).toBe('Иван Петров');
    },
  },
  {
    file: 'comments-utf8-stray-latin1.csv',
    what: 'UTF-8 with one line in Latin-1 bytes: that row is refused with its line, not stored with U+FFFD',
    ok: { rowsRead: 6, rowsImported: 5, errors: [[6, /bytes that are not valid UTF-8/]], added: added(6, 5, 5) },
    check: (_db, r) => expect(r.encoding).toMatchObject({ invalidLines: 1, firstInvalidLines: [6], rowsSkipped: 1 }),
  },
  {
    file: 'follows-empty-and-self.csv',
    what: 'empty follower/followed ids, a self-follow and a duplicate follow',
    ok: {
      rowsRead: 5,
      rowsImported: 3,
      errors: [
        [3, /empty follower_id/],
        [4, /empty following_id/],
      ],
      added: added(3, 0, 0, 2),
    },
  },
  {
    file: 'edges-bad-weights.csv',
    what: 'NaN, negative and overflowing weights, an unknown kind',
    ok: {
      rowsRead: 5,
      rowsImported: 1,
      errors: [
        [3, /bad weight "NaN"/],
        [4, /bad weight "-2"/],
        [5, /bad weight "1e309"/],
        [6, /unknown kind "teleport"/],
      ],
      added: added(2, 0, 1),
    },
  },
  // --- IO archive
  {
    file: 'io-tweets-truncated.csv',
    what: 'a tweets file cut in the middle of its last row (its whole first row is already in the project)',
    ok: {
      rowsRead: 2,
      rowsImported: 1,
      errors: [[3, /expected 31 cells as in the header, found 13/]],
      added: added(0, 0, 0),
    },
  },
  {
    file: 'io-tweets-missing-columns.csv',
    what: 'four of the thirty tweet columns',
    error: { line: 1, reason: /wrong columns for an IO archive tweets file: .*missing user_display_name/ },
  },
  {
    file: 'io-tweets-bad-lists.csv',
    what: 'unterminated, non-list and bad-escape Python lists in hashtags/urls',
    ok: {
      rowsRead: 5,
      rowsImported: 2,
      errors: [
        [3, /hashtags: expected a Python list/],
        [4, /urls: expected a Python list .*"not a list"/],
        [5, /hashtags: bad \\x escape/],
      ],
      added: added(1, 2),
    },
    check: (db) =>
      expect(
        all<string>(
          db,
          "SELECT o.value FROM post_objects o JOIN posts p ON p.id = o.post_id WHERE p.ext_id = '947808355865320005' AND o.kind = 'hashtag' ORDER BY 1",
        ),
      ).toEqual(["it's", 'ok']),
  },
  {
    file: 'io-tweets-big-ids.csv',
    what: 'a 20-digit tweet id is kept exactly; a 24-digit one is no X id',
    ok: {
      rowsRead: 2,
      rowsImported: 1,
      errors: [[3, /tweetid: expected a numeric id, found "123456789012345678901234"/]],
      added: added(1, 1),
    },
    check: (db) => {
      expect(count(db, "SELECT count(*) FROM posts WHERE ext_id = '18446744073709551615'")).toBe(1);
      expect(count(db, "SELECT count(*) FROM accounts WHERE ext_id = '9007199254740993'")).toBe(1);
    },
  },
  {
    file: 'io-users-missing-columns.csv',
    what: 'two of the ten user columns',
    format: 'io-users',
    error: { line: 1, reason: /wrong columns for an IO archive users file: .*missing user_display_name/ },
  },
  {
    file: 'io-users-duplicate-ids.csv',
    what: 'one user id on two rows merges into one account; a non-numeric count is a row error',
    ok: {
      rowsRead: 3,
      rowsImported: 2,
      errors: [[4, /follower_count: expected a non-negative whole number, found "abc"/]],
      added: added(1, 0),
    },
    check: (db) => expect(count(db, "SELECT count(*) FROM accounts WHERE ext_id = 'm_u9'")).toBe(1),
  },
  // --- X API v2 / v1.1 JSON
  {
    file: 'twitter-v2-unexpected-types.jsonl',
    what: 'unsafe numeric id, array time, null author, a bare string, a broken line',
    ok: {
      rowsRead: 7,
      rowsImported: 2,
      errors: [
        [2, /id: id \d+ is not a string and not exact as a JSON number/],
        [3, /created_at: expected an ISO 8601 time, found \["2021"\]/],
        [4, /author_id: missing/],
        [6, /expected a tweet object/],
        [7, /invalid JSON/],
      ],
      added: added(1, 2),
    },
  },
  {
    file: 'twitter-v2-truncated-page.json',
    what: 'a pretty-printed API page cut at 60%',
    error: { line: 100, reason: /invalid JSON/ },
  },
  {
    file: 'twitter-v2-big-ids.jsonl',
    what: '2^64-1 author and a 2^53+1 tweet id stay exact; a 21-digit id is refused',
    ok: {
      rowsRead: 2,
      rowsImported: 1,
      errors: [[1, /id: expected a numeric id, found "123456789012345678901"/]],
      added: added(1, 1),
    },
    check: (db) => {
      expect(count(db, "SELECT count(*) FROM posts WHERE ext_id = '9007199254740993'")).toBe(1);
      expect(count(db, "SELECT count(*) FROM accounts WHERE ext_id = '9007199254740995'")).toBe(1);
    },
  },
  {
    file: 'twitter-v1-unexpected-types.jsonl',
    what: 'user as a string, numeric time, only an unsafe numeric id, an array, null',
    ok: {
      rowsRead: 6,
      rowsImported: 1,
      errors: [
        [2, /user: missing user object/],
        [3, /created_at: expected a time like/],
        [4, /not exact as a JSON number/],
        [5, /expected a tweet object/],
        [6, /expected a tweet object/],
      ],
      added: added(1, 1),
    },
  },
  {
    file: 'twitter-v1-array-odd-elements.json',
    what: 'a JSON array holding a number, a string and null between tweets, one dated 2099',
    ok: {
      rowsRead: 5,
      rowsImported: 2,
      errors: [
        [3, /element 1 \(line 3\): expected an object, found a number/],
        [4, /element 2 \(line 4\): expected an object, found a string/],
        [5, /element 3 \(line 5\): expected an object, found a null/],
      ],
      added: added(1, 2),
    },
  },
  {
    file: 'v2-10mb-text.jsonl',
    what: 'a tweet with a 10 MB text is valid JSON below the 16 MiB line limit: stored exactly',
    format: 'twitter-v2',
    generate: (path) =>
      writeStreamed(path, [
        V2('1460000000000000201', 'a') + '\n',
        V2('1460000000000000202', 'y'.repeat(10 * MB)) + '\n',
      ]),
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(1, 2) },
    check: (db) =>
      expect(count(db, "SELECT length(text) FROM posts WHERE ext_id = '1460000000000000202'")).toBe(10 * MB),
  },
  {
    file: 'v2-50mb-text.jsonl',
    what: 'a JSONL line with a 50 MB string is refused at its line before readline holds it',
    format: 'twitter-v2',
    generate: (path) =>
      writeStreamed(path, [V2('1460000000000000201', 'a') + '\n', '{"text": "', ...repeat('z'.repeat(MB), 50), '"}\n']),
    error: { line: 2, reason: /a line over 16 MiB/ },
  },
  {
    file: 'v1-nested-100k.jsonl',
    what: '100,000 nested arrays on one JSONL line',
    format: 'twitter-v1',
    generate: (path) => writeFileSync(path, '['.repeat(100_000) + ']'.repeat(100_000) + '\n'),
    ok: { rowsRead: 1, rowsImported: 0, errors: [[1, /expected a tweet object/]], added: added(0, 0) },
  },
  {
    file: 'v1-nested-100k-array.json',
    what: '100,000 nested arrays as the element of a JSON array (streamed tokenizer)',
    format: 'twitter-v1',
    generate: (path) => writeFileSync(path, '[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']\n'),
    ok: { rowsRead: 1, rowsImported: 0, errors: [[1, /expected a tweet object/]], added: added(0, 0) },
  },
  {
    file: 'v2-nested-100k-objects.json',
    what: '100,000 nested objects as one pretty-printed document',
    format: 'twitter-v2',
    generate: (path) =>
      writeFileSync(path, '{\n"data": ' + '{"data":'.repeat(100_000) + '1' + '}'.repeat(100_000) + '}\n'),
    ok: { rowsRead: 1, rowsImported: 0, errors: [[1, /data/]], added: added(0, 0) },
  },
  // --- GEXF / GraphML
  {
    file: 'gexf-external-entity.gexf',
    what: 'an external entity pointing at /etc/passwd (XXE)',
    error: { line: 2, reason: /refused: the DOCTYPE declares entities/ },
  },
  {
    file: 'gexf-billion-laughs.gexf',
    what: 'the billion-laughs payload',
    error: { line: 2, reason: /refused: the DOCTYPE declares entities/ },
  },
  {
    file: 'graphml-external-entity.graphml',
    what: 'an external parameter entity (remote DTD)',
    error: { line: 2, reason: /refused: the DOCTYPE declares entities/ },
  },
  {
    file: 'gexf-truncated.gexf',
    what: 'a GEXF cut inside an edge tag',
    error: { line: 10, reason: /malformed XML: unclosed tag/ },
  },
  {
    file: 'gexf-nul-char.gexf',
    what: 'a NUL character inside an attribute (not XML)',
    error: { line: 5, reason: /malformed XML: disallowed character/ },
  },
  {
    file: 'gexf-duplicate-ids.gexf',
    what: 'a node id and an edge id given twice: merged, one interaction',
    ok: { rowsRead: 5, rowsImported: 5, errors: [], added: added(2, 0, 1) },
  },
  {
    file: 'gexf-prototype-ids.gexf',
    what: 'node ids __proto__, constructor, valueOf are ordinary ids',
    ok: { rowsRead: 5, rowsImported: 5, errors: [], added: added(3, 0, 2) },
    check: (db) => {
      expect(
        all<string>(
          db,
          "SELECT ext_id FROM accounts WHERE ext_id IN ('__proto__', 'constructor', 'valueOf') ORDER BY 1",
        ),
      ).toEqual(['__proto__', 'constructor', 'valueOf']);
      for (const k in {}) throw new Error(`Object.prototype polluted with ${k}`);
    },
  },
  {
    file: 'graphml-mismatched-tags.graphml',
    what: 'an unclosed <node> before </graph>',
    error: { line: 6, reason: /malformed XML: unexpected close tag/ },
  },
  // --- anything else
  {
    file: 'binary-garbage.csv',
    what: 'a PNG header and binary bytes',
    error: { line: 1, reason: /cannot tell the format from the content/ },
  },
  {
    file: 'whitespace-only.json',
    what: 'blank lines only',
    error: { line: 1, reason: /cannot tell the format/ },
  },
  {
    file: 'bomb.csv.gz',
    what: 'gzip bomb: a share-table header then 1 GiB of zeros (about 1 MB compressed)',
    format: 'share-table',
    generate: (path) => writeStreamed(path, [SHARE_HEADER, ...repeat(Buffer.alloc(MB), 1024)], true),
    error: { line: undefined, reason: /gzip data expands more than 200× .*decompression bomb/ },
  },
  {
    file: 'truncated.csv.gz',
    what: 'a gzip cut short',
    generate: (path) => {
      const whole = gzipSync(Buffer.from(SHARE_HEADER + 'm_o1,m_a1,m_c1,1600000000\n'.repeat(20_000)));
      writeFileSync(path, whole.subarray(0, whole.length - 40));
    },
    format: 'share-table',
    error: { line: undefined, reason: /corrupt or truncated gzip/ },
  },
  {
    file: 'bom-crlf.csv.gz',
    what: 'a gzipped share table with BOM and CRLF',
    generate: (path) => writeFileSync(path, gzipSync(readFileSync(join(MALFORMED, 'share-bom-crlf.csv')))),
    ok: { rowsRead: 2, rowsImported: 2, errors: [], added: added(2, 2) },
  },
];

/** Peak RSS growth over `fn`, sampled every 5 ms (the import yields to the event loop between chunks). */
async function peakRssGrowth<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; growth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await fn();
    return { value, growth: Math.max(peak, process.memoryUsage().rss) - start };
  } catch (error) {
    return { error, growth: Math.max(peak, process.memoryUsage().rss) - start };
  } finally {
    clearInterval(timer);
  }
}

let p: TempProject;
beforeEach(async () => {
  p = tempProject();
  // The earlier work the hostile file must not disturb.
  await importFile(p.db, join(REPO, 'test/fixtures/tables/coortweet-shares.csv'));
  await importFile(p.db, join(REPO, 'test/fixtures/tables/follows.csv'));
  await importFile(p.db, join(REPO, 'test/fixtures/twitter/io_tweets.csv'));
});
afterEach(() => p.cleanup());

describe('malformed-input corpus', () => {
  it('has at least 30 committed files, each listed in its README', () => {
    const readme = readFileSync(join(MALFORMED, 'README.md'), 'utf8');
    const committed = CASES.filter((c) => !c.generate).map((c) => c.file);
    expect(new Set(committed).size).toBeGreaterThanOrEqual(30);
    for (const f of committed) expect(readme, f).toContain(`\`${f}\``);
  });

  it.each(CASES.map((c) => [`${c.file}${c.format ? ` as ${c.format}` : ''}: ${c.what}`, c] as const))(
    '%s',
    async (_name, c) => {
      const file = c.generate ? join(p.dir, c.file) : join(MALFORMED, c.file);
      if (c.generate) await c.generate(file);
      const before = tableCounts(p.db);
      const mark = watermark(p.db);
      const sums = earlierChecksums(p.db, mark);

      const run = await peakRssGrowth(() => importFile(p.db, file, { format: c.format }));

      expect(run.growth, `RSS grew ${Math.round(run.growth / MB)} MB`).toBeLessThan(RSS_BUDGET);
      expect(p.db.inTransaction).toBe(false);
      expect(earlierChecksums(p.db, mark)).toEqual(sums);
      if (c.error) {
        expect(run.error).toBeInstanceOf(ImportError);
        const err = run.error as ImportError;
        expect(err.file).toBe(file);
        expect(err.line).toBe(c.error.line);
        expect(err.message.startsWith(c.error.line === undefined ? `${file}: ` : `${file}:${c.error.line}: `)).toBe(
          true,
        );
        expect(err.reason).toMatch(c.error.reason);
        expect(tableCounts(p.db)).toEqual(before);
      } else {
        if (run.error) throw run.error;
        const r = run.value as ImportResult;
        const ok = c.ok as Expected;
        expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([
          ok.rowsRead,
          ok.rowsImported,
          ok.errors?.length ?? 0,
        ]);
        expect(r.errors.map((e) => e.line)).toEqual((ok.errors ?? []).map(([line]) => line));
        r.errors.forEach((e, i) => expect(e.message).toMatch(ok.errors![i][1]));
        expect(r.added).toEqual(ok.added);
        const after = tableCounts(p.db);
        expect(after.imports).toBe(before.imports + 1);
        expect(after.accounts - before.accounts).toBe(ok.added.accounts);
        expect(after.posts - before.posts).toBe(ok.added.posts);
        // The stored row errors are the reported ones.
        expect(count(p.db, 'SELECT count(*) FROM import_errors WHERE import_id = ?', r.importId)).toBe(r.errors.length);
        c.check?.(p.db, r);
      }
      expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    60_000,
  );
});
