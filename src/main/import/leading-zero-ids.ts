/**
 * Account ids of digits only that differ only by leading zeros ("00123", "0123", "123"). They stay separate
 * accounts: a platform may really issue both, and a spreadsheet that dropped the zeros of one column cannot be
 * told from that. But they are almost always one account mangled on the way, so an import that creates such a
 * pair says so, with a count and an example, instead of splitting the account without a word.
 */
import type { Db } from '../store/project';

export interface LeadingZeroIds {
  /** Accounts in groups of ids that differ only by leading zeros, where a group gained an account in this import. */
  accounts: number;
  groups: number;
  /** The ids of one such group, e.g. ["00123", "123"]. */
  example: string[];
  /** The sentence for the import summary. */
  message: string;
}

/** The highest account row id now: accounts an import creates get higher ones (INTEGER PRIMARY KEY). */
export function accountMark(db: Db): number {
  return db.prepare('SELECT ifnull(max(id), 0) FROM accounts').pluck().get() as number;
}

/**
 * Groups of same-platform ids that differ only by leading zeros, at least one of whose accounts is newer than
 * `mark`; null when there is none. Only ids starting with 0 are scanned (one pass over the accounts), and their
 * unpadded form is looked up through the (platform, ext_id) index, so this costs little even on big projects.
 */
export function leadingZeroIds(db: Db, mark: number): LeadingZeroIds | null {
  const groups = db
    .prepare(
      `WITH zeroed AS (
         SELECT platform, ltrim(ext_id, '0') AS k, id, ext_id FROM accounts
         WHERE ext_id GLOB '0*' AND ext_id NOT GLOB '*[^0-9]*'
       ),
       members AS (
         SELECT platform, k, id, ext_id FROM zeroed
         UNION ALL
         SELECT a.platform, a.ext_id, a.id, a.ext_id
         FROM (SELECT DISTINCT platform, k FROM zeroed) z
         JOIN accounts a ON a.platform = z.platform AND a.ext_id = z.k
       )
       SELECT count(*) AS n, json_group_array(ext_id) AS ids FROM members
       GROUP BY platform, k HAVING n > 1 AND max(id) > ?
       ORDER BY min(id)`,
    )
    .all(mark) as { n: number; ids: string }[];
  if (groups.length === 0) return null;
  const accounts = groups.reduce((sum, g) => sum + g.n, 0);
  const example = (JSON.parse(groups[0].ids) as string[]).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const message =
    `${accounts} account ids differ from another only by leading zeros (e.g. ${example.map((id) => `"${id}"`).join(' and ')}) ` +
    `and are kept as separate accounts (a spreadsheet that reads ids as numbers drops their zeros: check the id columns)`;
  return { accounts, groups: groups.length, example, message };
}
