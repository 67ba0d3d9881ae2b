// A table of report rows sorted by clicking a column header (again: the other way round). Cells are
// text the caller formatted from core's figures; sorting uses the raw value behind each cell.
import { useMemo, useState } from 'react';

export interface SortColumn<R> {
  title: string;
  /** the formatted cell */
  text: (row: R) => string;
  /** what the column sorts by (numbers numerically, text by the language's collation) */
  value: (row: R) => number | string | null;
  num?: boolean;
  /** a name kept on one line (a township, a village): cut with … when too long, whole in its title */
  nowrap?: boolean;
}

export function SortableTable<R>({
  columns,
  rows,
  rowKey,
  testid,
  lang,
  defaultSort = null,
  onRowClick,
  selectedKey,
}: {
  columns: SortColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  testid: string;
  lang: 'zh' | 'en';
  /** the order before any header is clicked (e.g. the largest area first) */
  defaultSort?: { col: number; dir: 1 | -1 } | null;
  /** makes rows clickable (the review zooms to a conflict) */
  onRowClick?: (row: R) => void;
  /** the key of the row shown as selected */
  selectedKey?: string | null;
}) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(defaultSort);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns[sort.col];
    if (!col) return rows;
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
    return [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      // empty cells last whichever the direction
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const d =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return d * sort.dir;
    });
  }, [rows, columns, sort, lang]);
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="stats compact sortable" data-testid={testid}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th
                key={c.title}
                className={c.num ? 'num' : undefined}
                aria-sort={sort?.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  className="link sort"
                  onClick={() =>
                    setSort((s) =>
                      s?.col === i ? { col: i, dir: s.dir === 1 ? -1 : 1 } : { col: i, dir: c.num ? -1 : 1 },
                    )
                  }
                >
                  {c.title}
                  {sort?.col === i ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            <tr
              key={rowKey(r, i)}
              data-key={rowKey(r, i)}
              className={
                [onRowClick ? 'clickable' : '', selectedKey === rowKey(r, i) ? 'selected' : '']
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              onClick={onRowClick ? () => onRowClick(r) : undefined}
            >
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.title}>{c.text(r)}</th>
                ) : (
                  <td
                    key={c.title}
                    className={c.num ? 'num' : c.nowrap ? 'nowrap' : undefined}
                    title={c.nowrap ? c.text(r) : undefined}
                  >
                    {c.text(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
