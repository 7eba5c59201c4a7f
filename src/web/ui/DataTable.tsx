import { useId, type ReactNode } from 'react';

export type TSortDirection = 'asc' | 'desc';

export interface TSort<TKey extends string> {
  key: TKey;
  direction: TSortDirection;
}

export interface TColumn<TRow, TKey extends string> {
  /** Stable id of the column (React key). */
  id: string;
  label: string;
  /** Makes the header a button that sorts by this key. */
  sortKey?: TKey;
  /** The cell of this column is the row's header (th scope="row"), e.g. the user name. */
  rowHeader?: boolean;
  /** Hides the header text visually (e.g. "Actions"); screen readers still hear it. */
  hiddenLabel?: boolean;
  render: (row: TRow) => ReactNode;
}

interface TDataTableProps<TRow, TKey extends string> {
  caption: ReactNode;
  columns: readonly TColumn<TRow, TKey>[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string;
  sort?: TSort<TKey> | undefined;
  onSort?: ((sort: TSort<TKey>) => void) | undefined;
  /** Shown in one cell spanning the table when there are no rows. */
  empty: ReactNode;
  /** While a new page of rows is on its way. */
  busy?: boolean;
}

/**
 * A data table with a caption and column headers (th scope="col"); sortable columns have a
 * button in their header, and the header says how the table is sorted (aria-sort).
 */
export function DataTable<TRow, TKey extends string>({ caption, columns, rows, rowKey, sort, onSort, empty, busy }: TDataTableProps<TRow, TKey>) {
  const captionId = useId();
  const toggle = (key: TKey) => {
    if (!onSort) return;
    onSort({ key, direction: sort?.key === key && sort.direction === 'asc' ? 'desc' : 'asc' });
  };
  return (
    // Focusable so keyboard users can scroll it on a narrow screen.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" aria-busy={busy ? true : undefined}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = column.sortKey !== undefined && sort?.key === column.sortKey ? sort.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={column.sortKey === undefined ? undefined : sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  {column.sortKey !== undefined && onSort ? (
                    <SortButton label={column.label} direction={sorted} onClick={() => column.sortKey !== undefined && toggle(column.sortKey)} />
                  ) : column.hiddenLabel ? (
                    <span className="visually-hidden">{column.label}</span>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row">
                      {column.render(row)}
                    </th>
                  ) : (
                    <td key={column.id}>{column.render(row)}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function SortButton({ label, direction, onClick }: { label: string; direction: TSortDirection | undefined; onClick: () => void }) {
  return (
    <button type="button" className="sort-button" onClick={onClick}>
      {label}
      <span className={`sort-indicator sort-${direction ?? 'none'}`} aria-hidden="true" />
    </button>
  );
}
