// Shapes the cost rows of GET /api/costs/by-bu into chart series: month × group → USD.
import { pivot } from "@/components/charts/series";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { costsByBuEndpoint } from "@/lib/endpoints/costs/by-bu";
import type { CostGrouping } from "@/lib/queries/kpi/cost-by-bu";

export type CostsByBu = ResponseOf<typeof costsByBuEndpoint>;
export type CostRow = CostsByBu["rows"][number];

export const monthOf = (r: CostRow): string => r.period.slice(0, 7);

/** Usage (total) per month and group ("(untagged)" is a group like any other). */
export function costByMonth(rows: readonly CostRow[]) {
  return pivot(rows, monthOf, (r) => r.group, (r) => r.total, 0);
}

/** Key storage and requests per month, summed over the groups. */
export function storageVsRequests(rows: readonly CostRow[]): { x: string; keys: number; requests: number }[] {
  const byMonth = new Map<string, { x: string; keys: number; requests: number }>();
  for (const r of rows) {
    const m = byMonth.get(monthOf(r)) ?? { x: monthOf(r), keys: 0, requests: 0 };
    m.keys += r.keys;
    m.requests += r.requests;
    byMonth.set(m.x, m);
  }
  return [...byMonth.values()].sort((a, b) => a.x.localeCompare(b.x));
}

/** The showback groupings of GET /api/costs/by-bu?groupBy=, with their column headers. */
export const COST_GROUPINGS = [
  { value: "bu", label: "Business unit" },
  { value: "account", label: "Account" },
] as const satisfies readonly { value: CostGrouping; label: string }[];

export function groupingLabel(value: CostGrouping): string {
  return COST_GROUPINGS.find((g) => g.value === value)!.label;
}
