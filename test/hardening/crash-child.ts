/**
 * Child process of crash.test.ts, killed with SIGKILL somewhere in the middle. Reports where it is on stdout,
 * one line at a time, so the parent can pick its moment:
 *   import <project> <file>     "start", "rows N" …, "done"
 *   analyze <project> <outDir>  "start", "stage S" …, "save", "write", "done"
 * The analysis is the one pipeline (runAnalysis), saved into the project as the app does (saveAnalysis), then
 * written out as the CLI does (writeOutputs).
 */
import { runAnalysis } from '../../src/main/analysis/pipeline';
import { writeOutputs } from '../../src/main/analysis/write-outputs';
import { importFile } from '../../src/main/import/run-import';
import { saveAnalysis } from '../../src/main/store/analysis-runs';
import { openProject } from '../../src/main/store/project';

const say = (line: string) => process.stdout.write(line + '\n');
const [mode, project, target] = process.argv.slice(2);
const db = openProject(project, { create: false });
say('start');
if (mode === 'import') {
  await importFile(db, target, { onProgress: (p) => say(`rows ${p.rows}`) });
} else if (mode === 'analyze') {
  const startedAt = Date.now();
  const output = await runAnalysis(db, {}, { onProgress: (stage) => say(`stage ${stage}`) });
  say('save');
  saveAnalysis(db, output.summary.parameters, output, { startedAt, finishedAt: Date.now() });
  say('write');
  await writeOutputs(target, output);
} else {
  throw new Error(`crash-child: unknown mode ${mode}`);
}
db.close();
say('done');
