import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../store/project';
import { ImportError } from '../errors';
import { importFile } from '../run-import';
import { tempDir } from '../../../../test/helpers/temp-dir';

const dir = tempDir('claque-mapped-');

describe('importing a table with a column mapping', () => {
  it('imports an edge list whose header no alias matches, once mapped', async () => {
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'actor;acted_on;how\nu1;u2;retweet\nu3;u2;reply\n');
    const db = openProject(join(dir, 'p.claque'));
    await expect(importFile(db, file, { format: 'edges' })).rejects.toThrow(ImportError);
    const r = await importFile(db, file, {
      format: 'edges',
      mapping: { source: 'actor', target: 'acted_on', kind: 'how' },
    });
    expect(r.rowsImported).toBe(2);
    expect(db.prepare('SELECT kind FROM interactions ORDER BY kind').pluck().all()).toEqual(['reply', 'retweet']);
    db.close();
  });

  it('imports a follow list and a share table with renamed columns', async () => {
    const follows = join(dir, 'f.csv');
    writeFileSync(follows, 'a,b\nx,y\ny,z\n');
    const shares = join(dir, 's.csv');
    writeFileSync(shares, 'thing,who,id,at\no1,x,c1,1600000000\no1,y,c2,1600000010\n');
    const db = openProject(join(dir, 'q.claque'));
    const f = await importFile(db, follows, { format: 'follows', mapping: { follower: 'a', followed: 'b' } });
    expect(f.added.follows).toBe(2);
    const s = await importFile(db, shares, {
      format: 'share-table',
      mapping: { object_id: 'thing', account_id: 'who', content_id: 'id', timestamp_share: 'at' },
    });
    expect(s.rowsImported).toBe(2);
    db.close();
  });
});
