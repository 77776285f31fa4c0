// Shapes cost rows from the API into chart series: month × group → USD.
import { num, pick, str, type Row } from "@/components/hooks/queries/types";
import { pivot } from "@/components/charts/series";
import { buLabel } from "@/lib/domain/business-unit";

export function monthOf(r: Row): string {
  return str(pick(r, "period", "month", "day")).slice(0, 7);
}

export function groupOf(r: Row, field: string): string {
  const v = str(pick(r, field, "businessUnit", "group"));
  return buLabel(v);
}

export function costOf(r: Row): number {
  const total = num(pick(r, "total", "cost", "billedCost", "unblendedCost"));
  if (total !== null) return total;
  return (num(pick(r, "keys", "storage", "keyCost")) ?? 0) + (num(pick(r, "requests", "requestCost")) ?? 0);
}

export function costByMonth(rows: readonly Row[], field: string) {
  return pivot(rows, monthOf, (r) => groupOf(r, field), costOf, 0);
}

/** The showback groupings of GET /api/costs/by-bu?groupBy=, with their column headers. */
export const COST_GROUPINGS = [
  { value: "bu", label: "Business unit" },
  { value: "account", label: "Account" },
] as const;
export type CostGrouping = (typeof COST_GROUPINGS)[number]["value"];

export function groupingLabel(value: CostGrouping): string {
  return COST_GROUPINGS.find((g) => g.value === value)!.label;
}
