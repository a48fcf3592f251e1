import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CommunityExtra } from '../../../shared/api/explore-types';
import { showBidiControls } from '../../../shared/io/visible-controls';
import { openAccount } from '../../state/explore/producers';
import { useChannel } from '../../state/explore/use-channel';
import { store } from '../../state/store';
import { DataTable, type Column } from '../explore/DataTable';
import { Imported } from '../Imported';
import { timeTick } from '../timeline/display-bins';

type Target = CommunityExtra['topTargets'][number];
type Repeated = CommunityExtra['repeatedTexts'][number];

const month = (t: number) => new Date(t * 1000).toISOString().slice(0, 7);
const day = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').slice(5, 16);

const TARGET_COLUMNS: Column<Target>[] = [
  {
    id: 'account',
    header: 'Account',
    value: (t) => (t.screenName ? `@${t.screenName}` : t.accountId) + (t.member ? ' (member)' : ''),
  },
  { id: 'members', header: 'Members', value: (t) => t.members, numeric: true, width: 62 },
  { id: 'interactions', header: 'Ties', value: (t) => t.interactions, numeric: true, width: 52 },
];

const TEXT_COLUMNS: Column<Repeated>[] = [
  {
    id: 'text',
    header: 'Text',
    value: (t) => t.text,
    render: (t) => (
      <span title={showBidiControls(t.text)}>
        <Imported text={t.text} />
      </span>
    ),
  },
  { id: 'accounts', header: 'Accounts', value: (t) => t.accounts, numeric: true, width: 62 },
  { id: 'posts', header: 'Posts', value: (t) => t.posts, numeric: true, width: 48 },
];

/** Creation dates, activity over time, top targets and repeated texts of one community (community.get). */
export function CommunityCharts({ id }: { id: number }) {
  const state = useChannel('community.get', { community: id }, String(id));
  if (state.loading) return <p className="muted small">Loading charts…</p>;
  if ('error' in state) return <p className="error small">{state.error}</p>;
  const extra = state.value;
  const activity = extra.activity.map((b) => ({ ...b, t: b.start }));
  return (
    <div data-testid="community-charts">
      <h3>Account creation (per month)</h3>
      {extra.creation.length === 0 ? (
        <p className="muted small">No creation dates in the data.</p>
      ) : (
        <div className="chart small" data-testid="creation-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={extra.creation} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
              <CartesianGrid stroke="#eee" vertical={false} />
              <XAxis dataKey="start" tickFormatter={month} fontSize={10} minTickGap={16} />
              <YAxis allowDecimals={false} fontSize={10} width={32} />
              <Tooltip labelFormatter={(t) => month(Number(t))} formatter={(v) => [String(v), 'accounts']} />
              <Bar dataKey="count" fill="#8e5ea2" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <h3>Activity over time</h3>
      {extra.activity.length === 0 ? (
        <p className="muted small">No dated posts.</p>
      ) : (
        <div className="chart small" data-testid="activity-chart">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={activity} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#eee" vertical={false} />
              <XAxis
                dataKey="start"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={timeTick(activity)}
                fontSize={10}
              />
              <YAxis allowDecimals={false} fontSize={10} width={32} />
              <Tooltip labelFormatter={(t) => `${day(Number(t))} UTC`} formatter={(v) => [String(v), 'posts']} />
              <Area
                type="stepAfter"
                dataKey="count"
                stroke="#3b5b8c"
                fill="#3b5b8c"
                fillOpacity={0.25}
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
      <h3>Top targets</h3>
      {extra.topTargets.length === 0 ? (
        <p className="muted small">No interactions in the data.</p>
      ) : (
        <DataTable
          rows={extra.topTargets}
          columns={TARGET_COLUMNS}
          height={Math.min(160, extra.topTargets.length * 26 + 4)}
          rowKey={(t) => t.accountId}
          onRowClick={(t) => store.update('explore', openAccount(t.accountId))}
          testId="top-targets"
        />
      )}
      <h3>Repeated texts</h3>
      {extra.repeatedTexts.length === 0 ? (
        <p className="muted small">No text posted by more than one member.</p>
      ) : (
        <DataTable
          rows={extra.repeatedTexts}
          columns={TEXT_COLUMNS}
          height={Math.min(160, extra.repeatedTexts.length * 26 + 4)}
          rowKey={(t) => t.text}
          testId="repeated-texts"
        />
      )}
    </div>
  );
}
