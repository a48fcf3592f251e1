import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalysisOutput, CascadeResult } from '../../../shared/analysis/result';
import { showBidiControls } from '../../../shared/io/visible-controls';
import { openAccount, openCascade } from '../../state/explore/producers';
import { useChannel } from '../../state/explore/use-channel';
import { store, useAppState } from '../../state/store';
import { DataTable, type Column } from '../explore/DataTable';
import { count, fixed } from '../format';
import { AccountName, Imported } from '../Imported';
import { CascadeTree } from './CascadeTree';
import { cumulativeShares } from './tree-layout';

/** Nodes drawn at most; larger cascades are drawn up to this many shares (their metrics stay whole). */
const MAX_DRAWN = 5000;

export const SHAPE_LABELS: Record<CascadeResult['shape'], string> = {
  star_broadcast: 'star broadcast',
  synchronised_burst: 'synchronised burst',
  multi_generation: 'multi-generation',
  small: 'small',
};

export const seconds = (s: number | null) =>
  s === null || !Number.isFinite(s)
    ? '–'
    : s < 120
      ? `${Math.round(s)} s`
      : s < 7200
        ? `${(s / 60).toFixed(1)} min`
        : `${(s / 3600).toFixed(1)} h`;

const COLUMNS: Column<CascadeResult>[] = [
  {
    id: 'root',
    header: 'Root post',
    value: (c) => c.rootPostId,
    render: (c) => (
      <span title={showBidiControls(c.rootPostId)}>
        <Imported text={c.rootPostId} />
      </span>
    ),
  },
  { id: 'size', header: 'Size', value: (c) => c.size, numeric: true, width: 60 },
  {
    id: 'virality',
    header: 'Virality',
    value: (c) => c.structuralVirality,
    render: (c) => fixed(c.structuralVirality),
    numeric: true,
    width: 64,
  },
  { id: 'firstMinute', header: '1st min', value: (c) => c.sharesFirstMinute, numeric: true, width: 60 },
  { id: 'depth', header: 'Depth', value: (c) => c.depth, numeric: true, width: 50 },
  {
    id: 'shape',
    header: 'Shape',
    value: (c) => c.shape,
    render: (c) => SHAPE_LABELS[c.shape],
    width: 120,
  },
];

/** Every cascade in a sortable list; the chosen one drawn as a tree with its shape metrics and share timeline. */
export function CascadeView({ output }: { output: AnalysisOutput }) {
  const selected = useAppState((s) => s.explore.cascade);
  const rows = output.cascades;
  return (
    <div className="explore-view" data-testid="cascade-view">
      <div className="cascade-layout">
        <section className="card-white">
          <h2>Cascades</h2>
          <p className="muted small">
            {count(rows.length)} shared posts with their spread. Click a column to sort, a row to draw its tree.
          </p>
          <DataTable
            rows={rows}
            columns={COLUMNS}
            height={520}
            initialSort={{ id: 'size', desc: true }}
            rowKey={(c) => c.rootPostId}
            activeKey={selected}
            onRowClick={(c) => store.update('explore', openCascade(c.rootPostId))}
            testId="cascade-list"
          />
        </section>
        <section className="card-white">
          {selected ? (
            <CascadeDetailView key={selected} rootPostId={selected} output={output} />
          ) : (
            <p className="muted">Choose a cascade on the left.</p>
          )}
        </section>
      </div>
    </div>
  );
}

function CascadeDetailView({ rootPostId, output }: { rootPostId: string; output: AnalysisOutput }) {
  const state = useChannel('cascade.get', { rootPostId, maxNodes: MAX_DRAWN }, rootPostId);
  const detail = state.loading || 'error' in state ? null : state.value;
  const timeline = useMemo(() => (detail ? cumulativeShares(detail.offset) : []), [detail]);
  const rankOf = useMemo(() => new Map(output.communities.map((c, rank) => [c.id, rank])), [output]);
  if (!state.loading && 'error' in state) return <p className="error">{state.error}</p>;
  if (!detail) return <p className="muted">Loading cascade…</p>;
  const r = detail.result;
  return (
    <div data-testid="cascade-detail">
      <h2 className="ellipsis">
        Cascade of post <Imported text={r.rootPostId} />
      </h2>
      <p className="small">
        Root by{' '}
        {r.rootAccountId ? (
          <button type="button" className="link" onClick={() => store.update('explore', openAccount(r.rootAccountId))}>
            <AccountName screenName={detail.screenNames[0]} accountId={r.rootAccountId} />
          </button>
        ) : (
          <span className="muted">an account outside the data</span>
        )}{' '}
        · <span className={`shape-badge ${r.shape}`}>{SHAPE_LABELS[r.shape]}</span>
        {!r.usedFollows && <span className="muted"> · no follow data: every share hangs from the root</span>}
      </p>
      <div className="metrics" data-testid="cascade-metrics">
        <Metric label="Size (nodes)" value={count(r.size)} />
        <Metric label="Depth" value={count(r.depth)} />
        <Metric label="Max breadth" value={count(r.maxBreadth)} />
        <Metric label="Structural virality" value={fixed(r.structuralVirality)} />
        <Metric label="Shares in 1st minute" value={count(r.sharesFirstMinute)} />
        <Metric label="Time to half" value={seconds(r.secondsToHalf)} />
        <Metric label="Time to 90 %" value={seconds(r.secondsTo90)} />
        <Metric label="From one community" value={`${Math.round(100 * r.shareFromOneCommunity)} %`} />
      </div>
      <h3>
        Tree{' '}
        <span className="muted small">
          root at left, generations to the right, coloured by community
          {detail.truncated ? ` · first ${count(detail.parent.length)} of ${count(r.size)} nodes drawn` : ''}
        </span>
      </h3>
      <CascadeTree detail={detail} rankOf={rankOf} />
      <h3>Cumulative shares over time</h3>
      <div className="chart" data-testid="share-timeline">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={timeline} margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#eee" />
            <XAxis
              dataKey="t"
              type="number"
              domain={[0, 'dataMax']}
              tickFormatter={(t: number) => seconds(t)}
              fontSize={11}
            />
            <YAxis allowDecimals={false} fontSize={11} width={44} />
            <Tooltip
              formatter={(v) => [String(v), 'shares']}
              labelFormatter={(t) => `${seconds(Number(t))} after the root`}
            />
            <Line type="stepAfter" dataKey="shares" stroke="#3b5b8c" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <div className="metric">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}
