/**
 * The raw parse-and-insert limit of the comments benchmark, in its own process so that its peak RSS is its own:
 *   node --import tsx bench/comments-measure.ts <project.claque> <file.csv>…
 * Each file: the CSV parser with the options src/main/import/csv.ts uses, one prepared INSERT per row into a bare
 * table of TEXT columns as wide as the header, one transaction per file (as the importer does), nothing else.
 * Prints one JSON line: { rows, ms, maxRssBytes }.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { openProject } from '../src/main/store/project';

async function rawInsert(db: ReturnType<typeof openProject>, file: string, table: string): Promise<number> {
  const parser = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(
    parse({
      bom: true,
      delimiter: ',',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 64 * 1024 * 1024,
    }),
  );
  let insert: ReturnType<typeof db.prepare> | undefined;
  let width = 0;
  let rows = 0;
  db.exec('BEGIN IMMEDIATE');
  for await (const item of parser as AsyncIterable<{ record: string[] }>) {
    if (!insert) {
      width = item.record.length;
      const cols = item.record.map((_, i) => `c${i} TEXT`);
      db.exec(`CREATE TABLE ${table} (${cols.join(', ')})`);
      insert = db.prepare(`INSERT INTO ${table} VALUES (${cols.map(() => '?').join(', ')})`);
      continue;
    }
    const r = item.record;
    insert.run(r.length === width ? r : Array.from({ length: width }, (_, i) => r[i] ?? null));
    rows++;
  }
  db.exec('COMMIT');
  return rows;
}

const [project, ...files] = process.argv.slice(2);
if (!project || files.length === 0) {
  process.stderr.write('usage: comments-measure.ts <project.claque> <file.csv>…\n');
  process.exit(2);
}
const t0 = performance.now();
const db = openProject(project);
let rows = 0;
for (let i = 0; i < files.length; i++) rows += await rawInsert(db, files[i], `raw_${i}`);
db.close();
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ rows, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
