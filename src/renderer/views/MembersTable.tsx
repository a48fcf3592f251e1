import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { showBidiControls } from '../../shared/io/visible-controls';
import { selectNode } from '../state/selection/producers';
import { store } from '../state/store';
import { fixed } from './format';
import { AccountName } from './Imported';

const ROW_HEIGHT = 26;

/** Every member of a community, highest score first; only the visible rows are in the DOM. */
export function MembersTable({ output, community }: { output: AnalysisOutput; community: number }) {
  const rows = useMemo(
    () =>
      output.accounts
        .filter((a) => a.community === community)
        .sort((a, b) => b.score - a.score || (b.posts ?? 0) - (a.posts ?? 0)),
    [output, community],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change identity on purpose (React Compiler skips this component; fine here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div className="members" data-testid="members">
      <div className="members-head">
        <span>Account</span>
        <span>Posts</span>
        <span>Score</span>
      </div>
      <div ref={scroller} className="members-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = rows[item.index];
            return (
              <button
                type="button"
                key={a.index}
                className={`member${a.flagged ? ' flagged' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => store.update('selection', selectNode(String(a.index)))}
                title={showBidiControls(a.reasons.join('\n'))}
              >
                <span className="ellipsis">
                  <AccountName screenName={a.screenName} accountId={a.accountId} />
                </span>
                <span className="num">{a.posts ?? ''}</span>
                <span className="num">{fixed(a.score)}</span>
              </button>
            );
          })}
        </div>
      </div>
      <div className="muted small">{rows.length.toLocaleString('en-US')} members</div>
    </div>
  );
}
