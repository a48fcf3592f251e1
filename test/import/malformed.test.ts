import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { fixture, tableCounts, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

describe('malformed table input', () => {
  it('refuses a file with the wrong columns at once, naming expected and found', async () => {
    const before = tableCounts(p.db);
    await expect(importFile(p.db, fixture('wrong-columns.csv'), { format: 'share-table' })).rejects.toThrow(
      'wrong-columns.csv:1: wrong columns for a share table: expected object_id, account_id, content_id, timestamp_share; found user, tweet, when',
    );
    await expect(importFile(p.db, fixture('wrong-columns.csv'), { format: 'multi-object' })).rejects.toThrow(
      /:1: wrong columns for a multi-object table: expected account_id, post_id, url_id, hashtag_id, domain_id, phash_id, timestamp; found user, tweet, when/,
    );
    await expect(importFile(p.db, fixture('wrong-columns.csv'), { format: 'follows' })).rejects.toThrow(
      /:1: wrong columns for a follow list: expected a follower column \(follower \| follower_id .*; found user, tweet, when/,
    );
    await expect(importFile(p.db, fixture('wrong-columns.csv'), { format: 'edges' })).rejects.toThrow(
      /:1: wrong columns for an edge list: expected source .*; found user, tweet, when/,
    );
    // Not detected as any table format either.
    await expect(importFile(p.db, fixture('wrong-columns.csv'))).rejects.toThrow(/cannot tell the format/);
    expect(tableCounts(p.db)).toEqual(before);
  });

  it('stops at an unbalanced quote, naming the line, and keeps nothing of the file', async () => {
    const before = tableCounts(p.db);
    await expect(importFile(p.db, fixture('unbalanced-quotes.csv'))).rejects.toThrow(
      /unbalanced-quotes\.csv:\d+: malformed CSV: .*quote/i,
    );
    expect(tableCounts(p.db)).toEqual(before);
  });

  it('refuses an empty file', async () => {
    await expect(importFile(p.db, fixture('empty.csv'), { format: 'share-table' })).rejects.toThrow(
      'empty.csv:1: the file is empty: expected a header line',
    );
    await expect(importFile(p.db, fixture('empty.csv'))).rejects.toThrow(/empty\.csv:1: cannot tell the format/);
  });

  it('reads .gz transparently, detection included', async () => {
    const gz = join(p.dir, 'shares.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('coortweet-shares.csv'))));
    const r = await importFile(p.db, gz);
    expect([r.format, r.rowsRead, r.rowsImported, r.added.posts]).toEqual(['share-table', 10, 10, 9]);
  });

  it('reports a truncated .gz as corrupt and keeps nothing', async () => {
    const gz = join(p.dir, 'edges.csv.gz');
    const whole = gzipSync(Buffer.from('source,target\n' + 'a,b\n'.repeat(50_000) + 'c,d\n'));
    writeFileSync(gz, whole.subarray(0, whole.length - 30));
    const before = tableCounts(p.db);
    await expect(importFile(p.db, gz, { format: 'edges' })).rejects.toThrow(
      /edges\.csv\.gz: corrupt or truncated gzip/,
    );
    expect(tableCounts(p.db)).toEqual(before);
  });

  it('--strict aborts at the first bad row with the project unchanged', async () => {
    await importFile(p.db, fixture('follows.csv'));
    const before = tableCounts(p.db);
    for (const [name, line] of [
      ['share-bad-rows.csv', 3],
      ['edges.csv', 5],
      ['comments-facebook.csv', 7],
    ] as const) {
      await expect(importFile(p.db, fixture(name), { strict: true })).rejects.toThrow(
        new RegExp(`${name.replace('.', '\\.')}:${line}: .*\\(--strict: nothing imported\\)`),
      );
      expect(tableCounts(p.db), name).toEqual(before);
    }
    // Without --strict the same file lands, errors counted.
    const r = await importFile(p.db, fixture('edges.csv'));
    expect(r.errorCount).toBe(2);
    expect(tableCounts(p.db).interactions).toBe(4);
  });
});

describe('re-import idempotence', () => {
  it('importing the same files twice adds nothing the second time', async () => {
    const files = [
      'coortweet-shares.csv',
      'german-subset.csv',
      'comments-facebook.csv',
      '4cat-telegram.csv',
      'follows.csv',
      'edges.csv',
    ];
    for (const f of files) await importFile(p.db, fixture(f));
    const once = tableCounts(p.db);
    for (const f of files) {
      const r = await importFile(p.db, fixture(f));
      expect(r.added, f).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0 });
    }
    const twice = tableCounts(p.db);
    expect({ ...twice, imports: 0, import_errors: 0 }).toEqual({ ...once, imports: 0, import_errors: 0 });
    expect(twice.imports).toBe(once.imports + files.length);
  });

  it('two overlapping share tables, rows split across them, store each share and object once', async () => {
    const lines = readFileSync(fixture('coortweet-shares.csv'), 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines;
    // a: rows 1–7 and 10; b: rows 4–10. Rows 4–7 and 10 overlap, and the two rows of the two-object share are
    // split: row 10 in both files, row 9 only in b.
    const a = join(p.dir, 'a.csv');
    const b = join(p.dir, 'b.csv');
    writeFileSync(a, [header, ...rows.slice(0, 7), rows[9]].join('\n') + '\n');
    writeFileSync(b, [header, ...rows.slice(3)].join('\n') + '\n');
    await importFile(p.db, a);
    await importFile(p.db, b);
    const both = tableCounts(p.db);

    const q = tempProject();
    try {
      copyFileSync(fixture('coortweet-shares.csv'), join(q.dir, 'all.csv'));
      await importFile(q.db, join(q.dir, 'all.csv'));
      const whole = tableCounts(q.db);
      expect({ ...both, imports: 0 }).toEqual({ ...whole, imports: 0 });
      expect(both.posts).toBe(9);
      expect(both.post_objects).toBe(10);
    } finally {
      q.cleanup();
    }
  });
});
