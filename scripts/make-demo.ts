/**
 * Builds the bundled demo project (run by `npm run build`): generates the seeded synthetic investigation
 * (test/fixtures/planted) as IO-archive files under resources/demo/data/, then imports them into
 * resources/demo/demo.claque through the real importers, exactly as a user would. Skipped when the project
 * is newer than this script and the generator; `--force` rebuilds. See resources/demo/README.md.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/main/import/run-import';
import { openProject } from '../src/main/store/project';
import { writePlantedFiles } from '../test/fixtures/planted/export';
import { generatePlanted } from '../test/fixtures/planted/generate';

export const DEMO_SEED = 20240101;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'resources', 'demo');
const project = join(demoDir, 'demo.claque');
const sources = [
  'scripts/make-demo.ts',
  'test/fixtures/planted/generate.ts',
  'test/fixtures/planted/export.ts',
  'test/fixtures/planted/vocabulary.ts',
].map((f) => join(root, f));

function upToDate(): boolean {
  if (!existsSync(project)) return false;
  const built = statSync(project).mtimeMs;
  return sources.every((f) => statSync(f).mtimeMs < built);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--force') && upToDate()) {
    console.error(`make-demo: ${project} is up to date`);
    return;
  }
  const t0 = performance.now();
  const planted = generatePlanted({ seed: DEMO_SEED });
  const files = writePlantedFiles(join(demoDir, 'data'), planted);
  console.error(
    `make-demo: generated ${planted.counts.accounts} accounts, ${planted.counts.posts} posts (seed ${DEMO_SEED})`,
  );
  // Build beside the target and rename at the end: a failed build never leaves a half-imported demo.
  mkdirSync(demoDir, { recursive: true });
  const partial = `${project}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const db = openProject(partial);
  try {
    // The share table is an alternative view of the same retweets: it belongs in a project of its own.
    for (const f of files.filter((x) => x.format !== 'share-table')) {
      const r = await importFile(db, f.file, { format: f.format, ...f.options, strict: true });
      console.error(`make-demo: imported ${r.rowsImported} rows from ${f.file.slice(root.length + 1)}`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const f of [`${project}-wal`, `${project}-shm`]) rmSync(f, { force: true });
  renameSync(partial, project);
  console.error(`make-demo: wrote ${project} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
