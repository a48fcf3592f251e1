import { parseArgs } from 'node:util';
import { importOrder } from '../../import/import-order';
import { importFile, type ImportProgress, type ImportResult } from '../../import/run-import';
import { canonicalTimeZone } from '../../../shared/io/zone-time';
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

/** `--tz Europe/Paris`: the IANA zone of zone-less times, as Intl names it. */
export function parseTimeZone(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const zone = canonicalTimeZone(value);
  if (!zone) {
    throw new UsageError(`--tz expects an IANA time zone such as Europe/Paris, Asia/Almaty or UTC, got "${value}"`);
  }
  return zone;
}

/** `--wait S`: seconds to wait while another import writes to the project. */
export function parseWait(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(`--wait expects seconds (0 or more), got "${value}"`);
  }
  return seconds * 1000;
}

/**
 * What an import assumed or left open, one line each, for stderr: the file's warnings (a column given twice,
 * gzip trailing bytes, the entry read from a zip), the platform a table without one was filed under and how
 * many of its accounts were already in the project, an encoding that had to be worked out and lines it could
 * not decode, zone-less times read as UTC (or in --tz), and comments or replies whose parent post or comment
 * is not in the project.
 */
export function importNotes(
  file: string,
  r: Pick<ImportResult, 'zonelessTimes' | 'threads' | 'encoding' | 'platform' | 'warnings'>,
): string[] {
  const notes: string[] = [];
  for (const w of r.warnings) notes.push(`${file}${w.line === undefined ? '' : `:${w.line}`}: warning: ${w.message}`);
  const platform = platformNote(r.platform);
  if (platform) notes.push(`${file}: ${platform}`);
  if (r.encoding.how !== 'valid-utf8') notes.push(`${file}: text read as ${r.encoding.note}`);
  if (r.encoding.invalidLines > 0) notes.push(`${file}: warning: ${undecodableNote(r.encoding)}`);
  const n = r.zonelessTimes.rows;
  if (n > 0 && r.zonelessTimes.readAs === 'UTC') {
    notes.push(
      `${file}: warning: ${n.toLocaleString('en-US')} rows have times without a zone; assumed UTC. If the scraper wrote ` +
        `its local time, import again with --tz ZONE (e.g. --tz Europe/Paris): shift-work hours and co-action windows across files depend on it`,
    );
  } else if (n > 0) {
    notes.push(
      `${file}: ${n.toLocaleString('en-US')} rows have times without a zone; read as ${r.zonelessTimes.readAs} (--tz)`,
    );
  }
  if (r.threads.unresolved > 0) {
    notes.push(
      `${file}: ${r.threads.unresolved.toLocaleString('en-US')} comments or replies name a parent post or comment that is not in the project ` +
        `(yet): importing the file that holds it links them`,
    );
  }
  return notes;
}

/**
 * The platform of a table that carries none (a follow list, an edge list, a share table) and how many of the
 * accounts it names were in the project already: a follow list that meets none of them connects nothing.
 */
export function platformNote(p: ImportResult['platform']): string | undefined {
  if (!p) return undefined;
  const existing = `${p.existingAccounts.toLocaleString('en-US')} of the ${plural(p.accounts, 'account', 'accounts')} it names`;
  if (p.how === 'matched') {
    return `no platform named: filed under ${p.name}, the platform of the project's accounts its ids match; ${existing} were in the project already`;
  }
  if (p.how === 'given') return `${existing} were ${p.name} accounts in the project already`;
  // A table alone in its project (a CooRTweet share table) has nothing to meet: generic is all it can be.
  if (p.accounts === 0 || p.projectAccounts === 0) return undefined;
  return (
    `warning: no platform named, and none of its ids are among the project's ${p.projectAccounts.toLocaleString('en-US')} accounts: ` +
    `filed under ${p.name}, where it meets no other file's accounts. If they are another file's ids, import it after ` +
    `that file (an IO archive, tweets), or give --platform`
  );
}

/** Lines the encoding could not decode, in words: how many, where, and what became of them. */
export function undecodableNote(e: ImportResult['encoding']): string {
  const n = e.invalidLines;
  const shown = e.firstInvalidLines.slice(0, 10).join(', ') + (n > 10 ? ', …' : '');
  const fate = [
    e.rowsSkipped > 0
      ? `${plural(e.rowsSkipped, 'row holding them was', 'rows holding them were')} skipped (listed above)`
      : '',
    e.linesReplaced > 0
      ? `${plural(e.linesReplaced, 'line keeps', 'lines keep')} U+FFFD where those bytes were (no single row could be blamed)`
      : '',
  ].filter(Boolean);
  return (
    `${plural(n, 'line holds', 'lines hold')} bytes that are not valid ${e.name} ` +
    `(line ${shown})${fate.length ? `: ${fate.join('; ')}` : ''}`
  );
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function progressPrinter(io: CliIo): (p: ImportProgress) => void {
  let last = 0;
  let waitingSaid = false;
  return (p) => {
    if (p.waiting) {
      // Said once on a log, kept up to date in a terminal: the wait may last minutes.
      if (io.interactive) io.err(`\r${p.file}: ${p.waiting}…\x1b[K`);
      else if (!waitingSaid) io.err(`${p.file}: ${p.waiting}…\n`);
      waitingSaid = true;
      return;
    }
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
      tz: { type: 'string' },
      encoding: { type: 'string' },
      wait: { type: 'string' },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [projectFile, ...files] = positionals;
  if (!projectFile || files.length === 0) throw new UsageError('expects a project file and at least one input file');
  const mapping = parseMapping(values.map);
  const platform = parsePlatform(values.platform);
  const timeZone = parseTimeZone(values.tz);
  const lockWaitMs = parseWait(values.wait);
  const db = openProject(projectFile);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const results = [];
    for (const file of await importOrder(files, { format: values.format, platform, encoding: values.encoding })) {
      const result = await importFile(db, file, {
        format: values.format,
        mapping,
        platform,
        timeZone,
        encoding: values.encoding,
        lockWaitMs,
        strict: values.strict,
        signal: controller.signal,
        onProgress: progressPrinter(io),
      });
      if (io.interactive) io.err('\n');
      for (const e of result.errors.slice(0, 20)) io.err(`${file}:${e.line}: ${e.message}\n`);
      if (result.errorCount > 20)
        io.err(`${file}: … and ${result.errorCount - 20} more row errors (see claque info)\n`);
      for (const note of importNotes(file, result)) io.err(note + '\n');
      results.push(result);
      if (!values.json) {
        io.out(
          `${file}: ${result.format}, ${result.rowsRead} rows read, ${result.rowsImported} imported, ${result.rowsSkipped} skipped; ` +
            `added ${result.added.accounts} accounts, ${result.added.posts} posts, ${result.added.interactions} interactions, ` +
            `${result.added.follows} follows in ${(result.durationMs / 1000).toFixed(1)} s; text ${result.encoding.name}\n`,
        );
        if (result.leadingZeroIds) io.out(`${file}: warning: ${result.leadingZeroIds.message}\n`);
      }
    }
    if (values.json) io.out(JSON.stringify(results, null, 2) + '\n');
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    db.close();
  }
}
