"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { DataTable } from "./data-table";
import { QueryBoundary } from "./states";
import type { Column, SortState } from "./table-model";

/** A DataTable over one endpoint's rows (`select` picks them from its typed answer), with its loading and error states. */
export function ApiTable<D, R>({
  query,
  title,
  columns,
  testId,
  rowKey,
  initialSort,
  emptyMessage,
  select,
}: {
  query: UseQueryResult<D>;
  title: string;
  columns: Column<R>[];
  testId: string;
  rowKey: Extract<keyof R, string>[];
  initialSort?: SortState;
  emptyMessage?: string;
  select: (data: D) => readonly R[];
}) {
  return (
    <QueryBoundary query={query} label={`Loading ${title.toLowerCase()}`}>
      {(data) => {
        const rows = select(data);
        return (
          <DataTable
            title={title}
            rows={rows}
            columns={columns}
            testId={testId}
            rowKey={(r) => rowKey.map((k) => String(r[k] ?? "")).join("|") || JSON.stringify(r)}
            initialSort={initialSort}
            emptyMessage={emptyMessage}
          />
        );
      }}
    </QueryBoundary>
  );
}
