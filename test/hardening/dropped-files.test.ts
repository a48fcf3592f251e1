/**
 * Issue 16, item 7: what people actually drop on the importer gets a clear outcome — read right, or refused
 * in plain words naming what to do. Each fixture is in test/fixtures/malformed (see its README); before the
 * fix a zip was "cannot tell the format", a gzip with trailing bytes was "corrupt or truncated gzip data", a
 * JSONL whose second line is v1.1 blamed line 1, a duplicated column was read without a word, and a space
 * after a closing quote was csv-parse's "Invalid Closing Quote: got " " … (if activated) or comment".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { ImportError } from '../../src/main/import/errors';
import { importFile, type ImportResult } from '../../src/main/import/run-import';
import { openProject } from '../../src/main/store/project';
import { REPO, memoryIo } from '../import/helpers';
import { tempDir } from '../helpers/temp-dir';

const MALFORMED = join(REPO, 'test/fixtures/malformed');
const fixture = (name: string) => join(MALFORMED, name);
const dir = tempDir('claque-dropped-');
const db = openProject(join(dir, 'p.claque'));
afterAll(() => db.close());

async function refusal(file: string): Promise<ImportError> {
  const err = await importFile(db, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

const shares = (r: ImportResult) =>
  db.prepare('SELECT ext_id FROM posts WHERE import_id = ? ORDER BY ext_id').pluck().all(r.importId);

describe('zip archives', () => {
  it('reads the one data file inside, and says which (macOS litter and a README are no data)', async () => {
    const r = await importFile(db, fixture('share-in-zip.zip'));
    expect([r.format, r.rowsImported, r.errorCount]).toEqual(['share-table', 3, 0]);
    expect(shares(r)).toEqual(['c1', 'c2', 'c3']);
    expect(r.warnings).toEqual([
      { message: 'read export/shares.csv from the zip archive (its other files were not read: README.md)' },
    ]);
  });

  it('refuses a zip of several data files, naming them: unzip it first', async () => {
    const err = await refusal(fixture('shares-two-in-zip.zip'));
    expect(err.reason).toBe(
      'a zip archive of 2 data files (shares-2023.csv, shares-2024.csv): unzip it first, then import the files you want (a zip is read only when it holds one)',
    );
  });

  it('refuses an empty zip and a broken one in words', async () => {
    const empty = join(dir, 'empty.zip');
    writeFileSync(empty, Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]));
    expect((await refusal(empty)).reason).toBe('a zip archive with no file in it');
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40, 7)]));
    expect((await refusal(broken)).reason).toMatch(
      /^a zip archive Claque cannot read \(.+\): unzip it with another tool first$/,
    );
  });
});

describe('gzip with trailing bytes', () => {
  it('keeps every row before them and warns, as gunzip does', async () => {
    const r = await importFile(db, fixture('share-trailing-garbage.csv.gz'));
    expect([r.rowsImported, r.errorCount]).toEqual([3, 0]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '36 bytes after the end of the gzip data were left out, as gunzip does ("trailing garbage ignored"); everything before them was read and checked against its checksum',
    ]);
    const io = memoryIo();
    expect(await runCli(['import', join(dir, 'cli.claque'), fixture('share-trailing-garbage.csv.gz')], io)).toBe(0);
    expect(io.stderr.join('')).toMatch(
      /share-trailing-garbage\.csv\.gz: warning: 36 bytes after the end of the gzip data/,
    );
  });
});

describe('line ends and headers', () => {
  it('reads CR-only line ends, with each row error on its own line', async () => {
    const r = await importFile(db, fixture('share-cr-only.csv'));
    expect([r.format, r.rowsRead, r.rowsImported]).toEqual(['share-table', 3, 2]);
    expect(r.errors).toEqual([{ line: 3, message: 'expected 4 columns as in the header, found 2' }]);
  });

  it('warns which copy of a duplicated column is read, on this thread and on a worker', async () => {
    for (const worker of [false, true]) {
      const r = await importFile(db, fixture('share-duplicate-column.csv'), { worker });
      expect(r.warnings).toEqual([
        {
          line: 1,
          message:
            'column "account_id" appears 2 times (columns 2 (B), 5 (E)): column 2 (B) is read, column 5 (E) is ignored',
        },
      ]);
      expect(db.prepare("SELECT count(*) FROM accounts WHERE ext_id = 'other'").pluck().get()).toBe(0);
    }
  });

  it('says in plain words that a space follows a closing quote', async () => {
    const err = await refusal(fixture('share-space-after-quote.csv'));
    expect(err.line).toBe(1);
    expect(err.reason).toBe(
      'cell 1 is quoted, but a space follows its closing quote before the next comma: a quoted cell must end at its closing quote. Remove what follows the quote (the space), or, if it belongs to the cell, put it inside the quotes',
    );
    expect(err.reason).not.toMatch(/Invalid|trimable|if activated/);
  });
});

describe('a JSONL whose line 2 is of the other X API', () => {
  it('is read as its first line says, and line 2 is the one blamed', async () => {
    const r = await importFile(db, fixture('twitter-v2-then-v1.jsonl'));
    expect([r.format, r.rowsRead, r.rowsImported]).toEqual(['twitter-v2', 3, 2]);
    expect(r.errors).toEqual([
      {
        line: 2,
        message:
          'an X/Twitter API v1.1 tweet (it has id_str and a user object), in a file read as v2 (as its first record is): one file holds one format. Import the v1.1 lines as a file of their own',
      },
    ]);
  });
});
