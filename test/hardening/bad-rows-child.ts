/**
 * Child process of bad-rows-memory.test.ts, run with a small heap (--max-old-space-size): imports one file
 * into a new project on this thread and prints what came of it as one JSON line. A heap that grows with the
 * number of bad rows runs out here; a flat one does not.
 *   bad-rows-child.ts <project> <file>
 */
import { importFile } from '../../src/main/import/run-import';
import { openProject } from '../../src/main/store/project';

const [project, file] = process.argv.slice(2);
const db = openProject(project);
const r = await importFile(db, file, { worker: false });
db.close();
process.stdout.write(
  JSON.stringify({
    rowsRead: r.rowsRead,
    rowsImported: r.rowsImported,
    errorCount: r.errorCount,
    kept: r.errors.length,
  }) + '\n',
);
