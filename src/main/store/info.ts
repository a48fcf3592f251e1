import type { ProjectInfo } from '../../shared/model/project-info';
import type { Db } from './project';

export type { ProjectInfo };

const COUNTED = [
  'accounts',
  'posts',
  'interactions',
  'follows',
  'hashtags',
  'urls',
  'mentions',
  'post_objects',
  'imports',
];

/** Counts per table and every import with its errors: what `claque info` prints. */
export function projectInfo(db: Db, errorsPerImport = 50): ProjectInfo {
  const counts: Record<string, number> = {};
  for (const t of COUNTED) counts[t] = (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) ?? 0;
  const errorsOf = db.prepare('SELECT line, message FROM import_errors WHERE import_id = ? ORDER BY rowid LIMIT ?');
  const imports = (db.prepare('SELECT * FROM imports ORDER BY id').all() as Record<string, number & string>[]).map(
    (r) => ({
      id: r.id,
      file: r.file,
      format: r.format,
      contentHash: r.content_hash,
      sizeBytes: r.size_bytes,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      rowsRead: r.rows_read,
      rowsImported: r.rows_imported,
      rowsSkipped: r.rows_skipped,
      errorCount: r.error_count,
      added: {
        accounts: r.added_accounts,
        posts: r.added_posts,
        interactions: r.added_interactions,
        follows: r.added_follows,
      },
      errors: errorsOf.all(r.id, errorsPerImport) as { line: number; message: string }[],
      ...storedNotes(r.options),
    }),
  );
  return { counts, imports };
}

/** What an import's stored options say about how its times and text were read (older imports say nothing). */
function storedNotes(options: string): Pick<ProjectInfo['imports'][number], 'zonelessTimes' | 'encoding'> {
  let o: { zonelessTimes?: { rows?: unknown; readAs?: unknown }; encoding?: unknown };
  try {
    o = JSON.parse(options) ?? {};
  } catch {
    return {};
  }
  const z = o.zonelessTimes;
  return {
    ...(z &&
      typeof z.rows === 'number' &&
      typeof z.readAs === 'string' && { zonelessTimes: { rows: z.rows, readAs: z.readAs } }),
    ...(typeof o.encoding === 'string' && { encoding: o.encoding }),
  };
}
