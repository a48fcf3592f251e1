/**
 * Issue 16, item 9: a follow list that names no platform meets the accounts of the files it goes with.
 * `claque run tweets.csv follows.csv` (an IO archive and its follow list) filed the follows under `generic`,
 * where they never met the archive's `twitter` accounts: a 10-step follow chain came out as a star (depth 1,
 * structural virality 1.82) instead of a chain (depth 10, 4.0 — the mean distance on a path of 11 nodes,
 * (n + 1) / 3). With no --platform, in either order of the files, the chain must come out whole, and the
 * summary must say how many of the list's accounts were already in the project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { importFile } from '../../src/main/import/run-import';
import { openProject } from '../../src/main/store/project';
import { REPO, memoryIo } from '../import/helpers';
import { tempDir } from '../helpers/temp-dir';

const MALFORMED = join(REPO, 'test/fixtures/malformed');
const TWEETS = join(MALFORMED, 'io-chain-tweets.csv');
const FOLLOWS = join(MALFORMED, 'io-chain-follows.csv');
const dir = tempDir('claque-follow-platform-');

async function run(name: string, files: string[]) {
  const io = memoryIo();
  const out = join(dir, name);
  const code = await runCli(['run', ...files, '--out', out], io);
  expect(code, io.stderr.join('')).toBe(0);
  const cascades = parseCsv(readFileSync(join(out, 'cascades.csv')), { columns: true }) as Record<string, string>[];
  return { io, cascade: cascades.find((c) => c.root_post_id === '1234000000000000000') };
}

describe('a follow list without a platform takes the one of the accounts it names', () => {
  it('claque run tweets.csv follows.csv: the 10-step follow chain is a chain (depth 10, virality 4.0)', async () => {
    const { io, cascade } = await run('tweets-first', [TWEETS, FOLLOWS]);
    expect(cascade).toMatchObject({ size: '11', depth: '10', used_follows: 'true' });
    expect(Number(cascade!.structural_virality)).toBeCloseTo(4.0, 2);
    expect(io.stderr.join('')).toMatch(
      /io-chain-follows\.csv: no platform named: filed under twitter, the platform of the project's accounts its ids match; 11 of the 12 accounts it names were in the project already/,
    );
  });

  it('the same with the follow list given first: the run imports it after the files that hold its accounts', async () => {
    const { cascade } = await run('follows-first', [FOLLOWS, TWEETS]);
    expect(cascade).toMatchObject({ depth: '10' });
    expect(Number(cascade!.structural_virality)).toBeCloseTo(4.0, 2);
  });

  it('a follow list that matches no account is filed under generic, and the import says so', async () => {
    const db = openProject(join(dir, 'alone.claque'));
    try {
      const r = await importFile(db, FOLLOWS);
      expect(r.platform).toEqual({
        name: 'generic',
        how: 'default',
        accounts: 12,
        existingAccounts: 0,
        projectAccounts: 0,
      });
      // Among other accounts it does not meet, it is said; alone in its project there was nothing to meet.
      const io = memoryIo();
      const other = join(MALFORMED, 'follows-io-archive-names.csv');
      expect(await runCli(['import', join(dir, 'among.claque'), TWEETS, other], io)).toBe(0);
      expect(io.stderr.join('')).toMatch(
        /follows-io-archive-names\.csv: warning: no platform named, and none of its ids are among the project's 11 accounts: filed under generic/,
      );
      const alone = memoryIo();
      expect(await runCli(['import', join(dir, 'alone2.claque'), FOLLOWS], alone)).toBe(0);
      expect(alone.stderr.join('')).not.toMatch(/warning/);
    } finally {
      db.close();
    }
  });

  it('--platform still decides, and the summary counts the accounts it met', async () => {
    const db = openProject(join(dir, 'given.claque'));
    try {
      await importFile(db, TWEETS);
      const r = await importFile(db, FOLLOWS, { platform: 'twitter' });
      expect(r.platform).toEqual({
        name: 'twitter',
        how: 'given',
        accounts: 12,
        existingAccounts: 11,
        projectAccounts: 11,
      });
      expect(db.prepare("SELECT count(*) FROM accounts WHERE platform = 'generic'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
