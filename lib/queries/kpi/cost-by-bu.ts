// KMS cost per business unit per day or month (DOMAIN.md §6.4): each month from its cost source
// (view kms_cost: the imported bill where a month has one, Cost Explorer UnblendedCost
// otherwise), split into key storage and requests, untagged kept as "(untagged)". Usage columns
// (keys, requests, other, total) hold usage only; the bill's credits, tax, corrections and
// adjustments are their own columns, and net adds them. Every row says its source. Monthly
// totals without an account or region cut come from cost_bu_monthly; everything else from kms_cost.
// The same showback can be grouped by account instead (kms_cost only: cost_bu_monthly
// holds business units alone). There is no cost-center grouping: the collector does not fetch
// that tag (it would take a third split of the Cost Explorer plan), so every figure would be
// "(untagged)"; the stored column stays, nothing exposes it.
import type { Db } from "@/lib/db/client";
import { costCategorySumsSql, roundMoney } from "@/lib/domain/money";
import { latestCostDay, resolveRange } from "./as-of";
import { COST_SOURCE_SQL, chargesOf, costSourcesByMonth, sourceOf, type BillStatus, type CostCharges, type CostSource, type MonthCostSource } from "./cost-source";
import { SqlParams, whereClause } from "./sql";
import { type Day, monthEnd, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";

export const COST_GROUPINGS = ["bu", "account"] as const;
export type CostGrouping = (typeof COST_GROUPINGS)[number];

/** Column of kms_cost and the row field each grouping fills. */
const GROUPING = {
  bu: { column: "business_unit", field: "businessUnit" },
  account: { column: "account_id", field: "accountId" },
} as const satisfies Record<CostGrouping, { column: string; field: string }>;

export interface CostByBuQuery {
  granularity: "day" | "month";
  from?: Day;
  to?: Day;
  account?: string[];
  region?: string[];
  bu?: string[];
}

/** Usage columns, the other charges and where the figures come from. */
interface CostFigures extends CostCharges {
  keys: number;
  requests: number;
  other: number;
  /** Usage only: keys + requests + other (credits, tax, corrections are in net). */
  total: number;
  costSource: CostSource;
  billStatus: BillStatus | null;
}

export interface CostByBuRow extends CostFigures {
  /** The day, or the first day of the month. */
  period: Day;
  businessUnit: string;
}

/** One period × group; the grouping's own field (businessUnit, accountId) holds the group too. */
export interface CostGroupRow extends CostFigures {
  period: Day;
  /** The group's label: a business unit ("" shown as "(untagged)") or an account id. */
  group: string;
  businessUnit?: string;
  accountId?: string;
}

export interface CostByGroup {
  groupBy: CostGrouping;
  granularity: "day" | "month";
  from: Day | null;
  to: Day | null;
  source: "kms_cost" | "cost_bu_monthly";
  /** Each month of the range holding cost: its source and label ("bill (final)", "Cost Explorer"). */
  sources: MonthCostSource[];
  rows: CostGroupRow[];
}

export interface CostByBu {
  granularity: "day" | "month";
  from: Day | null;
  to: Day | null;
  source: "kms_cost" | "cost_bu_monthly";
  sources: MonthCostSource[];
  rows: CostByBuRow[];
}

const monthStart = (day: Day) => `${day.slice(0, 7)}-01`;

/** Business-unit rows (what the overview and the chargeback read). */
export async function costByBu(db: Db, query: CostByBuQuery): Promise<CostByBu> {
  const { granularity, from, to, source, sources, rows } = await costByGroup(db, { ...query, groupBy: "bu" });
  return { granularity, from, to, source, sources, rows: rows.map(({ group, accountId: _a, businessUnit: _b, ...figures }) => ({ ...figures, businessUnit: group })) };
}

export async function costByGroup(db: Db, query: CostByBuQuery & { groupBy: CostGrouping }): Promise<CostByGroup> {
  const monthly = query.granularity === "month";
  const range = resolveRange(query, await latestCostDay(db), monthly ? 396 : 30);
  const useMonthly = monthly && query.groupBy === "bu" && !query.account?.length && !query.region?.length;
  const source = useMonthly ? "cost_bu_monthly" : "kms_cost";
  const { column, field } = GROUPING[query.groupBy];
  if (!range) return { groupBy: query.groupBy, granularity: query.granularity, from: null, to: null, source, sources: [], rows: [] };
  // Months are whole: a month touching the range is included entirely, at both ends and for
  // every grouping and filter (the monthly rollup holds whole months, so the daily rows must too).
  const from = monthly ? monthStart(range.from) : range.from;
  const to = monthly ? monthEnd(range.to) : range.to;
  const params = new SqlParams();
  const period = useMonthly ? "month" : monthly ? "date_trunc('month', day)::date" : "day";
  const dateColumn = useMonthly ? "month" : "day";
  const conditions = [`${dateColumn} >= ${params.add(from)}::date`, `${dateColumn} <= ${params.add(to)}::date`];
  const anyOf = (col: string, values: string[] | undefined) => {
    if (values?.length) conditions.push(`${col} = ANY(${params.add(values)}::text[])`);
  };
  anyOf("business_unit", query.bu);
  if (!useMonthly) {
    anyOf("account_id", query.account);
    anyOf("region", query.region);
  }
  const amount = useMonthly ? "cost" : "unblended_cost";
  // column comes from the fixed GROUPING map, never from the request. Money is summed in numeric
  // and rounded to Cost Explorer's 10 decimals in SQL (lib/domain/money.ts): no float noise.
  type Sums = { keys: string; requests: string; other: string; total: string; credits: string; tax: string; corrections: string; adjustments: string; net: string };
  const [rows, sources] = await Promise.all([
    db.$queryRawUnsafe<(Sums & { period: Date; grp: string; cost_source: string; bill_final: boolean | null })[]>(
      `SELECT ${period} AS period, ${column} AS grp,
         ${costCategorySumsSql(amount)}, ${COST_SOURCE_SQL}
       FROM ${source} ${whereClause(conditions)} GROUP BY 1, 2 ORDER BY 1, 2`,
      ...params.values,
    ),
    costSourcesByMonth(db, from, to),
  ]);
  return {
    groupBy: query.groupBy,
    granularity: query.granularity,
    from,
    to,
    source,
    sources,
    rows: rows.map((r) => {
      const group = buLabel(r.grp);
      return {
        period: toDay(r.period), group, [field]: group,
        keys: roundMoney(r.keys), requests: roundMoney(r.requests), other: roundMoney(r.other), total: roundMoney(r.total),
        ...chargesOf(r), ...sourceOf(r),
      };
    }),
  };
}
