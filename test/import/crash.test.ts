import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/main/import/run-import';
import { openProject } from '../../src/main/store/project';
import { count, fixture, REPO, tableCounts, tempProject, type TempProject } from './helpers';

let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.cleanup());

/** A share table big enough that its import takes seconds: rows of 300 accounts sharing 5,000 objects. */
async function writeBigShareTable(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('object_id,account_id,content_id,timestamp_share\n');
  for (let i = 0; i < rows; i++) {
    const line = `obj${i % 5000},acct${(i * 7) % 300},big${i},${1600000000 + i}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

describe('crash consistency', () => {
  it('a SIGKILLed import leaves the project as it was: integrity ok, earlier imports intact, no partial rows', async () => {
    await importFile(p.db, fixture('coortweet-shares.csv'));
    await importFile(p.db, fixture('follows.csv'));
    const before = tableCounts(p.db);
    p.db.close();

    const big = join(p.dir, 'big.csv');
    await writeBigShareTable(big, 1_000_000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/import/crash-child.ts'), p.file, big], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const killedAt = await new Promise<number>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (c: Buffer) => {
        buffered += c.toString();
        const rows = [...buffered.matchAll(/rows (\d+)/g)].map((m) => Number(m[1]));
        if (buffered.includes('done')) reject(new Error('the import finished before it could be killed'));
        const last = rows.at(-1) ?? 0;
        if (last >= 100_000) {
          child.kill('SIGKILL');
          resolve(last);
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code}): ${stderr}`));
      });
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(child.signalCode).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThanOrEqual(100_000);

    const db = openProject(p.file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(tableCounts(db)).toEqual(before);
      expect(count(db, "SELECT count(*) FROM posts WHERE ext_id LIKE 'big%'")).toBe(0);
      expect(count(db, "SELECT count(*) FROM accounts WHERE ext_id LIKE 'acct%'")).toBe(0);
      expect(count(db, 'SELECT count(*) FROM imports WHERE file LIKE ?', '%big.csv')).toBe(0);
      expect(db.prepare('SELECT format FROM imports ORDER BY id').pluck().all()).toEqual(['share-table', 'follows']);
      // The project still takes imports after recovery.
      const r = await importFile(db, fixture('edges.csv'));
      expect(r.rowsImported).toBe(4);
    } finally {
      db.close();
    }
  });
});
