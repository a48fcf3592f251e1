import { useEffect } from 'react';
import type { AnalysisOutput } from '../../../shared/analysis/result';
import { openAccount } from '../../state/explore/producers';
import { store, useAppState } from '../../state/store';

/** A node clicked on the map or a member row clicked (both select a node) opens that account's panel. */
export function useFollowSelectedNode(output: AnalysisOutput | null): void {
  const node = useAppState((s) => s.selection.selectedNode);
  useEffect(() => {
    if (!output || node === null) return;
    const index = Number(node);
    const account = output.accounts.find((a) => a.index === index);
    if (account) store.update('explore', openAccount(account.accountId));
  }, [output, node]);
}
