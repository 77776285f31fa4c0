// Shapes the cost rows of GET /api/costs/by-bu into chart series: month × group → USD.
import { pivot } from "@/components/charts/series";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { costsByBuEndpoint } from "@/lib/endpoints/costs/by-bu";

export type CostsByBu = ResponseOf<typeof costsByBuEndpoint>;
export type CostRow = CostsByBu["rows"][number];

export const monthOf = (r: CostRow): string => r.period.slice(0, 7);

/** Usage (total) per month and group ("(untagged)" is a group like any other). */
export function costByMonth(rows: readonly CostRow[]) {
  return pivot(rows, monthOf, (r) => r.group, (r) => r.total, 0);
}

/** The showback groupings of GET /api/costs/by-bu?groupBy=, with their column headers. */
export const COST_GROUPINGS = [
  { value: "bu", label: "Business unit" },
  { value: "account", label: "Account" },
] as const;
/** Checked against the endpoint's groupBy when the view sends it (useEndpoint's parameter type). */
export type CostGrouping = (typeof COST_GROUPINGS)[number]["value"];

export function groupingLabel(value: CostGrouping): string {
  return COST_GROUPINGS.find((g) => g.value === value)!.label;
}
