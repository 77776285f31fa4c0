"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { rowsOf, str, type Row } from "@/components/hooks/queries/types";
import { DataTable } from "./data-table";
import { QueryBoundary } from "./states";
import type { Column, SortState } from "./table-model";

/**
 * A DataTable over one endpoint's rows, with its loading and error states. Typed by the
 * endpoint's response D and its rows R (`select`); untyped, the rows are guessed by rowsOf.
 */
export function ApiTable<D = unknown, R = Row>({
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
  /** The rows of the response (required for a typed response; untyped, its main list). */
  select?: (data: D) => readonly R[];
}) {
  return (
    <QueryBoundary query={query} label={`Loading ${title.toLowerCase()}`}>
      {(data) => {
        const rows = select ? select(data) : rowsOf<R>(data);
        return (
          <DataTable
            title={title}
            rows={rows}
            columns={columns}
            testId={testId}
            rowKey={(r) => rowKey.map((k) => str(r[k])).join("|") || JSON.stringify(r)}
            initialSort={initialSort}
            emptyMessage={emptyMessage}
          />
        );
      }}
    </QueryBoundary>
  );
}
