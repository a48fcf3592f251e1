/**
 * One measurement of the import benchmark, run in its own process so that its peak RSS is its own:
 *   node --import tsx bench/import-measure.ts raw|real <csv> <project.claque>
 * Prints one JSON line: { mode, rows, errors, ms, maxRssBytes }.
 *
 * raw  — the limit: the same CSV parser with the options src/main/import/csv.ts uses, one prepared INSERT into
 *        one plain table of 30 TEXT columns, one transaction, nothing else.
 * real — importFile(db, csv, { format: 'io-tweets' }): the whole importer and store.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { importFile } from '../src/main/import/run-import';
import { openProject } from '../src/main/store/project';
import { IO_TWEET_HEADER } from './gen-io-archive';

async function raw(file: string, project: string): Promise<{ rows: number; errors: number }> {
  const db = openProject(project);
  const cols = IO_TWEET_HEADER.map((c) => `"${c}"`);
  db.exec(`CREATE TABLE raw_tweets (${cols.map((c) => `${c} TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO raw_tweets VALUES (${cols.map(() => '?').join(', ')})`);
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
  let rows = 0;
  let header = true;
  db.exec('BEGIN IMMEDIATE');
  for await (const item of parser as AsyncIterable<{ record: string[] }>) {
    if (header) {
      header = false;
      continue;
    }
    insert.run(item.record);
    rows++;
  }
  db.exec('COMMIT');
  db.close();
  return { rows, errors: 0 };
}

async function real(file: string, project: string): Promise<{ rows: number; errors: number }> {
  const db = openProject(project);
  const r = await importFile(db, file, { format: 'io-tweets' });
  db.close();
  return { rows: r.rowsImported, errors: r.errorCount };
}

const [mode, file, project] = process.argv.slice(2);
if ((mode !== 'raw' && mode !== 'real') || !file || !project) {
  process.stderr.write('usage: import-measure.ts raw|real <csv> <project.claque>\n');
  process.exit(2);
}
const t0 = performance.now();
const result = await (mode === 'raw' ? raw : real)(file, project);
const ms = performance.now() - t0;
// maxRSS is in kibibytes: the high-water mark of this process's resident memory (Linux VmHWM).
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({ mode, ...result, ms, maxRssBytes }) + '\n');
