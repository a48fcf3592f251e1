/**
 * A table that says nothing of its platform — a follow list, an edge list, a share table: ids and nothing
 * else — takes the platform of the accounts its ids already are in the project (issue 16, item 9). Filed under
 * `generic`, the follow list of an IO archive never met the archive's `twitter` accounts: cascades stayed
 * stars (depth 1 for a 10-step follow chain) without a word.
 *
 * The ids are taken from the sample (the file's first 64 KB, read by the format itself) and looked up per
 * platform; the platform with the most matches wins. None matching leaves `generic`, and the import says so.
 */
import { Readable } from 'node:stream';
import { PLATFORMS, type Platform, type RecordBatch } from '../../shared/model/records';
import type { Db } from '../store/project';
import type { Format, FormatOptions } from './formats/format';
import type { Sample } from './source';

/** Formats whose files carry no platform of their own (they fall back to --platform, else generic). */
export const PLATFORMLESS_FORMATS: ReadonlySet<string> = new Set(['follows', 'edges', 'share-table']);

/** Ids of the sample looked up; enough to tell platforms apart, few enough to look up at once. */
const MAX_SAMPLED_IDS = 2000;

export interface PlatformChoice {
  platform: Platform;
  /** given: --platform; matched: the platform of the project's accounts its ids match; default: generic, none matched. */
  how: 'given' | 'matched' | 'default';
  /** Distinct ids in the sample, and how many are accounts of `platform` in the project. */
  sampledIds: number;
  matchedIds: number;
  /** Accounts in the project before the import, of any platform: none, and there was nothing to meet. */
  accountsBefore: number;
}

export async function choosePlatform(
  db: Db,
  format: Format,
  file: string,
  sample: Sample,
  options: FormatOptions,
): Promise<PlatformChoice | undefined> {
  if (!PLATFORMLESS_FORMATS.has(format.id)) return undefined;
  const ids = await sampleIds(format, file, sample, options);
  const count = db.prepare(
    'SELECT count(*) FROM accounts WHERE platform = ? AND ext_id IN (SELECT value FROM json_each(?))',
  );
  const matchesOf = (p: Platform) => (ids.length === 0 ? 0 : (count.pluck().get(p, JSON.stringify(ids)) as number));
  const accountsBefore = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  if (options.platform) {
    const matchedIds = matchesOf(options.platform);
    return { platform: options.platform, how: 'given', sampledIds: ids.length, matchedIds, accountsBefore };
  }
  let best: { platform: Platform; n: number } = { platform: 'generic', n: 0 };
  for (const p of PLATFORMS) {
    const n = matchesOf(p);
    if (n > best.n) best = { platform: p, n };
  }
  return {
    platform: best.platform,
    how: best.n > 0 ? 'matched' : 'default',
    sampledIds: ids.length,
    matchedIds: best.n,
    accountsBefore,
  };
}

/** The account ids the sample's complete lines name, read by the format as the import will read them. */
async function sampleIds(format: Format, file: string, sample: Sample, options: FormatOptions): Promise<string[]> {
  const text = completeLines(sample.text);
  const ids = new Set<string>();
  try {
    const rows = format.read(Readable.from([Buffer.from(text, 'utf8')]), {
      file,
      options: { ...options, platform: 'generic' },
      sample,
    });
    for await (const row of rows) {
      if ('batch' in row) for (const id of accountIdsOf(row.batch)) ids.add(id);
      if (ids.size >= MAX_SAMPLED_IDS) break;
    }
  } catch {
    // A header the format refuses: the import itself says so, with its line.
  }
  return [...ids].slice(0, MAX_SAMPLED_IDS);
}

/** The sample up to its last line end (it may end mid-line); all of it when it holds a single line. */
function completeLines(text: string): string {
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut > 0 ? text.slice(0, cut + 1) : text;
}

function* accountIdsOf(b: RecordBatch): Generator<string> {
  for (const a of b.accounts ?? []) yield a.id;
  for (const p of b.posts ?? []) {
    yield p.authorId;
    if (p.parentAuthorId !== undefined) yield p.parentAuthorId;
  }
  for (const i of b.interactions ?? []) {
    yield i.sourceId;
    yield i.targetId;
  }
  for (const f of b.follows ?? []) {
    yield f.followerId;
    yield f.followedId;
  }
}
