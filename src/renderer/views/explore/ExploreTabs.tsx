import { useEffect } from 'react';
import type { AnalysisOutput } from '../../../shared/analysis/result';
import { ExportBar } from '../../export/ExportBar';
import { openTab, resetExplore, type ExploreTab } from '../../state/explore/producers';
import { store, useAppState } from '../../state/store';
import { count } from '../format';
import './explore.css';

/**
 * The centre's views (map, cascades, timelines, an open comment thread) and the export bar, at the head of the side column so the
 * map keeps its size.
 */
export function ExploreTabs({ output }: { output: AnalysisOutput }) {
  const tab = useAppState((s) => s.explore.tab);
  const thread = useAppState((s) => s.explore.thread);
  // A new analysis: the open account and cascade belonged to the previous one.
  useEffect(() => store.update('explore', resetExplore()), [output]);
  const tabs: { id: ExploreTab; label: string }[] = [
    { id: 'map', label: 'Map' },
    { id: 'cascades', label: `Cascades (${count(output.cascades.length)})` },
    { id: 'timelines', label: 'Timelines' },
    // A comment thread is a view once one was opened (from a community's posts or a member's comment).
    ...(thread ? [{ id: 'thread' as const, label: 'Thread' }] : []),
  ];
  return (
    <div className="explore-nav">
      <div className="explore-tabs" role="tablist" aria-label="Views">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === t.id}
            onClick={() => store.update('explore', openTab(t.id))}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ExportBar output={output} />
    </div>
  );
}
