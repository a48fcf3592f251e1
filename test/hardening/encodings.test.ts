/**
 * No text is decoded wrongly without a word (issue 16, item 3). A Latin-1 comments export used to import with
 * every accented letter replaced by U+FFFD, exit 0. Now each file's encoding is detected (byte-order mark,
 * UTF-8, UTF-16 without a mark, chardet, Windows-1252 as the fallback), the text is decoded with it, the
 * summary says which; and bytes the encoding cannot decode are counted and reported with their line — the row
 * refused where a row holds the line, never stored with U+FFFD unsaid. Gzip, the worker thread and the CLI
 * give the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { TextDecodeStream } from '../../src/main/import/decode-stream';
import { ImportError } from '../../src/main/import/errors';
import { importFile, type ImportOptions } from '../../src/main/import/run-import';
import { detectEncoding } from '../../src/main/import/text-encoding';
import type { Db } from '../../src/main/store/project';
import { tempDir } from '../helpers/temp-dir';
import { memoryIo, REPO, tempProject } from '../import/helpers';

const MALFORMED = join(REPO, 'test/fixtures/malformed');
const fixture = (name: string) => join(MALFORMED, name);

const LATIN_TEXTS = ['Très bien, ça marche, à bientôt', 'Grüße aus Köln; ¿qué tal? año', 'Où est la fenêtre? Déjà vu'];
const LATIN_NAMES = ['Renée Müller', 'José Peña', 'François Øster', 'Équipe Française'];
const WIDE_TEXT = 'Привет 🙂 你好';

const texts = (db: Db) => db.prepare('SELECT text FROM posts WHERE text IS NOT NULL ORDER BY ext_id').pluck().all();
const names = (db: Db) => db.prepare('SELECT display_name FROM accounts WHERE display_name IS NOT NULL').pluck().all();
/** Any U+FFFD anywhere in the stored text: none may be there unsaid. */
const replacementChars = (db: Db) =>
  db
    .prepare(
      `SELECT count(*) FROM posts WHERE instr(ifnull(text, ''), char(65533)) > 0
       UNION ALL SELECT count(*) FROM accounts WHERE instr(ifnull(display_name, '') || ifnull(ext_id, ''), char(65533)) > 0`,
    )
    .pluck()
    .all()
    .reduce((a: number, b) => a + (b as number), 0);

async function importInto(file: string, options: ImportOptions = {}) {
  const p = tempProject();
  try {
    const r = await importFile(p.db, file, options);
    return { r, texts: texts(p.db), names: names(p.db), fffd: replacementChars(p.db) };
  } finally {
    p.cleanup();
  }
}

const gzipped = (file: string) => {
  const out = join(tempDir('claque-enc-'), file.split('/').pop() + '.gz');
  writeFileSync(out, gzipSync(readFileSync(file)));
  return out;
};

describe('text encodings of imported files', () => {
  it.each([
    ['comments-latin1.csv', 'windows-1252', false],
    ['comments-utf16le-bom.csv', 'UTF-16LE', true],
    ['comments-utf16be-nobom.csv', 'UTF-16BE', true],
  ])('%s is read as %s: every letter right, no U+FFFD, and the summary says so', async (name, encoding, wide) => {
    for (const variant of [{}, { worker: true }, { gz: true }] as const) {
      const file = 'gz' in variant ? gzipped(fixture(name)) : fixture(name);
      const { r, texts, names, fffd } = await importInto(file, { worker: 'worker' in variant });
      expect(r.format).toBe('comments');
      expect(r.encoding).toMatchObject({ name: encoding, invalidLines: 0, rowsSkipped: 0 });
      expect(r.encoding.note).toContain(encoding === 'windows-1252' ? 'windows-1252 (Latin-1)' : encoding);
      expect(r.errorCount).toBe(0);
      expect(texts).toEqual(wide ? [...LATIN_TEXTS, WIDE_TEXT] : LATIN_TEXTS);
      expect(names).toEqual(expect.arrayContaining(wide ? [...LATIN_NAMES, 'Иван Петров'] : LATIN_NAMES));
      expect(fffd).toBe(0);
    }
  });

  it('a UTF-8 file with one row in Latin-1 bytes: that row is refused with its line, the others are read right', async () => {
    for (const worker of [false, true]) {
      const { r, texts, fffd } = await importInto(fixture('comments-utf8-stray-latin1.csv'), { worker });
      expect(r.encoding).toMatchObject({ name: 'UTF-8', how: 'mostly-utf8', invalidLines: 1, rowsSkipped: 1 });
      expect(r.encoding.firstInvalidLines).toEqual([6]);
      expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([6, 5, 1]);
      expect(r.errors[0].line).toBe(6);
      expect(r.errors[0].message).toMatch(
        /bytes that are not valid UTF-8.*row skipped rather than stored with U\+FFFD/,
      );
      expect(texts).toEqual([...LATIN_TEXTS, WIDE_TEXT, 'obrigação, coração']);
      expect(fffd).toBe(0);
    }
  });

  it('--strict refuses the file at the undecodable line', async () => {
    const p = tempProject();
    try {
      const err = await importFile(p.db, fixture('comments-utf8-stray-latin1.csv'), { strict: true }).catch((e) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).line).toBe(6);
      expect((err as ImportError).reason).toMatch(/not valid UTF-8.*--strict: nothing imported/);
      expect(p.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  it('bytes that are not UTF-8 far past the detection sample are still caught, on their true line', async () => {
    const dir = tempDir('claque-enc-');
    const file = join(dir, 'late-latin1.csv');
    const header = 'commenter_id,commenter_name,target_id,target_name,post_id,comment_id,time,text,platform\n';
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `u${i},User ${i},p1,Page,p1_1,c${i},2021-09-01T08:15:00Z,"plain ascii text number ${i}",facebook\n`,
    );
    const late = Buffer.from('u9,Zoé,p1,Page,p1_1,c_late,2021-09-01T08:15:00Z,"café",facebook\r\n', 'latin1');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(header + rows.join('')), late, Buffer.from(rows[1].replace('c1,', 'c_after,'))]),
    );
    expect(readFileSync(file).length).toBeGreaterThan(64 * 1024);
    const { r, fffd } = await importInto(file);
    expect(r.encoding).toMatchObject({ name: 'UTF-8', how: 'valid-utf8', invalidLines: 1, rowsSkipped: 1 });
    expect(r.errors).toEqual([
      { line: 2002, message: expect.stringMatching(/not valid UTF-8, the encoding of the file's start/) },
    ]);
    expect(r.rowsImported).toBe(2001);
    expect(fffd).toBe(0);
  });

  it('JSONL: the object on the bad line is refused; a JSON array keeps the element but reports the line', async () => {
    const dir = tempDir('claque-enc-');
    const tweet = (id: string, text: string) =>
      `{"id":"${id}","author_id":"9${id}","created_at":"2021-09-01T08:00:00.000Z","text":"${text}"}`;
    // Enough UTF-8 around the one Latin-1 line for the file to be plainly UTF-8 with a broken line.
    const lines = [tweet('1', 'déjà vu, très'), tweet('2', 'naïve'), tweet('3', 'ça, où, été, Köln, Grüße')];
    const jsonl = join(dir, 'tweets.jsonl');
    const bytes = lines.map((l, i) => Buffer.from(l + '\n', i === 1 ? 'latin1' : 'utf8'));
    writeFileSync(jsonl, Buffer.concat(bytes));
    const a = await importInto(jsonl);
    expect(a.r.encoding).toMatchObject({ name: 'UTF-8', invalidLines: 1, rowsSkipped: 1, linesReplaced: 0 });
    expect(a.r.errors.map((e) => e.line)).toEqual([2]);
    expect(a.fffd).toBe(0);

    const array = join(dir, 'tweets.json');
    const elements = lines.map((l) => JSON.parse(l));
    const pretty = JSON.stringify(elements, null, 2).split('\n');
    const bad = pretty.findIndex((l) => l.includes('naïve'));
    writeFileSync(array, Buffer.concat(pretty.map((l, i) => Buffer.from(l + '\n', i === bad ? 'latin1' : 'utf8'))));
    const b = await importInto(array);
    expect(b.r.encoding).toMatchObject({ invalidLines: 1, rowsSkipped: 0, linesReplaced: 1 });
    expect(b.r.encoding.firstInvalidLines).toEqual([bad + 1]);
    expect(b.fffd).toBe(1); // kept, and said: no single row can be blamed for a line inside a JSON array
    const p = tempProject();
    try {
      const err = await importFile(p.db, array, { strict: true }).catch((e) => e);
      expect((err as ImportError).line).toBe(bad + 1);
    } finally {
      p.cleanup();
    }
  });

  it('--encoding overrides detection, and an unknown one is refused in words', async () => {
    const { r, texts } = await importInto(fixture('comments-latin1.csv'), { encoding: 'ISO-8859-1' });
    expect(r.encoding).toMatchObject({ name: 'ISO-8859-1', how: 'given' });
    expect(texts).toEqual(LATIN_TEXTS);
    const p = tempProject();
    try {
      const err = await importFile(p.db, fixture('comments-latin1.csv'), { encoding: 'klingon-8' }).catch((e) => e);
      expect((err as Error).message).toMatch(/unknown encoding "klingon-8": expected a name such as UTF-8/);
    } finally {
      p.cleanup();
    }
  });

  it('the CLI says which encoding it read, and warns with line numbers about bytes it could not decode', async () => {
    const p = tempProject();
    p.db.close();
    try {
      const io = memoryIo();
      const files = [fixture('comments-latin1.csv'), fixture('comments-utf8-stray-latin1.csv')];
      expect(await runCli(['import', p.file, ...files], io)).toBe(0);
      const out = io.stdout.join('');
      const err = io.stderr.join('');
      expect(out).toMatch(/comments-latin1\.csv: comments, 3 rows read, 3 imported, .*; text windows-1252\n/);
      expect(err).toContain(`${files[0]}: text read as windows-1252 (Latin-1)`);
      expect(err).toContain(`${files[1]}:6: bytes that are not valid UTF-8`);
      expect(err).toContain(
        `${files[1]}: warning: 1 line holds bytes that are not valid UTF-8 (line 6): 1 row holding them was skipped`,
      );
    } finally {
      p.cleanup();
    }
  });
});

describe('detectEncoding', () => {
  const sample = (text: string, encoding: string) => iconv.encode(text, encoding);
  const rows = (s: string) => 'id,text\n' + Array.from({ length: 20 }, (_, i) => `${i},"${s}"`).join('\n') + '\n';

  it.each([
    ['UTF-8 with a mark', 'UTF-8', 'bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n')])],
    ['plain ASCII', 'UTF-8', 'valid-utf8', Buffer.from('a,b\n1,2\n')],
    ['UTF-8 with NUL bytes inside cells', 'UTF-8', 'valid-utf8', readFileSync(fixture('share-nul-bytes.csv'))],
    ['UTF-16LE without a mark', 'UTF-16LE', 'utf16-pattern', sample(rows('Привет, мир'), 'utf-16le')],
    [
      'Russian in windows-1251',
      'windows-1251',
      'detected',
      sample(rows('Привет, как дела? Это комментарий'), 'win1251'),
    ],
    [
      'Japanese in Shift_JIS',
      'Shift_JIS',
      'detected',
      sample(rows('こんにちは、元気ですか。ありがとうございます'), 'shift_jis'),
    ],
    ['a short Latin-1 line (chardet unsure)', 'windows-1252', 'detected', sample('id,text\n1,café\n', 'latin1')],
    [
      'XML whose declaration names ISO-8859-1, ASCII so far',
      'ISO-8859-1',
      'declared',
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<gexf version="1.3"><graph>'),
    ],
    ['XML declared UTF-8', 'UTF-8', 'valid-utf8', Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<gexf/>')],
  ])('%s → %s (%s)', (_what, name, how, bytes) => {
    expect(detectEncoding(bytes, true)).toMatchObject({ name, how });
  });

  it('a sample cut inside a character is not taken for broken UTF-8', () => {
    const bytes = Buffer.from('id,text\n1,"é€🙂"\n');
    for (let cut = 10; cut < bytes.length; cut++) {
      expect(detectEncoding(bytes.subarray(0, cut), false).name).toBe('UTF-8');
    }
  });
});

describe('TextDecodeStream', () => {
  async function decode(bytes: Buffer, name: string, chunk: number) {
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
    const stream = new TextDecodeStream({ name, bom: false, how: 'given', note: name });
    const out: Buffer[] = [];
    for await (const c of Readable.from(pieces).pipe(stream)) out.push(c as Buffer);
    return { text: Buffer.concat(out).toString('utf8'), report: stream.report() };
  }
  const text = 'id,text\r\n1,"é € 🙂 Привет"\r\n2,"second\nline"\r3,lone CR\n';

  it.each(['UTF-8', 'UTF-16LE', 'UTF-16BE', 'windows-1251'])(
    '%s decodes the same whatever the chunk size (characters split across chunks are whole)',
    async (name) => {
      const source = name === 'windows-1251' ? 'id,text\r\n1,"Привет"\r\n2,"second\nline"\r3,lone CR\n' : text;
      const bytes = iconv.encode(source, name);
      for (const chunk of [1, 2, 3, 7, 1 << 16]) {
        expect(await decode(bytes, name, chunk)).toEqual({ text: source, report: { count: 0, first: [] } });
      }
    },
  );

  it('notes each line with undecodable bytes once, counting lines as csv-parse does (CRLF, LF, lone CR)', async () => {
    const utf8 = Buffer.concat([
      Buffer.from('a\r\nb\xff\xfe\n', 'latin1'), // lines 1, 2 (bad: FF FE)
      Buffer.from('c\rd\n'), // lines 3, 4
      Buffer.from([0x65, 0xc3, 0x0a]), // line 5 (bad: a lead byte cut by the line end)
      Buffer.from([0x66, 0xe2, 0x82]), // line 6 (bad: the file ends inside a character)
    ]);
    for (const chunk of [1, 4, 1 << 16])
      expect((await decode(utf8, 'UTF-8', chunk)).report).toEqual({ count: 3, first: [2, 5, 6] });

    const lone = Buffer.concat([
      iconv.encode('ok\nx', 'utf-16le'),
      Buffer.from([0x00, 0xd8]),
      iconv.encode('\ny\n', 'utf-16le'),
      Buffer.from([0x41]),
    ]);
    for (const chunk of [1, 3, 1 << 16]) {
      const { text: t, report } = await decode(lone, 'UTF-16LE', chunk);
      expect(report).toEqual({ count: 2, first: [2, 4] }); // a lone surrogate on line 2; half a character at the end
      expect(t).toBe('ok\nx\uFFFD\ny\n');
    }
    expect((await decode(Buffer.from([0x41, 0x81, 0x0a, 0x42]), 'windows-1252', 1)).report).toEqual({
      count: 1,
      first: [1],
    });
  });
});
