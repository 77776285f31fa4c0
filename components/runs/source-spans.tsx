"use client";

import type { ResponseOf } from "@/lib/api/endpoint";
import type { freshnessEndpoint } from "@/lib/endpoints/freshness";
import type { UseQueryResult } from "@tanstack/react-query";
import { ApiTable } from "@/components/tables/api-table";
import { textColumn } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";
import { sourceAsOfText } from "@/components/filters/source-freshness";

type Freshness = ResponseOf<typeof freshnessEndpoint>;
type SpanRow = Freshness["sources"][number];

// Runs: the days each source holds, apart from when it was last fetched (the scope table below):
// a cost fetch that succeeded yesterday may hold cost only up to weeks ago.
const columns: Column<SpanRow>[] = [
  textColumn("source", "Source", (r) => r.label),
  textColumn("from", "First day", (r) => r.from ?? "no data"),
  textColumn("through", "Data through", (r) => sourceAsOfText(r)),
];

export function SourceSpans({ query }: { query: UseQueryResult<Freshness> }) {
  return (
    <>
      <h2 className="text-lg font-semibold">Data as of, per source</h2>
      <ApiTable query={query} select={(data) => data.sources} title="Data as of per source" columns={columns} testId="source-spans-table" rowKey={["source"]} />
    </>
  );
}
