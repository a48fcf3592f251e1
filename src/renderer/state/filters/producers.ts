export type SizeMetric = 'degree' | 'weightedDegree' | 'score' | 'uniform';
export const SIZE_METRICS: { id: SizeMetric; label: string }[] = [
  { id: 'degree', label: 'Degree' },
  { id: 'weightedDegree', label: 'Weighted degree' },
  { id: 'score', label: 'Coordination score' },
  { id: 'uniform', label: 'Uniform' },
];

export interface FiltersState {
  /** Communities shown; null = all. */
  communities: number[] | null;
  flaggedOnly: boolean;
  minWeight: number;
  /** Edge kinds hidden (all shown by default). */
  hiddenEdgeKinds: string[];
  search: string;
  sizeMetric: SizeMetric;
}

export const initialFilters: FiltersState = {
  communities: null,
  flaggedOnly: false,
  minWeight: 0,
  hiddenEdgeKinds: [],
  search: '',
  sizeMetric: 'degree',
};

export const showOnlyCommunities =
  (ids: number[] | null) =>
  (s: FiltersState): FiltersState => ({ ...s, communities: ids });

/** Toggles one community in or out of the shown set (from "all" it starts a set of that one). */
export const toggleCommunity =
  (id: number, all: number[]) =>
  (s: FiltersState): FiltersState => {
    const current = new Set(s.communities ?? all);
    if (current.has(id)) current.delete(id);
    else current.add(id);
    const next = all.filter((c) => current.has(c));
    return { ...s, communities: next.length === all.length ? null : next };
  };

export const setFlaggedOnly =
  (flaggedOnly: boolean) =>
  (s: FiltersState): FiltersState => ({ ...s, flaggedOnly });

export const setMinWeight =
  (minWeight: number) =>
  (s: FiltersState): FiltersState => ({
    ...s,
    minWeight: Number.isFinite(minWeight) && minWeight > 0 ? minWeight : 0,
  });

export const toggleEdgeKind =
  (kind: string) =>
  (s: FiltersState): FiltersState => ({
    ...s,
    hiddenEdgeKinds: s.hiddenEdgeKinds.includes(kind)
      ? s.hiddenEdgeKinds.filter((k) => k !== kind)
      : [...s.hiddenEdgeKinds, kind],
  });

export const setSearch =
  (search: string) =>
  (s: FiltersState): FiltersState => ({ ...s, search });

export const setSizeMetric =
  (sizeMetric: SizeMetric) =>
  (s: FiltersState): FiltersState => ({ ...s, sizeMetric });

export const resetFilters = () => (): FiltersState => initialFilters;
