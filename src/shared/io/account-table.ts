/**
 * accounts.csv: one row per analysed account with its verdict, for the CLI's outputs and the app's CSV export
 * alike. `component` is the account's connected component in the analysed graph (0 = the largest): in
 * co-action graphs, CooRnet's "coordinated groups"; Louvain's communities split the big ones.
 */
import type { AccountResult } from '../analysis/result';

export const ACCOUNT_COLUMNS = ['account_id', 'screen_name', 'community', 'score', 'flagged', 'reasons', 'component'];

/** The cells of one account's row, in ACCOUNT_COLUMNS order (score to 4 decimals). */
export function accountCells(a: AccountResult): (string | number | boolean | null)[] {
  return [
    a.accountId,
    a.screenName,
    a.community,
    Math.round(a.score * 10000) / 10000,
    a.flagged,
    a.reasons.join('; '),
    a.component ?? null,
  ];
}
