/**
 * A file that changes while it is imported is refused, not committed (issue 16, item 4): a file truncated
 * during its import used to commit the rows read so far with exit 0. The test changes the file from the
 * import's own progress callback (after the first 10,000 rows), so the change always lands mid-import, with
 * no timing involved; whatever the reader had buffered by then, the import must roll back and say so.
 */
import {
  appendFileSync,
  closeSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { ImportError } from '../../src/main/import/errors';
import { importFile, type ImportOptions } from '../../src/main/import/run-import';
import { tempDir } from '../helpers/temp-dir';
import { memoryIo, tableCounts, tempProject } from '../import/helpers';

const ROWS = 30_000;

/** A share table of ROWS rows (about 1.3 MB): several progress calls, several read chunks. */
function shareTable(dir: string, name = 'shares.csv'): string {
  const file = join(dir, name);
  const lines = ['object_id,account_id,content_id,timestamp_share'];
  for (let i = 0; i < ROWS; i++) lines.push(`https://example.org/${i % 97},acc${i % 500},post${i},${1600000000 + i}`);
  writeFileSync(file, lines.join('\n') + '\n');
  // A whole-second time, which utimes can put back exactly: the in-place rewrite below then leaves size and
  // time as they were, and only the hash can tell.
  utimesSync(file, 1_600_000_000, 1_600_000_000);
  return file;
}

/** Runs `change` on the file once, at the import's first progress call (10,000 rows in). */
async function importChanging(file: string, change: (file: string) => void, options: ImportOptions = {}) {
  const p = tempProject();
  const before = tableCounts(p.db);
  let changed = false;
  try {
    const error = await importFile(p.db, file, {
      ...options,
      onProgress: (pr) => {
        if (changed || pr.rows === 0) return;
        changed = true;
        change(file);
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { error, changed, unchanged: JSON.stringify(tableCounts(p.db)) === JSON.stringify(before) };
  } finally {
    p.cleanup();
  }
}

const CHANGES: [string, (file: string) => void, RegExp][] = [
  [
    'truncated to half',
    (f) => truncateSync(f, Math.floor(statSync(f).size / 2)),
    /its size went from .* to .* bytes|cut short/,
  ],
  [
    'appended to',
    (f) => appendFileSync(f, 'https://example.org/x,accX,postX,1600000000\n'.repeat(50)),
    /its size went|it grew/,
  ],
  [
    'rewritten in place with the same size and its old modification time put back',
    (f) => {
      const fd = openSync(f, 'r+');
      writeSync(fd, 'https://example.org/Z', 'object_id,account_id,content_id,timestamp_share\n'.length);
      closeSync(fd);
      utimesSync(f, 1_600_000_000, 1_600_000_000);
      expect(statSync(f).mtimeMs).toBe(1_600_000_000_000);
    },
    /its content is not what was read/,
  ],
];

describe('a file that changes during its import', () => {
  it.each(CHANGES)('%s: rolled back, and the error says the file changed', async (_what, change, why) => {
    for (const worker of [false, true]) {
      const file = shareTable(tempDir('claque-changed-'));
      const run = await importChanging(file, change, { worker });
      expect(run.changed).toBe(true);
      expect(run.error).toBeInstanceOf(ImportError);
      const err = run.error as ImportError;
      expect(err.file).toBe(file);
      expect(err.message).toMatch(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: changed while it was being imported \\(`),
      );
      expect(err.message).toMatch(/\): nothing was imported$/);
      expect(err.reason).toMatch(why);
      expect(run.unchanged).toBe(true); // not one row, not an imports entry
    }
  });

  it('a gzip file cut short mid-import is refused as changed, not as corrupt', async () => {
    const dir = tempDir('claque-changed-');
    const plain = shareTable(dir);
    const gz = join(dir, 'shares.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const run = await importChanging(gz, (f) => truncateSync(f, Math.floor(statSync(f).size / 2)), { worker: false });
    expect((run.error as Error).message).toMatch(/changed while it was being imported \(.*\): nothing was imported/);
    expect(run.unchanged).toBe(true);
  });

  it('the same file left alone imports whole (the check costs no false alarm)', async () => {
    const file = shareTable(tempDir('claque-changed-'));
    const p = tempProject();
    try {
      const r = await importFile(p.db, file, { onProgress: () => {} });
      expect(r.rowsImported).toBe(ROWS);
    } finally {
      p.cleanup();
    }
  });

  it('the CLI prints the sentence, exit 1, no stack', async () => {
    const file = shareTable(tempDir('claque-changed-'));
    const p = tempProject();
    p.db.close();
    try {
      const io = memoryIo();
      // The CLI's progress printer is the hook here: the file is cut as soon as the first progress line is printed.
      let cut = false;
      const err = (t: string) => {
        io.stderr.push(t);
        if (!cut && / rows, /.test(t)) {
          cut = true;
          truncateSync(file, 1000);
        }
      };
      const code = await runCli(['import', p.file, file], { ...io, err });
      expect(cut).toBe(true);
      expect(code).toBe(1);
      const text = io.stderr.join('');
      expect(text).toContain(`claque: ${file}: changed while it was being imported (`);
      expect(text).not.toMatch(/\n\s+at /);
      expect(io.stdout.join('')).toBe('');
    } finally {
      p.cleanup();
    }
  });
});
