import { useMemo } from 'react';
import type { AnalysisOutput } from '../../shared/analysis/result';
import {
  resetFilters,
  setFlaggedOnly,
  setMinWeight,
  setSearch,
  setSizeMetric,
  SIZE_METRICS,
  toggleEdgeKind,
  type FiltersState,
  type SizeMetric,
} from '../state/filters/producers';
import { store, useAppState, type Producer } from '../state/store';

export function FiltersBar({ output }: { output: AnalysisOutput }) {
  const f = useAppState((s) => s.filters);
  const kinds = useMemo(() => [...new Set(output.graph.edges.map((e) => e.kind))].sort(), [output]);
  const set = (producer: Producer<FiltersState>) => store.update('filters', producer);
  return (
    <div className="filters" role="search">
      <input
        type="search"
        aria-label="Search accounts"
        placeholder="Search accounts…"
        value={f.search}
        onChange={(e) => set(setSearch(e.target.value))}
      />
      <label>
        Size by
        <select value={f.sizeMetric} onChange={(e) => set(setSizeMetric(e.target.value as SizeMetric))}>
          {SIZE_METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={f.flaggedOnly} onChange={(e) => set(setFlaggedOnly(e.target.checked))} />{' '}
        Flagged only
      </label>
      <label>
        Min. weight
        <input
          type="number"
          min={0}
          step={1}
          value={f.minWeight}
          onChange={(e) => set(setMinWeight(Number(e.target.value)))}
          style={{ width: '5em' }}
        />
      </label>
      {kinds.length > 1 &&
        kinds.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={!f.hiddenEdgeKinds.includes(k)} onChange={() => set(toggleEdgeKind(k))} />{' '}
            {k}
          </label>
        ))}
      <button type="button" onClick={() => set(resetFilters())}>
        Reset
      </button>
    </div>
  );
}
