import { useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Timeline } from '../../../shared/analysis/bursts';
import { useChannel } from '../../state/explore/use-channel';
import { DataTable, type Column } from '../explore/DataTable';
import { count } from '../format';
import { Imported } from '../Imported';
import { displayBins, timeTick } from './display-bins';

const stamp = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').slice(5, 16);

const COLUMNS: Column<Timeline>[] = [
  { id: 'key', header: 'Key', value: (t) => (t.kind === 'hashtag' ? `#${t.key}` : t.key) },
  { id: 'posts', header: 'Posts', value: (t) => t.posts, numeric: true, width: 56 },
  { id: 'bursts', header: 'Bursts', value: (t) => t.bursts.length, numeric: true, width: 52 },
];

/** Hashtag or term timelines (the analysis's binning and burst detection), one drawn with its bursts shaded. */
export function TimelineView() {
  const [kind, setKind] = useState<'hashtag' | 'term'>('hashtag');
  const [termText, setTermText] = useState('');
  const [terms, setTerms] = useState<string[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const key = kind === 'term' && terms.length === 0 ? null : `${kind}:${JSON.stringify(terms)}`;
  const state = useChannel('timeline.get', { kind, terms: kind === 'term' ? terms : undefined, limit: 100 }, key);
  const set = state.loading || 'error' in state ? null : state.value;
  const error = !state.loading && 'error' in state ? state.error : null;
  const chosen = set?.timelines.some((t) => t.key === picked) ? picked : (set?.timelines[0]?.key ?? null);
  const shown = key === null ? null : set;
  const timeline = shown?.timelines.find((t) => t.key === chosen) ?? null;
  return (
    <div className="explore-view" data-testid="timeline-view">
      <div className="timeline-layout">
        <section className="card-white">
          <div className="row">
            <label>
              <input type="radio" checked={kind === 'hashtag'} onChange={() => setKind('hashtag')} /> Hashtags
            </label>
            <label>
              <input type="radio" checked={kind === 'term'} onChange={() => setKind('term')} /> Terms
            </label>
          </div>
          {kind === 'term' && (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                setTerms(
                  termText
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean)
                    .slice(0, 50),
                );
              }}
            >
              <input
                className="grow"
                placeholder="words or phrases, comma-separated"
                value={termText}
                onChange={(e) => setTermText(e.target.value)}
                aria-label="Terms"
              />
              <button type="submit">Show</button>
            </form>
          )}
          {error && <p className="error">{error}</p>}
          {shown && (
            <>
              <p className="muted small">
                {shown.total === 0
                  ? `No ${kind === 'hashtag' ? 'hashtag' : 'term'} has enough posts for a timeline.`
                  : `${count(shown.timelines.length)} of ${count(shown.total)} timelines, most bursty first.`}
              </p>
              <DataTable
                rows={shown.timelines}
                columns={COLUMNS}
                height={440}
                rowKey={(t) => t.key}
                activeKey={chosen}
                onRowClick={(t) => setPicked(t.key)}
                testId="timeline-list"
              />
            </>
          )}
        </section>
        <section className="card-white">
          {timeline ? <TimelineChart timeline={timeline} /> : <p className="muted">Choose a timeline on the left.</p>}
        </section>
      </div>
    </div>
  );
}

function TimelineChart({ timeline }: { timeline: Timeline }) {
  const { data, width } = useMemo(() => displayBins(timeline), [timeline]);
  // A burst of minutes in a month-long chart would be a hairline: shade at least 1 % of the span.
  const minShade = data.length > 1 ? (data[data.length - 1].t - data[0].t) / 100 : 0;
  const label = timeline.kind === 'hashtag' ? `#${timeline.key}` : `“${timeline.key}”`;
  return (
    <div data-testid="timeline-chart">
      <h2>
        <Imported text={label} />
      </h2>
      <p className="muted small">
        {count(timeline.posts)} posts by {count(timeline.accounts)} accounts · bursts found in{' '}
        {timeline.binSeconds / 60}
        -minute bins, drawn in{' '}
        {width >= 3600 ? `${(width / 3600).toFixed(width % 3600 ? 1 : 0)} h` : `${width / 60} min`} bars, bursts shaded
      </p>
      {data.length === 0 ? (
        <p className="muted">Counts are kept for the 100 most bursty timelines only.</p>
      ) : (
        <div className="chart">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={data} margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#eee" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={timeTick(data)}
                fontSize={11}
              />
              <YAxis allowDecimals={false} fontSize={11} width={40} />
              <Tooltip labelFormatter={(t) => `${stamp(Number(t))} UTC`} formatter={(v) => [String(v), 'posts']} />
              {timeline.bursts.map((b, i) => (
                <ReferenceArea
                  key={i}
                  x1={b.start}
                  x2={Math.max(b.end, b.start + Math.max(width, minShade))}
                  fill="#c62828"
                  fillOpacity={0.25}
                  ifOverflow="extendDomain"
                />
              ))}
              <Area
                type="stepAfter"
                dataKey="n"
                stroke="#3b5b8c"
                fill="#3b5b8c"
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
      <h3>Bursts</h3>
      {timeline.bursts.length === 0 ? (
        <p className="muted small">No burst: no bin rose far above this key&apos;s usual rate.</p>
      ) : (
        <ul className="burst-list" data-testid="bursts">
          {timeline.bursts.map((b, i) => (
            <li key={i}>
              <strong>
                {stamp(b.start)}–{stamp(b.end)} UTC
              </strong>{' '}
              · {count(b.posts)} posts by {count(b.accounts)} accounts · peak z {b.peakZ.toFixed(1)}
              <div className="muted small">
                <Imported text={b.reason} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
