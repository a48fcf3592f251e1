/**
 * Scores an analysis of a comment-ring world (test/fixtures/comment-rings) against its truth.json: per ring,
 * account-level precision, recall and F1 of the flagged accounts; per organic look-alike group, the share
 * of its members flagged. Truth names accounts by numeric id; an export that showed only a vanity handle
 * gave Claque the handle (lower-cased) instead, so both are tried.
 */
import { parse } from 'csv-parse/sync';
import { scoreFlags, type Score } from './score-flags';

export interface CommentTruth {
  rings: Record<string, string[]>;
  lookalikes: Record<string, string[]>;
  accounts: Record<string, { handle?: string; page?: boolean; group?: string }>;
}

export interface CommentWorldScore {
  rings: Record<string, Score>;
  lookalikes: Record<string, { members: number; flagged: number; share: number }>;
  lines: string[];
}

/** Scores accounts.csv of `claque run` / `claque analyze`. */
export function scoreCommentWorld(accountsCsv: string, truth: CommentTruth): CommentWorldScore {
  const rows = parse(accountsCsv, { columns: true }) as { account_id: string; flagged: string }[];
  return scoreCommentFlags(
    rows.map((r) => r.account_id),
    rows.filter((r) => r.flagged === 'true').map((r) => r.account_id),
    truth,
  );
}

/** Scores the flagged account ids among the analysed ones. */
export function scoreCommentFlags(
  analysed: Iterable<string>,
  flaggedIds: Iterable<string>,
  truth: CommentTruth,
): CommentWorldScore {
  const known = new Set(analysed);
  const flagged = new Set(flaggedIds);
  const asClaque = (id: string): string => {
    if (known.has(id)) return id;
    const handle = truth.accounts[id]?.handle?.toLowerCase();
    return handle && known.has(handle) ? handle : id;
  };
  const decoys = Object.values(truth.lookalikes).flat().map(asClaque);
  const rings: Record<string, Score> = {};
  const ringFlags = new Set(Object.values(truth.rings).flat().map(asClaque));
  for (const [name, members] of Object.entries(truth.rings)) {
    const mine = members.map(asClaque);
    const own = new Set(mine);
    // A ring's precision counts its own flags and every flag outside all rings (organic accounts flagged).
    const relevant = [...flagged].filter((id) => own.has(id) || !ringFlags.has(id));
    rings[name] = scoreFlags(relevant, mine, decoys);
  }
  const lookalikes: CommentWorldScore['lookalikes'] = {};
  for (const [name, members] of Object.entries(truth.lookalikes)) {
    const n = members.map(asClaque).filter((id) => flagged.has(id)).length;
    lookalikes[name] = { members: members.length, flagged: n, share: members.length ? n / members.length : 0 };
  }
  const lines = [
    ...Object.entries(rings).map(
      ([k, s]) => `${k} F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)})`,
    ),
    ...Object.entries(lookalikes).map(([k, l]) => `${k} ${l.flagged}/${l.members}`),
  ];
  return { rings, lookalikes, lines };
}
