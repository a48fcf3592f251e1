import { parseArgs } from 'node:util';
import { importFile, type ImportProgress } from '../../import/run-import';
import { openProject } from '../../store/project';
import { PLATFORMS, type Platform } from '../../../shared/model/records';
import { UsageError, type CliIo } from '../io';

export function parseMapping(values: string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) throw new UsageError(`--map expects field=column, got "${v}"`);
    mapping[v.slice(0, eq).trim()] = v.slice(eq + 1).trim();
  }
  return mapping;
}

export function parsePlatform(value: string | undefined): Platform | undefined {
  if (value === undefined) return undefined;
  if (!PLATFORMS.includes(value as Platform)) {
    throw new UsageError(`--platform expects one of ${PLATFORMS.join(', ')}, got "${value}"`);
  }
  return value as Platform;
}

export function progressPrinter(io: CliIo): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 500 && p.bytes < p.totalBytes) return;
    last = now;
    const pct = p.totalBytes > 0 ? ((100 * p.bytes) / p.totalBytes).toFixed(0) : '?';
    const line = `${p.file}: ${p.rows.toLocaleString('en-US')} rows, ${(p.bytes / 1e6).toFixed(1)} / ${(p.totalBytes / 1e6).toFixed(1)} MB (${pct} %)`;
    io.err(io.interactive ? `\r${line}\x1b[K` : `${line}\n`);
  };
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      map: { type: 'string', multiple: true },
      platform: { type: 'string' },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [projectFile, ...files] = positionals;
  if (!projectFile || files.length === 0) throw new UsageError('expects a project file and at least one input file');
  const mapping = parseMapping(values.map);
  const platform = parsePlatform(values.platform);
  const db = openProject(projectFile);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const results = [];
    for (const file of files) {
      const result = await importFile(db, file, {
        format: values.format,
        mapping,
        platform,
        strict: values.strict,
        signal: controller.signal,
        onProgress: progressPrinter(io),
      });
      if (io.interactive) io.err('\n');
      for (const e of result.errors.slice(0, 20)) io.err(`${file}:${e.line}: ${e.message}\n`);
      if (result.errorCount > 20)
        io.err(`${file}: … and ${result.errorCount - 20} more row errors (see claque info)\n`);
      results.push(result);
      if (!values.json) {
        io.out(
          `${file}: ${result.format}, ${result.rowsRead} rows read, ${result.rowsImported} imported, ${result.rowsSkipped} skipped; ` +
            `added ${result.added.accounts} accounts, ${result.added.posts} posts, ${result.added.interactions} interactions, ` +
            `${result.added.follows} follows in ${(result.durationMs / 1000).toFixed(1)} s\n`,
        );
      }
    }
    if (values.json) io.out(JSON.stringify(results, null, 2) + '\n');
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    db.close();
  }
}
