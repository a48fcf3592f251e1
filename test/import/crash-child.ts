/**
 * Child process of crash.test.ts: imports one file into a project and reports progress on stdout, so the
 * parent can SIGKILL it in the middle of the import's transaction.
 */
import { importFile } from '../../src/main/import/run-import';
import { openProject } from '../../src/main/store/project';

const [project, file] = process.argv.slice(2);
const db = openProject(project);
await importFile(db, file, { onProgress: (p) => process.stdout.write(`rows ${p.rows}\n`) });
process.stdout.write('done\n');
db.close();
