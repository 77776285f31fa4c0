"use client";

import { useMemo, useState, type ReactNode } from "react";
import { csvFileName, toCsv } from "@/lib/export/csv";
import { formatInteger } from "@/lib/domain/format";
import { nextSort, pageCount, searchRows, shownColumns, sortRows, type Column, type SortState } from "./table-model";
import { Bdi } from "./bidi";
import { downloadText } from "./download";
import { columnClass, TableScroll } from "./table-scroll";

interface DataTableProps<Row> {
  /** Accessible name and CSV file stem. */
  title: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  testId: string;
  initialSort?: SortState | null;
  searchPlaceholder?: string;
  pageSize?: number;
  /** Extra controls (filters) shown before the search box. */
  toolbar?: ReactNode;
  /** Shown instead of the body when no row matches. */
  emptyMessage?: string;
  caption?: ReactNode;
}

/**
 * Searchable, sortable, paged table. "Export CSV" writes every row that matches the search, in
 * the shown order, with the raw values behind the formatted cells: the file is what the table
 * shows, across pages.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { title, rows, columns, rowKey, testId, pageSize = 25 } = props;
  const drawn = useMemo(() => shownColumns(columns), [columns]);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const [page, setPage] = useState(0);

  const shown = useMemo(() => sortRows(searchRows(rows, columns, query), columns, sort), [rows, columns, query, sort]);
  const pages = pageCount(shown.length, pageSize);
  const current = Math.min(page, pages - 1);
  const visible = shown.slice(current * pageSize, (current + 1) * pageSize);

  const exportCsv = () => {
    const csv = toCsv(columns.map((c) => ({ header: c.header, value: c.value })), shown);
    downloadText(csv, csvFileName(title), "text/csv;charset=utf-8");
  };

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3">
        {props.toolbar}
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Search
          <input
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
            placeholder={props.searchPlaceholder ?? "Filter rows"}
            className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
          />
        </label>
        <p className="ml-auto text-sm text-slate-600" aria-live="polite" data-testid={`${testId}-count`}>
          {formatInteger(shown.length)} of {formatInteger(rows.length)} rows
        </p>
        <button
          type="button"
          onClick={exportCsv}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          Export CSV
        </button>
      </div>
      <TableScroll>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{props.caption ?? title}</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {drawn.map((c) => {
                const active = sort?.id === c.id;
                const ariaSort = active ? (sort!.direction === "asc" ? "ascending" : "descending") : "none";
                return (
                  <th key={c.id} scope="col" aria-sort={c.sortable === false ? undefined : ariaSort} className={`px-3 py-2 font-semibold ${columnClass(c, "header")}`}>
                    {c.sortable === false ? (
                      c.header
                    ) : (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600"
                        onClick={() => setSort(nextSort(sort, c.id, c.align === "right"))}
                      >
                        {c.header}
                        <span aria-hidden="true" className="text-slate-400">{active ? (sort!.direction === "asc" ? "▲" : "▼") : "↕"}</span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {visible.map((row) => (
              <tr key={rowKey(row)} className="hover:bg-slate-50">
                {drawn.map((c) => (
                  <td key={c.id} className={`px-3 py-2 align-top text-slate-800 ${columnClass(c)} ${c.align === "right" ? "tabular-nums" : ""}`}>
                    {c.cell ? c.cell(row) : <Bdi>{String(c.value(row) ?? "")}</Bdi>}
                  </td>
                ))}
              </tr>
            ))}
            {visible.length === 0 ? (
              <tr>
                <td colSpan={drawn.length} className="px-3 py-8 text-center text-slate-600">
                  {query ? <>No row matches &ldquo;<Bdi>{query}</Bdi>&rdquo;. Clear the search to see all {formatInteger(rows.length)} rows.</> : (props.emptyMessage ?? "No rows for these filters.")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 ? (
        <nav aria-label={`${title} pages`} className="flex items-center justify-end gap-2 border-t border-slate-200 p-2 text-sm">
          <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>
          <span className="text-slate-700">
            Page {current + 1} of {pages}
          </span>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
