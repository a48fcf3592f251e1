/**
 * A minimal store in the gephi-lite manner: one state object split by domain, changed only through pure
 * producers `(state) => newState` applied with `update`, read in React through `useAppState(selector)`.
 */
import { useSyncExternalStore } from 'react';
import { initialAnalysis, type AnalysisState } from './analysis/producers';
import { initialExplore, type ExploreState } from './explore/producers';
import { initialFilters, type FiltersState } from './filters/producers';
import { initialImport, type ImportState } from './importing/producers';
import { initialProject, type ProjectSlice } from './project/producers';
import { initialSelection, type SelectionState } from './selection/producers';

export interface AppState {
  project: ProjectSlice;
  importing: ImportState;
  analysis: AnalysisState;
  filters: FiltersState;
  selection: SelectionState;
  explore: ExploreState;
}

export type Producer<S> = (state: S) => S;

export function initialState(): AppState {
  return {
    project: initialProject,
    importing: initialImport,
    analysis: initialAnalysis,
    filters: initialFilters,
    selection: initialSelection,
    explore: initialExplore,
  };
}

export interface Store {
  get(): AppState;
  update<D extends keyof AppState>(domain: D, producer: Producer<AppState[D]>): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: AppState = initialState()): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(domain, producer) {
      const next = producer(state[domain]);
      if (next === state[domain]) return;
      state = { ...state, [domain]: next };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const store = createStore();

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
