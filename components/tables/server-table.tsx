"use client";

import { useMemo, type ReactNode } from "react";
import { formatInteger } from "@/lib/domain/format";
import { apiGet, type QueryParams } from "@/components/hooks/queries/api-client";
import { usePagedQuery } from "@/components/hooks/queries/use-api-query";
import type { Endpoint, PathOf, ResponseOf } from "@/lib/api/endpoint";
import { Bdi } from "./bidi";
import { ExportButton } from "./export-button";
import { Pager } from "./pager";
import { SearchBox } from "./search-box";
import { rangeText, SERVER_PAGE_SIZE, tableApiParams } from "./server-table-state";
import { ErrorState, LoadingState } from "./states";
import { pageCount, shownColumns, type Column, type SortDirection, type SortState } from "./table-model";
import { columnClass, TableScroll } from "./table-scroll";
import { useServerTableState } from "./use-server-table-state";

/** A column of a server-paged table: sortable only when the API sorts by `sortField`. */
export type ServerColumn<Row> = Column<Row> & {
  sortField?: string;
  /** The first click's direction; default descending for numbers ("largest" is the question). */
  sortFirst?: SortDirection;
};

/** A row of a paged endpoint module's answer ({ total, page, pageSize, items }). */
export type RowOf<E> = ResponseOf<E> extends { items: readonly (infer R)[] } ? R : never;

interface ServerTableProps<E extends Endpoint> {
  title: string;
  testId: string;
  /** The paged endpoint module's path; rows are typed from its answer. */
  path: PathOf<E>;
  /** The global filters under the API's names; page, sort and search are added here. */
  filterParams: QueryParams;
  /** Must be stable (a module constant): the sortable fields are derived from it. */
  columns: readonly ServerColumn<RowOf<E>>[];
  /** Columns of the CSV when they differ from the table's (the file can carry full ARNs). */
  exportColumns?: readonly Column<RowOf<E>>[];
  /** The API's own default, so the plain link and the plain API call agree. Stable. */
  defaultSort: SortState;
  rowKey: (row: RowOf<E>) => string;
  searchPlaceholder: string;
  emptyMessage: string;
  caption?: ReactNode;
  /** Extra controls (filters) shown before the search box. */
  toolbar?: ReactNode;
  /** A line under the toolbar read from the response (e.g. what a column's figures cover). */
  note?: (data: ResponseOf<E>) => ReactNode;
}

/**
 * A table that shows one page of a paged endpoint at a time: the server filters, searches, sorts
 * and counts, so the first rows appear after one request however large the organization. Page,
 * sort and search live in the URL with the filters.
 */
export function ServerTable<E extends Endpoint>(props: ServerTableProps<E>) {
  const { title, testId, path, filterParams, columns, defaultSort } = props;
  const drawn = useMemo(() => shownColumns(columns), [columns]);
  const fields = useMemo(() => columns.flatMap((c) => (c.sortField ? [c.sortField] : [])), [columns]);
  const { state, update } = useServerTableState(fields, defaultSort);
  const query = usePagedQuery<ResponseOf<E> & { total: number; page: number; pageSize: number; items: RowOf<E>[] }>(path, { ...filterParams, ...tableApiParams(state) });
  const data = query.data;
  const pages = data ? pageCount(data.total, SERVER_PAGE_SIZE) : 1;
  // While a new page loads the previous one stays (placeholder): dimmed, and announced as busy.
  const stale = query.isPlaceholderData;

  const fetchPage = (page: number, pageSize: number, signal?: AbortSignal) =>
    apiGet<{ total: number; items: RowOf<E>[] }>(path, { ...filterParams, ...tableApiParams({ ...state, page }, pageSize) }, signal);

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3">
        {props.toolbar}
        <SearchBox value={state.search} placeholder={props.searchPlaceholder} onCommit={(search) => update({ search, page: 1 })} />
        <p className="ml-auto text-sm text-slate-600 tabular-nums" aria-live="polite" data-testid={`${testId}-count`}>
          {data ? rangeText(data.page, data.pageSize, data.total, data.items.length) : "…"}
        </p>
        <ExportButton title={title} testId={testId} columns={props.exportColumns ?? columns} fetchPage={fetchPage} expectedTotal={data?.total ?? null} />
      </div>
      {data === undefined ? (
        query.isError ? (
          <div className="p-3">
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          </div>
        ) : (
          <LoadingState label={`Loading ${title.toLowerCase()}`} />
        )
      ) : (
        <>
          {props.note ? <div className="border-b border-slate-200 px-3 py-2 text-sm text-slate-600" data-testid={`${testId}-note`}>{props.note(data)}</div> : null}
          {query.isError ? (
            <div className="p-3">
              <ErrorState error={query.error} onRetry={() => void query.refetch()} />
            </div>
          ) : null}
          <TableScroll className={`transition-opacity ${stale ? "opacity-60" : ""}`} aria-busy={stale}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{props.caption ?? title}</caption>
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  {drawn.map((c) => (
                    <HeaderCell key={c.id} column={c} sort={state.sort} onSort={(sort) => update({ sort, page: 1 })} />
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.items.map((row) => (
                  <tr key={props.rowKey(row)} className="hover:bg-slate-50">
                    {drawn.map((c) => (
                      <td key={c.id} className={`px-3 py-2 align-top text-slate-800 ${columnClass(c)} ${c.align === "right" ? "tabular-nums" : ""}`}>
                        {c.cell ? c.cell(row) : <Bdi>{String(c.value(row) ?? "")}</Bdi>}
                      </td>
                    ))}
                  </tr>
                ))}
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={drawn.length} className="px-3 py-8 text-center text-slate-600">
                      <EmptyMessage total={data.total} page={state.page} pages={pages} search={state.search} fallback={props.emptyMessage} onPage={(page) => update({ page })} />
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableScroll>
          {pages > 1 || state.page > 1 ? <Pager label={`${title} pages`} page={state.page} pages={pages} onPage={(page) => update({ page })} /> : null}
        </>
      )}
    </div>
  );
}

function HeaderCell<Row>({ column: c, sort, onSort }: { column: ServerColumn<Row>; sort: SortState; onSort: (sort: SortState) => void }) {
  const align = columnClass(c, "header");
  if (!c.sortField) {
    return (
      <th scope="col" className={`px-3 py-2 font-semibold ${align}`}>
        {c.header}
      </th>
    );
  }
  const active = sort.id === c.sortField;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 font-semibold ${align}`}>
      <button
        type="button"
        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600"
        onClick={() => onSort(active ? { id: sort.id, direction: sort.direction === "asc" ? "desc" : "asc" } : { id: c.sortField!, direction: c.sortFirst ?? (c.align === "right" ? "desc" : "asc") })}
      >
        {c.header}
        <span aria-hidden="true" className="text-slate-400">
          {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

function EmptyMessage({ total, page, pages, search, fallback, onPage }: { total: number; page: number; pages: number; search: string; fallback: string; onPage: (page: number) => void }) {
  if (total > 0 && page > pages) {
    return (
      <>
        Page {formatInteger(page)} is past the last page ({formatInteger(pages)}).{" "}
        <button type="button" className="font-medium text-sky-800 underline" onClick={() => onPage(pages)}>
          Go to the last page
        </button>
      </>
    );
  }
  if (search.trim()) return <>No row matches &ldquo;<Bdi>{search.trim()}</Bdi>&rdquo;. Clear the search to see every row for these filters.</>;
  return <>{fallback}</>;
}
