/**
 * The real CooRTweet files (github nicolarighetti/CooRTweet, MIT licence, by Nicola Righetti and Paul Balluff;
 * see ../shared/data/README.md). Expected counts are computed here from the CSV itself, independently of the
 * importer, and checked against the README's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../src/main/import/run-import';
import { count, SHARED_DATA, tempProject, type TempProject } from './helpers';

/** The files hold no quoted cells, so splitting on commas is an independent reading. */
function readRows(file: string): string[][] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  return lines.slice(1).map((l) => l.split(','));
}

describe('russian_coord_tweets.csv (share table)', () => {
  const file = join(SHARED_DATA, 'russian_coord_tweets.csv');
  let p: TempProject;
  let r: ImportResult;
  beforeAll(async () => {
    p = tempProject();
    r = await importFile(p.db, file);
  });
  afterAll(() => p.cleanup());

  it('imports every one of the 35,125 shares', () => {
    const rows = readRows(file);
    expect(rows).toHaveLength(35_125);
    expect([r.format, r.rowsRead, r.rowsImported, r.errorCount]).toEqual(['share-table', 35_125, 35_125, 0]);
    expect(count(p.db, 'SELECT count(*) FROM accounts')).toBe(9_509);
    expect(new Set(rows.map((c) => c[1])).size).toBe(9_509);
    expect(count(p.db, "SELECT count(DISTINCT value) FROM post_objects WHERE kind = 'object'")).toBe(7_285);
    expect(new Set(rows.map((c) => c[0])).size).toBe(7_285);
    // A share acting on two objects is one post given on two rows: posts = distinct content_id.
    expect(count(p.db, "SELECT count(*) FROM posts WHERE kind = 'share'")).toBe(new Set(rows.map((c) => c[2])).size);
    expect(count(p.db, "SELECT count(*) FROM post_objects WHERE kind = 'object'")).toBe(
      new Set(rows.map((c) => `${c[2]} ${c[0]}`)).size,
    );
    // Every share keeps its own second.
    expect(count(p.db, 'SELECT sum(time) FROM (SELECT DISTINCT ext_id, time FROM posts)')).toBe(
      [...new Map(rows.map((c) => [c[2], Number(c[3])])).values()].reduce((s, t) => s + t, 0),
    );
  });
});

describe('german_elections.csv (multi-object table)', () => {
  const file = join(SHARED_DATA, 'german_elections.csv');
  let p: TempProject;
  let r: ImportResult;
  beforeAll(async () => {
    p = tempProject();
    r = await importFile(p.db, file);
  });
  afterAll(() => p.cleanup());

  it('imports all 218,971 rows by 58,317 accounts, on the right platforms', () => {
    const rows = readRows(file);
    expect(rows).toHaveLength(218_971);
    expect([r.format, r.rowsRead, r.rowsImported, r.errorCount]).toEqual(['multi-object', 218_971, 218_971, 0]);
    expect(count(p.db, 'SELECT count(*) FROM accounts')).toBe(58_317);
    const accounts = new Set(rows.map((c) => c[0]));
    expect(
      count(p.db, "SELECT count(*) FROM accounts WHERE platform = 'facebook' AND ext_id LIKE 'fb\\_%' ESCAPE '\\'"),
    ).toBe([...accounts].filter((a) => a.startsWith('fb_')).length);
    expect(
      count(p.db, "SELECT count(*) FROM accounts WHERE platform = 'twitter' AND ext_id LIKE 'tw\\_%' ESCAPE '\\'"),
    ).toBe([...accounts].filter((a) => a.startsWith('tw_')).length);
  });

  it('stores one post per (platform, post_id) and every object of it, whatever row it came on', () => {
    const rows = readRows(file);
    const posts = new Set(rows.filter((c) => c[1] !== '').map((c) => `${c[0].slice(0, 3)}${c[1]}`));
    const idLess = rows.filter((c) => c[1] === '').length;
    // The README counts rows as posts; the rows hold 194,323 distinct post ids plus 3 rows without an id.
    expect([posts.size, idLess]).toEqual([194_323, 3]);
    expect(count(p.db, 'SELECT count(*) FROM posts')).toBe(posts.size + idLess);
    const kinds: [number, string][] = [
      [2, 'url'],
      [3, 'hashtag'],
      [4, 'domain'],
      [5, 'image'],
    ];
    for (const [col, kind] of kinds) {
      const expected = new Set(rows.filter((c) => c[col] !== '').map((c) => `${c[0].slice(0, 3)}${c[1]} ${c[col]}`));
      const distinctValues = new Set(rows.filter((c) => c[col] !== '').map((c) => c[col]));
      expect(count(p.db, 'SELECT count(*) FROM post_objects WHERE kind = ?', kind), kind).toBe(expected.size);
      expect(count(p.db, 'SELECT count(DISTINCT value) FROM post_objects WHERE kind = ?', kind), kind).toBe(
        distinctValues.size,
      );
    }
  });
});
