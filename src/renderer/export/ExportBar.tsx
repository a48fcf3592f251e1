import { useState } from 'react';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { CSV_TABLES, type CsvTable, type ExportOutcome } from '../../shared/api/contract';
import { currentMap } from '../graph/current-map';
import { query } from '../state/explore/client';
import { useAppState } from '../state/store';
import { downloadBlob } from './download';
import { defaultCaption, mapToPng } from './map-png';
import { viewMask, visibleNodePositions } from './view-nodes';

/** Print resolution: three output pixels per screen pixel. */
export const PNG_SCALE = 3;

const save = (o: ExportOutcome) => downloadBlob(new Blob([o.content], { type: o.mimeType }), o.fileName);

/** Exports of what is on screen: PNG of the map, GEXF of the view or all, CSV tables, the evidence report. */
export function ExportBar({ output }: { output: AnalysisOutput }) {
  const project = useAppState((s) => s.project.file);
  const community = useAppState((s) => s.selection.selectedCommunity);
  const tab = useAppState((s) => s.explore.tab);
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(true);
    setStatus(`${label}…`);
    try {
      setStatus(await work());
    } catch (err) {
      setStatus(`${label} failed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const png = () =>
    run('PNG', async () => {
      const map = currentMap();
      if (!map) throw new Error('no map is drawn');
      const shown = visibleNodePositions(output, map).length;
      const blob = await mapToPng(map.sigma, output, {
        scale: PNG_SCALE,
        caption: defaultCaption(output, project, shown, new Date()),
      });
      const base = project ? (project.split(/[\\/]/).pop() ?? 'claque').replace(/\.claque$/i, '') : 'claque';
      downloadBlob(blob, `${base}-map.png`);
      return `PNG saved (${(blob.size / 1e6).toFixed(1)} MB)`;
    });

  const gexfView = () =>
    run('GEXF', async () => {
      const map = currentMap();
      if (!map) throw new Error('no map is drawn');
      const nodes = visibleNodePositions(output, map);
      save(await query('export.gexf', { view: viewMask(nodes, output.graph.nodes.length) }));
      return `GEXF of the view saved (${nodes.length.toLocaleString('en-US')} nodes)`;
    });

  const gexfAll = () =>
    run('GEXF', async () => {
      save(await query('export.gexf', {}));
      return `GEXF saved (${output.graph.nodes.length.toLocaleString('en-US')} nodes)`;
    });

  const csv = (table: CsvTable) =>
    run('CSV', async () => {
      save(await query('export.csv', { table }));
      return `${table}.csv saved`;
    });

  const report = () =>
    run('Report', async () => {
      if (community === null) throw new Error('select a community first');
      save(await query('export.report', { community }));
      return `report on community #${community} saved`;
    });

  return (
    <div className="export-bar" data-testid="export-bar">
      <span className="muted small">Export</span>
      <button
        type="button"
        disabled={busy || tab !== 'map'}
        onClick={() => void png()}
        title="Map as PNG at print resolution, with legend and caption"
      >
        PNG
      </button>
      <button
        type="button"
        disabled={busy || tab !== 'map'}
        onClick={() => void gexfView()}
        title="GEXF of the nodes the filters show"
      >
        GEXF (view)
      </button>
      <button type="button" disabled={busy} onClick={() => void gexfAll()} title="GEXF of the whole graph">
        GEXF (all)
      </button>
      <select
        aria-label="CSV table"
        disabled={busy}
        value=""
        onChange={(e) => e.target.value && void csv(e.target.value as CsvTable)}
      >
        <option value="">CSV…</option>
        {CSV_TABLES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy || community === null}
        onClick={() => void report()}
        title="Evidence report (HTML, printable to PDF) on the selected community"
      >
        Report
      </button>
      <span className="muted small ellipsis export-status" data-testid="export-status" role="status">
        {status}
      </span>
    </div>
  );
}
