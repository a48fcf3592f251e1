import { parseArgs } from 'node:util';
import { openProject } from '../../store/project';
import { projectInfo } from '../../store/info';
import { UsageError, type CliIo } from '../io';

export async function infoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('expects exactly one project file');
  const db = openProject(positionals[0], { create: false });
  try {
    const info = projectInfo(db);
    if (values.json) {
      io.out(JSON.stringify(info, null, 2) + '\n');
      return 0;
    }
    io.out(`${positionals[0]}\n`);
    for (const [table, n] of Object.entries(info.counts))
      io.out(`  ${table.padEnd(14)} ${n.toLocaleString('en-US')}\n`);
    io.out(`imports:\n`);
    for (const imp of info.imports) {
      const when = new Date(imp.finishedAt * 1000).toISOString().replace('.000Z', 'Z');
      io.out(
        `  #${imp.id} ${imp.file} [${imp.format}] ${when}: ${imp.rowsRead} rows, ${imp.rowsImported} imported, ` +
          `${imp.rowsSkipped} skipped, ${imp.errorCount} errors; +${imp.added.accounts} accounts, +${imp.added.posts} posts, ` +
          `+${imp.added.interactions} interactions, +${imp.added.follows} follows\n`,
      );
      for (const e of imp.errors) io.out(`    line ${e.line}: ${e.message}\n`);
      if (imp.errorCount > imp.errors.length) io.out(`    … ${imp.errorCount - imp.errors.length} more\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}
