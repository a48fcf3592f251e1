import { useMemo } from 'react';
import type { CascadeDetail } from '../../../shared/api/explore-types';
import { communityColor } from '../../../shared/io/community-colors';
import { isolatePlain } from '../../../shared/io/visible-controls';
import { openAccount } from '../../state/explore/producers';
import { store } from '../../state/store';
import { layoutTree } from './tree-layout';

const WIDTH = 560;
const HEIGHT = 420;
const MARGIN = { left: 24, right: 24, top: 12, bottom: 22 };

/**
 * The cascade tree as SVG: one column per generation, one circle per share, edges from parent to child.
 * The whole tree is fitted into a fixed box, so a 1 000-share star reads as a fan rather than a scroll.
 */
export function CascadeTree({ detail, rankOf }: { detail: CascadeDetail; rankOf: Map<number, number> }) {
  const layout = useMemo(() => layoutTree(detail.parent), [detail]);
  const col = Math.min(160, (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, layout.maxDepth));
  const rowH = Math.min(22, (HEIGHT - MARGIN.top - MARGIN.bottom) / Math.max(1, layout.leaves));
  const width = WIDTH;
  const height = HEIGHT;
  const r = Math.max(1, Math.min(6, rowH / 2.4));
  const x = (k: number) => MARGIN.left + layout.depth[k] * col;
  const y = (k: number) => MARGIN.top + rowH / 2 + layout.row[k] * rowH;
  const n = detail.parent.length;
  const color = (k: number) => communityColor(rankOf.get(detail.community[k]) ?? -1);
  // A tooltip holds no elements: the imported name is isolated with FSI…PDI and its controls made visible.
  const name = (k: number) =>
    isolatePlain(detail.screenNames[k] ? `@${detail.screenNames[k]}` : detail.accounts[k] || 'unknown');
  return (
    <div className="tree-wrap">
      <svg
        className="cascade-tree"
        data-testid="cascade-tree"
        data-nodes={n}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Cascade tree of ${n} nodes, ${layout.maxDepth} generations deep`}
      >
        {Array.from({ length: layout.maxDepth + 1 }, (_, d) => d)
          // Labels at least 44 px apart, so deep trees keep readable generation numbers.
          .filter((d) => d % Math.max(1, Math.ceil(44 / col)) === 0)
          .map((d) => (
            <text
              key={d}
              x={MARGIN.left + d * col}
              y={height - 4}
              fontSize={10}
              fill="#888"
              textAnchor={d === 0 ? 'start' : 'middle'}
            >
              {d === 0 ? 'root' : `gen ${d}`}
            </text>
          ))}
        <g stroke="#b8bcc4" strokeWidth={0.8} fill="none">
          {Array.from({ length: n - 1 }, (_, i) => {
            const k = i + 1;
            const p = detail.parent[k];
            const mx = (x(p) + x(k)) / 2;
            return <path key={k} d={`M${x(p)},${y(p)} C${mx},${y(p)} ${mx},${y(k)} ${x(k)},${y(k)}`} />;
          })}
        </g>
        <g>
          {Array.from({ length: n }, (_, k) => (
            <circle
              key={k}
              className="tree-node"
              cx={x(k)}
              cy={y(k)}
              r={k === 0 ? Math.max(4, r * 1.6) : r}
              fill={color(k)}
              stroke={k === 0 ? '#1d1d1f' : '#fff'}
              strokeWidth={k === 0 ? 1.5 : 0.5}
              onClick={() => detail.accounts[k] && store.update('explore', openAccount(detail.accounts[k]))}
            >
              <title>{`${name(k)} · ${k === 0 ? 'root' : `+${Math.round(detail.offset[k])} s`}`}</title>
            </circle>
          ))}
        </g>
      </svg>
    </div>
  );
}
