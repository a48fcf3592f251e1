import {
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactNode } from 'react';
import { Imported } from '../Imported';

const ROW_HEIGHT = 26;

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric },
});

/** One column: how to read the sort value, optionally how to draw the cell, and its width. */
export interface Column<T> {
  id: string;
  header: string;
  value: (row: T) => string | number;
  /** How to draw the cell; by default a string value is drawn as imported text (isolated, controls visible). */
  render?: (row: T) => ReactNode;
  /** Fixed width in pixels; columns without one share the rest. */
  width?: number;
  /** Right-aligned tabular numbers. */
  numeric?: boolean;
}

export interface DataTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  /** Height of the scrolling body in pixels. */
  height: number;
  initialSort?: { id: string; desc: boolean };
  onRowClick?: (row: T) => void;
  /** Which rows `onRowClick` applies to (all by default). */
  rowClickable?: (row: T) => boolean;
  rowKey: (row: T) => string;
  activeKey?: string | null;
  testId?: string;
  /** Called when the last rows come into view (for paging). */
  onEndReached?: () => void;
}

/**
 * A sortable table (TanStack Table v9, sorting feature) whose body is virtualised (TanStack Virtual): only
 * the rows in view are in the DOM, so 100 000 cascades or a long account history scroll as lightly as ten.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { columns } = props;
  const defs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: c.value,
        sortFn: c.numeric ? 'basic' : 'alphanumeric',
        sortDescFirst: c.numeric === true,
      })),
    [columns],
  );
  const table = useTable<typeof features, T>({
    features,
    data: props.rows,
    columns: defs,
    initialState: { sorting: props.initialSort ? [props.initialSort] : [] },
  });
  const rows = table.getRowModel().rows;
  const byId = new Map(columns.map((c) => [c.id, c]));
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer returns fresh functions on purpose (React Compiler skips this component; fine here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  if (props.onEndReached && last && last.index >= rows.length - 1) queueMicrotask(props.onEndReached);
  const template = columns.map((c) => (c.width ? `${c.width}px` : 'minmax(0, 1fr)')).join(' ');
  return (
    <div className="data-table" data-testid={props.testId} role="table" data-rows={rows.length}>
      <div className="dt-head" role="row" style={{ gridTemplateColumns: template }}>
        {table.getHeaderGroups()[0].headers.map((h) => {
          const sorted = h.column.getIsSorted();
          const col = byId.get(h.column.id)!;
          return (
            <button
              type="button"
              role="columnheader"
              key={h.id}
              className={col.numeric ? 'num' : ''}
              onClick={h.column.getToggleSortingHandler()}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            >
              {col.header}
              {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
            </button>
          );
        })}
      </div>
      <div ref={scroller} className="dt-body" style={{ height: props.height }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index].original;
            const key = props.rowKey(row);
            const click = props.onRowClick && (props.rowClickable?.(row) ?? true) ? props.onRowClick : undefined;
            return (
              <div
                role="row"
                key={key}
                data-key={key}
                className={`dt-row${click ? ' clickable' : ''}${props.activeKey === key ? ' active' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                onClick={click ? () => click(row) : undefined}
              >
                {columns.map((c) => (
                  <span role="cell" key={c.id} className={c.numeric ? 'num' : 'ellipsis'}>
                    {c.render ? c.render(row) : cell(c.value(row))}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** Table cells show ids, names, texts and hashtags from the data: strings go through <Imported>. */
function cell(value: string | number): ReactNode {
  return typeof value === 'string' ? <Imported text={value} /> : value;
}
