"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { rowsOf, str, type Row } from "@/components/hooks/queries/types";
import { DataTable } from "./data-table";
import { QueryBoundary } from "./states";
import type { Column, SortState } from "./table-model";

/** A DataTable over one endpoint's rows, with its loading and error states. */
export function ApiTable({
  query,
  title,
  columns,
  testId,
  rowKey,
  initialSort,
  emptyMessage,
  select,
}: {
  query: UseQueryResult<unknown>;
  title: string;
  columns: Column<Row>[];
  testId: string;
  rowKey: string[];
  initialSort?: SortState;
  emptyMessage?: string;
  /** Rows from the response when they are not its main list. */
  select?: (data: unknown) => Row[];
}) {
  return (
    <QueryBoundary query={query} label={`Loading ${title.toLowerCase()}`}>
      {(data) => {
        const rows = select ? select(data) : rowsOf(data);
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
