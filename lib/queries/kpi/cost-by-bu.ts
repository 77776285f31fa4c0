// KMS cost per business unit per day or month (DOMAIN.md §6.4): Cost Explorer UnblendedCost
// split into key storage and requests, untagged kept as "(untagged)". Monthly totals without
// an account or region cut come from cost_bu_monthly; everything else from kms_cost_daily.
import { buLabel } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import type { Day } from "@/lib/store/types";
import { latestCostDay, resolveRange } from "./as-of";
import { SqlParams, dayOf, num, whereClause } from "./sql";

export interface CostByBuQuery {
  granularity: "day" | "month";
  from?: Day;
  to?: Day;
  account?: string[];
  region?: string[];
  bu?: string[];
}

export interface CostByBuRow {
  /** The day, or the first day of the month. */
  period: Day;
  businessUnit: string;
  keys: number;
  requests: number;
  other: number;
  total: number;
}

export interface CostByBu {
  granularity: "day" | "month";
  from: Day | null;
  to: Day | null;
  source: "kms_cost_daily" | "cost_bu_monthly";
  rows: CostByBuRow[];
}

const monthStart = (day: Day) => `${day.slice(0, 7)}-01`;

export async function costByBu(db: Db, query: CostByBuQuery): Promise<CostByBu> {
  const monthly = query.granularity === "month";
  const range = resolveRange(query, await latestCostDay(db), monthly ? 396 : 30);
  const useMonthly = monthly && !query.account?.length && !query.region?.length;
  const source = useMonthly ? "cost_bu_monthly" : "kms_cost_daily";
  if (!range) return { granularity: query.granularity, from: null, to: null, source, rows: [] };
  // Months are whole: a month touching the range is included entirely.
  const from = monthly ? monthStart(range.from) : range.from;
  const params = new SqlParams();
  const period = useMonthly ? "month" : monthly ? "date_trunc('month', day)::date" : "day";
  const dateColumn = useMonthly ? "month" : "day";
  const conditions = [`${dateColumn} >= ${params.add(from)}::date`, `${dateColumn} <= ${params.add(range.to)}::date`];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values?.length) conditions.push(`${column} = ANY(${params.add(values)}::text[])`);
  };
  anyOf("business_unit", query.bu);
  if (!useMonthly) {
    anyOf("account_id", query.account);
    anyOf("region", query.region);
  }
  const amount = useMonthly ? "cost" : "unblended_cost";
  const rows = await db.$queryRawUnsafe<{ period: Date; business_unit: string; keys: string; requests: string; other: string }[]>(
    `SELECT ${period} AS period, business_unit,
       coalesce(sum(${amount}) FILTER (WHERE category = 'KEYS'), 0)::text AS keys,
       coalesce(sum(${amount}) FILTER (WHERE category = 'REQUESTS'), 0)::text AS requests,
       coalesce(sum(${amount}) FILTER (WHERE category = 'OTHER'), 0)::text AS other
     FROM ${source} ${whereClause(conditions)} GROUP BY 1, 2 ORDER BY 1, 2`,
    ...params.values,
  );
  return {
    granularity: query.granularity,
    from,
    to: range.to,
    source,
    rows: rows.map((r) => {
      const keys = num(r.keys);
      const requests = num(r.requests);
      const other = num(r.other);
      return { period: dayOf(r.period), businessUnit: buLabel(r.business_unit), keys, requests, other, total: keys + requests + other };
    }),
  };
}
