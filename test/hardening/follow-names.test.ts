/**
 * Issue 16, item 8: follow lists under the names the tools give them are read as follow lists. Before the
 * fix `follower_userid,followed_userid` (IO archives), `source_user_id,target_user_id` and a header in plain
 * words were "cannot tell the format", and twarc2's `followers` / `following` output was read as tweets and
 * refused line by line. Every file names the same two follows, 1001 → 2002 and 1002 → 2002.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/import/detect';
import { ImportError } from '../../src/main/import/errors';
import { importFile } from '../../src/main/import/run-import';
import { readSample } from '../../src/main/import/source';
import { openProject } from '../../src/main/store/project';
import { REPO } from '../import/helpers';
import { tempDir } from '../helpers/temp-dir';

const MALFORMED = join(REPO, 'test/fixtures/malformed');
const dir = tempDir('claque-follow-names-');
let projects = 0;
const opened: ReturnType<typeof openProject>[] = [];
afterAll(() => opened.forEach((db) => db.close()));

function project() {
  const db = openProject(join(dir, `p${projects++}.claque`));
  opened.push(db);
  return db;
}

function follows(db: ReturnType<typeof openProject>): string[] {
  return db
    .prepare(
      `SELECT a.ext_id || ' → ' || b.ext_id FROM follows f JOIN accounts a ON a.id = f.follower_id
       JOIN accounts b ON b.id = f.followed_id ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}

describe('follow lists under the names tools give them', () => {
  for (const file of [
    'follows-io-archive-names.csv',
    'follows-source-target-user-id.csv',
    'follows-user-friend.csv',
    'follows-plain-words.csv',
  ]) {
    it(`${file} is a follow list`, async () => {
      const db = project();
      const r = await importFile(db, join(MALFORMED, file));
      expect([r.format, r.rowsImported, r.errorCount]).toEqual(['follows', 2, 0]);
      expect(follows(db)).toEqual(['1001 → 2002', '1002 → 2002']);
    });
  }

  it("twarc2 followers: each page's users follow the account its request names", async () => {
    const db = project();
    const r = await importFile(db, join(MALFORMED, 'twarc2-followers.jsonl'));
    expect([r.format, r.rowsRead, r.rowsImported, r.errorCount]).toEqual(['twarc-follows', 3, 3, 0]);
    expect(follows(db)).toEqual(['1001 → 2002', '1002 → 2002', '1003 → 2002']);
    expect(
      db.prepare("SELECT screen_name FROM accounts WHERE ext_id = '1003' AND platform = 'twitter'").pluck().get(),
    ).toBe('gamma');
  });

  it('twarc2 following: the account its request names follows each user of the page', async () => {
    const db = project();
    const r = await importFile(db, join(MALFORMED, 'twarc2-following.jsonl'));
    expect(r.format).toBe('twarc-follows');
    expect(follows(db)).toEqual(['1001 → 2002', '1001 → 3003']);
  });

  it('is not fooled by counts or names: followers/following counts and screen names are no follow list', async () => {
    for (const header of [
      'id,followers,following',
      'follower_screen_name,followed_screen_name',
      'user_id,following_count',
    ]) {
      const file = join(dir, `${header.replace(/,/g, '-')}.csv`);
      writeFileSync(file, `${header}\n1,2\n`);
      let detected: string | undefined;
      try {
        detected = detectFormat(file, await readSample(file)).format.id;
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
      }
      expect(detected, header).not.toBe('follows');
    }
  });
});
