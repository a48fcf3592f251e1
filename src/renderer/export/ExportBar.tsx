import { useState } from 'react';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { CSV_TABLES, type CsvTable, type ExportOutcome } from '../../shared/api/contract';
import { currentMap, useCurrentMapKind, type AccountMap, type CommunityMetaMap } from '../graph/current-map';
import { query } from '../state/explore/client';
import { useAppState } from '../state/store';
import { downloadBlob } from './download';
import {
  communityCaption,
  communityLegend,
  defaultCaption,
  metaCaption,
  verdictLegend,
  type LegendItem,
} from './map-legend';
import { mapToPng } from './map-png';
import { metaGraphToGexf } from './meta-gexf';
import { viewMask, visibleEdgeCount, visibleNodePositions } from './view-nodes';

/** Print resolution: three output pixels per screen pixel. */
export const PNG_SCALE = 3;

const save = (o: ExportOutcome) => downloadBlob(new Blob([o.content], { type: o.mimeType }), o.fileName);

const baseName = (project: string | null) =>
  project ? (project.split(/[\\/]/).pop() ?? 'claque').replace(/\.claque$/i, '') : 'claque';

/** What the "view" GEXF button gives, for each kind of map on screen (its label and its tooltip). */
const GEXF_VIEW = {
  accounts: { label: 'GEXF (view)', title: 'GEXF of the accounts the filters show, with the edges among them' },
  community: {
    label: 'GEXF (view)',
    title: "GEXF of this community's accounts the filters show, with the edges among them, as on the map",
  },
  meta: {
    label: 'GEXF (communities)',
    title:
      'The community meta-graph as GEXF: one node per community (members, score, flagged, verdict colour, ' +
      'position) and one edge per linked pair (summed weight). Open a community for its accounts, or use GEXF (all).',
  },
} as const;

/** The picture, legend and caption of the map on screen. */
function pngOf(map: AccountMap | CommunityMetaMap, output: AnalysisOutput, project: string | null) {
  const now = new Date();
  const base = baseName(project);
  if (map.kind === 'meta') {
    const legend: LegendItem[] = verdictLegend(map.meta);
    return { legend, caption: metaCaption(map.meta, output, project, now), fileName: `${base}-communities-map.png` };
  }
  const shown = visibleNodePositions(output, map).length;
  if (map.community === null)
    return {
      legend: communityLegend(output),
      caption: defaultCaption(output, project, shown, now),
      fileName: `${base}-map.png`,
    };
  return {
    legend: communityLegend(output, map.community),
    caption: communityCaption(output, map.community, { nodes: shown, edges: visibleEdgeCount(map) }, project, now),
    fileName: `${base}-community-${map.community}-map.png`,
  };
}
/** Exports of what is on screen: PNG of the map, GEXF of the view or all, CSV tables, the evidence report. */
export function ExportBar({ output }: { output: AnalysisOutput }) {
  const project = useAppState((s) => s.project.file);
  const community = useAppState((s) => s.selection.selectedCommunity);
  const tab = useAppState((s) => s.explore.tab);
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const mapKind = useCurrentMapKind() ?? 'accounts';

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
      const { legend, caption, fileName } = pngOf(map, output, project);
      const blob = await mapToPng(map.sigma, legend, { scale: PNG_SCALE, caption });
      downloadBlob(blob, fileName);
      return `PNG saved (${(blob.size / 1e6).toFixed(1)} MB)`;
    });

  const gexfView = () =>
    run('GEXF', async () => {
      const map = currentMap();
      if (!map) throw new Error('no map is drawn');
      if (map.kind === 'meta') {
        const { nodes, edges } = map.meta;
        const flagged = nodes.filter((m) => m.flagged).length;
        const gexf = metaGraphToGexf(
          map.meta,
          `Claque community meta-graph: 1 node per community, ${nodes.length} communities, ${flagged} flagged, ` +
            `${output.graph.nodes.length} accounts`,
        );
        downloadBlob(new Blob([gexf], { type: 'application/gexf+xml' }), `${baseName(project)}-communities.gexf`);
        return (
          `GEXF of the community meta-graph saved (${nodes.length.toLocaleString('en-US')} communities, ` +
          `${edges.length.toLocaleString('en-US')} links)`
        );
      }
      const nodes = visibleNodePositions(output, map);
      save(await query('export.gexf', { view: viewMask(nodes, output.graph.nodes.length) }));
      const what = map.community === null ? 'the view' : `community #${map.community}`;
      return `GEXF of ${what} saved (${nodes.length.toLocaleString('en-US')} nodes)`;
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
        title={
          mapKind === 'meta'
            ? 'The community meta-graph as PNG at print resolution, with the verdict legend and a caption'
            : 'Map as PNG at print resolution, with legend and caption'
        }
      >
        PNG
      </button>
      <button
        type="button"
        disabled={busy || tab !== 'map'}
        onClick={() => void gexfView()}
        title={GEXF_VIEW[mapKind].title}
      >
        {GEXF_VIEW[mapKind].label}
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
