import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../src/main/import/run-import';
import { openProject, type Db } from '../src/main/store/project';

const FIXTURES = fileURLToPath(new URL('./fixtures/graphs/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

interface AccountRow {
  platform: string;
  ext_id: string;
  screen_name: string | null;
  display_name: string | null;
  created_at: number | null;
  followers: number | null;
}
interface InteractionRow {
  source: string;
  target: string;
  kind: string;
  time: number | null;
  weight: number;
}

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claque-graphs-'));
  db = openProject(join(dir, 'test.claque'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function accounts(): Map<string, AccountRow> {
  const rows = db
    .prepare('SELECT platform, ext_id, screen_name, display_name, created_at, followers FROM accounts ORDER BY ext_id')
    .all() as AccountRow[];
  return new Map(rows.map((r) => [r.ext_id, r]));
}

function interactions(): InteractionRow[] {
  return db
    .prepare(
      `SELECT s.ext_id AS source, t.ext_id AS target, i.kind, i.time, i.weight FROM interactions i
       JOIN accounts s ON s.id = i.source_id JOIN accounts t ON t.id = i.target_id ORDER BY s.ext_id, t.ext_id`,
    )
    .all() as InteractionRow[];
}

const utc = (...a: [number, number, number, number?, number?, number?]) =>
  Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0) / 1000;

describe('GEXF import', () => {
  it('reads a Gephi 0.9 GEXF 1.2 export: attributes by title, defaults, label case, viz ignored', async () => {
    const r = await importFile(db, fixture('gephi-mentions.gexf'));
    expect(r.format).toBe('gexf');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([6, 6, 0]);
    expect(r.added).toEqual({ accounts: 3, posts: 0, interactions: 3, follows: 0 });
    const a = accounts();
    expect(a.get('4471')).toEqual({
      platform: 'twitter', // from the attribute's <default>
      ext_id: '4471',
      screen_name: 'gruene_welle',
      display_name: 'Grüne Welle & Co',
      created_at: utc(2020, 1, 15),
      followers: null,
    });
    expect(a.get('4472')).toMatchObject({ platform: 'twitter', screen_name: 'echo_chamber_22', display_name: null });
    expect(interactions()).toEqual([
      { source: '4472', target: '4471', kind: 'mention', time: utc(2021, 9, 20, 14, 3), weight: 4 },
      { source: '4472', target: '4473', kind: 'edge', time: null, weight: 1 },
      { source: '4473', target: '4471', kind: 'mention', time: utc(2021, 9, 20, 14, 7), weight: 2 },
    ]);
  });

  it('reads a graphology-gexf 1.3 export: kind attribute, start attvalue, undirected edges kept once', async () => {
    const r = await importFile(db, fixture('graphology-coshare.gexf'), { format: 'gexf' });
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([8, 8, 0]);
    const a = accounts();
    expect([...a.keys()]).toEqual(['tw_771', 'tw_772', 'tw_773', 'tw_774']);
    expect(a.get('tw_772')).toMatchObject({ platform: 'twitter', screen_name: 'bot_beta', followers: 22 });
    expect(a.get('tw_774')).toMatchObject({ screen_name: 'organic_user', followers: null });
    expect(interactions()).toEqual([
      { source: 'tw_771', target: 'tw_772', kind: 'share', time: utc(2021, 9, 20, 14, 3, 11), weight: 14 },
      { source: 'tw_771', target: 'tw_773', kind: 'share', time: utc(2021, 9, 20, 14, 5, 40), weight: 9 },
      { source: 'tw_772', target: 'tw_773', kind: 'share', time: null, weight: 11 },
      { source: 'tw_773', target: 'tw_774', kind: 'edge', time: null, weight: 1 },
    ]);
  });

  it('stores a GEXF "mutual" edge in both directions and uses --platform for nodes without one', async () => {
    const file = join(dir, 'mutual.gexf');
    writeFileSync(
      file,
      `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="p1" label="Page One"/><node id="p2"/></nodes>
<edges><edge source="p1" target="p2" type="mutual" label="comment"/></edges></graph></gexf>`,
    );
    await importFile(db, file, { platform: 'facebook' });
    expect([...accounts().values()].map((x) => x.platform)).toEqual(['facebook', 'facebook']);
    expect(interactions().map((i) => `${i.source}>${i.target}:${i.kind}`)).toEqual(['p1>p2:comment', 'p2>p1:comment']);
  });
});

describe('GraphML import', () => {
  it('reads a NetworkX write_graphml export exactly', async () => {
    const r = await importFile(db, fixture('networkx-retweets.graphml'));
    expect(r.format).toBe('graphml');
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([9, 9, 0]);
    expect(r.added).toEqual({ accounts: 4, posts: 0, interactions: 5, follows: 0 });
    const a = accounts();
    expect(a.get('1002')).toEqual({
      platform: 'twitter',
      ext_id: '1002',
      screen_name: 'patriot_mike',
      display_name: 'Patriot Mike',
      created_at: utc(2016, 11, 20, 8, 15),
      followers: 5400,
    });
    expect(a.get('1004')).toMatchObject({ screen_name: 'Anna K', followers: 12, created_at: null });
    expect(interactions()).toEqual([
      { source: '1001', target: '1002', kind: 'retweet', time: 1609459200, weight: 3 },
      { source: '1001', target: '1003', kind: 'mention', time: 1609466400, weight: 2 },
      { source: '1002', target: '1004', kind: 'edge', time: 1609470000, weight: 0.5 },
      { source: '1003', target: '1002', kind: 'retweet', time: 1609459260, weight: 1 },
      { source: '1004', target: '1002', kind: 'reply', time: 1609462800, weight: 1 },
    ]);
  });

  it('reads a gzipped file and adds nothing on re-import', async () => {
    const gz = join(dir, 'retweets.graphml.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('networkx-retweets.graphml'))));
    const first = await importFile(db, gz);
    expect(first.added.interactions).toBe(5);
    const again = await importFile(db, fixture('networkx-retweets.graphml'));
    expect(again.added).toEqual({ accounts: 0, posts: 0, interactions: 0, follows: 0 });
    expect(interactions()).toHaveLength(5);
  });

  it('reports bad rows with their line, and accepts an edge to a node declared after it', async () => {
    const r = await importFile(db, fixture('row-errors.graphml'));
    expect([r.rowsRead, r.rowsImported, r.errorCount]).toEqual([7, 5, 2]);
    // An edge to an unknown node waits for the end of the graph (GraphML allows forward references), so the
    // dangling one is reported after the rows that follow it, still with its own line.
    expect(r.errors).toEqual([
      { line: 8, message: 'edge a → b: bad weight "heavy"; expected a non-negative number' },
      { line: 7, message: 'edge a → ghost refers to node "ghost", which the file never declares' },
    ]);
    expect(interactions()).toEqual([
      { source: 'b', target: 'a', kind: 'edge', time: null, weight: 2.5 },
      { source: 'c', target: 'a', kind: 'edge', time: null, weight: 1 },
    ]);
  });

  it('aborts at the first bad row under --strict and leaves the project unchanged', async () => {
    await expect(importFile(db, fixture('row-errors.graphml'), { strict: true })).rejects.toThrow(
      /row-errors\.graphml:8: edge a → b: bad weight "heavy"/,
    );
    expect(accounts().size).toBe(0);
  });
});

describe('hostile and broken XML', () => {
  it('saxes itself never expands DTD-declared entities (the guard below is a second line)', () => {
    const parser = new SaxesParser();
    const text: string[] = [];
    parser.on('text', (t) => text.push(t));
    expect(() => parser.write(readFileSync(fixture('billion-laughs.gexf'), 'utf8')).close()).toThrow(
      /undefined entity/,
    );
    expect(text.join('')).not.toContain('lol');
  });

  for (const [name, line] of [
    ['billion-laughs.gexf', 2],
    ['external-entity.graphml', 2],
  ] as const) {
    it(`refuses ${name} at its DOCTYPE, naming file and line, with bounded memory`, async () => {
      const rssBefore = process.memoryUsage().rss;
      const err = await importFile(db, fixture(name)).catch((e: Error) => e);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(
        new RegExp(`${name.replace('.', '\\.')}:${line}: refused: the DOCTYPE declares entities`),
      );
      expect(accounts().size).toBe(0);
    });
  }

  it('refuses a DOCTYPE that points at an external DTD', async () => {
    const file = join(dir, 'dtd.graphml');
    writeFileSync(file, '<?xml version="1.0"?>\n\n<!DOCTYPE graphml SYSTEM "http://example.org/x.dtd">\n<graphml/>');
    await expect(importFile(db, file)).rejects.toThrow(
      /dtd\.graphml:3: refused: the DOCTYPE refers to an external DTD/,
    );
  });

  it('refuses a prolog too long to be a graph file without buffering it', async () => {
    const file = join(dir, 'long-prolog.gexf');
    writeFileSync(file, '<?xml version="1.0"?>\n<!-- gexf ' + 'x'.repeat(3 * 1024 * 1024) + ' -->\n<gexf/>');
    await expect(importFile(db, file)).rejects.toThrow(/long-prolog\.gexf:2: refused: no root element within/);
  });

  it('reports a truncated file with the line where it ends, and imports nothing', async () => {
    await expect(importFile(db, fixture('truncated.gexf'))).rejects.toThrow(
      /truncated\.gexf:41: malformed XML: unclosed tag: attvalues/,
    );
    expect(accounts().size).toBe(0);
  });

  it('refuses a GraphML file whose root is not <graphml>', async () => {
    const file = join(dir, 'wrong.graphml');
    writeFileSync(file, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>');
    await expect(importFile(db, file, { format: 'graphml' })).rejects.toThrow(
      /wrong\.graphml:2: expected a GraphML document \(<graphml> root element\), found <svg>/,
    );
  });
});
