import { useState } from 'react';
import { actions } from '../state/actions';
import { setParameters } from '../state/analysis/producers';
import { openImport } from '../state/importing/producers';
import { chooseProject } from '../state/project/producers';
import { store, useAppState } from '../state/store';
import { useFileDrop } from './import/use-file-drop';
import { ProgressBar } from './ProgressBar';

export function Toolbar() {
  const project = useAppState((s) => s.project);
  const analysis = useAppState((s) => s.analysis);
  const importOpen = useAppState((s) => s.importing.open);
  const [showParams, setShowParams] = useState(false);
  useFileDrop();
  const p = analysis.parameters;
  const running = analysis.jobId !== null;

  return (
    <header className="toolbar">
      <strong className="brand">Claque</strong>
      <span className="project-name" title={project.file ?? ''}>
        {project.file ?? 'no project'}
      </span>
      <button type="button" onClick={() => store.update('project', chooseProject(!project.choosing))}>
        Open…
      </button>
      <button type="button" disabled={!project.file} onClick={() => store.update('importing', openImport(!importOpen))}>
        Import…
      </button>
      <button
        type="button"
        disabled={!project.file}
        onClick={() => setShowParams((v) => !v)}
        aria-expanded={showParams}
      >
        Options
      </button>
      <button
        type="button"
        className="primary"
        disabled={!project.file || running}
        onClick={() => void actions().runAnalysis(store.get().analysis.parameters)}
      >
        Analyze
      </button>
      {running && (
        <span className="job" data-testid="analysis-progress">
          <ProgressBar fraction={analysis.progress?.fraction ?? null} label={analysis.progress?.stage ?? 'starting'} />
          <button type="button" onClick={() => void actions().cancelJob(analysis.jobId)}>
            Cancel
          </button>
        </span>
      )}
      {analysis.error && (
        <span className="error" role="alert">
          {analysis.error}
        </span>
      )}
      <span className="spacer" />
      {showParams && (
        <div className="params" role="group" aria-label="Analysis options">
          <label>
            Graph
            <select
              value={p.graph}
              onChange={(e) => store.update('analysis', setParameters({ graph: e.target.value as typeof p.graph }))}
            >
              <option value="default">default (by data)</option>
              <option value="interaction">interaction</option>
              <option value="coaction">co-action</option>
              <option value="projection">shared targets (pages, accounts)</option>
            </select>
          </label>
          <label>
            Co-action window (s)
            <input
              type="number"
              min={0}
              value={p.windowSeconds ?? 60}
              disabled={p.autoWindow === true}
              onChange={(e) =>
                store.update(
                  'analysis',
                  setParameters({ windowSeconds: Math.max(0, Math.round(Number(e.target.value))) }),
                )
              }
            />
          </label>
          <label title="Estimate the window from the data (CooRnet's estimate_coord_interval)">
            Estimate
            <input
              type="checkbox"
              checked={p.autoWindow === true}
              onChange={(e) => store.update('analysis', setParameters({ autoWindow: e.target.checked || undefined }))}
            />
          </label>
          <label title="Analyse only this period (UTC days, inclusive); empty: all the data">
            From
            <input
              type="date"
              value={dayOf(p.from)}
              onChange={(e) => store.update('analysis', setParameters({ from: dayStart(e.target.value) }))}
            />
          </label>
          <label>
            to
            <input
              type="date"
              value={dayOf(p.to)}
              onChange={(e) => {
                const start = dayStart(e.target.value);
                store.update('analysis', setParameters({ to: start === undefined ? undefined : start + 86_399 }));
              }}
            />
          </label>
          <label>
            Resolution
            <input
              type="number"
              min={0.05}
              step={0.05}
              value={p.resolution}
              onChange={(e) =>
                store.update('analysis', setParameters({ resolution: Math.max(0.05, Number(e.target.value)) }))
              }
            />
          </label>
          <label>
            Seed
            <input
              type="number"
              min={0}
              value={p.seed}
              onChange={(e) =>
                store.update('analysis', setParameters({ seed: Math.max(0, Math.round(Number(e.target.value))) }))
              }
            />
          </label>
        </div>
      )}
    </header>
  );
}

/** A date input's value (YYYY-MM-DD, read as a UTC day) as Unix seconds at its start; undefined when empty. */
function dayStart(value: string): number | undefined {
  const t = Date.parse(value + 'T00:00:00Z');
  return Number.isFinite(t) ? t / 1000 : undefined;
}

/** The UTC day of a Unix time, for a date input; '' when unset. */
function dayOf(t: number | undefined): string {
  return t === undefined ? '' : new Date(t * 1000).toISOString().slice(0, 10);
}
