// Per-key figures from the imported bill (issue 15): a Data Export has one line per key ARN
// (ResourceId) and usage type, for the whole retention period, where Cost Explorer gives per-key
// data for 14 days at most. Read through the view kms_cost (cost_source 'Bill'), so the
// costSource setting "costExplorer" turns these figures off as it does every other bill figure.
// Usage only: a key's credits, tax or corrections are not what the key costs to run.
import type { Db } from "@/lib/db/client";
import { moneySql, roundMoney } from "@/lib/domain/money";
import { billStatusOf, type BillStatus } from "./cost-source";
import { type Day, toDay } from "@/lib/domain/days";

const DAYS_PER_MONTH = 30;

/** A key's bill lines of one month, by category. */
export interface KeyBillMonth {
  month: Day;
  billStatus: BillStatus | null;
  /** KMS-Keys usage types: key storage and the rotation surcharge (billed as extra key versions). */
  storageAndRotation: number;
  /** Key versions billed (ConsumedQuantity of the KMS-Keys lines, in key-months). */
  keyVersionMonths: number;
  requests: number;
  /** ConsumedQuantity of the request lines. */
  requestCount: number;
  other: number;
  total: number;
}

/** The reference month of per-key bill figures: the latest final bill month, else the latest one. */
export interface BillReferenceMonth {
  month: Day;
  billStatus: BillStatus;
  /**
   * Days a month of requests is read from: none for a final month (its total is the month's
   * volume, exact); for a provisional one, the days up to its last line (volume ÷ days × 30).
   */
  daysCovered: number | null;
}

export async function billReferenceMonth(db: Db): Promise<BillReferenceMonth | null> {
  // From the import records (a few rows), not the lines: the last line day is one index probe.
  const [row] = await db.$queryRawUnsafe<{ month: Date; final: boolean; days: number }[]>(
    `SELECT p.billing_period AS month, p.final,
       ((SELECT max(l.day) FROM bill_cost_line l WHERE l.billing_period = p.billing_period) - p.billing_period + 1)::int AS days
     FROM bill_period p WHERE p.in_use ORDER BY p.final DESC, p.billing_period DESC LIMIT 1`,
  );
  return row ? { month: toDay(row.month), billStatus: billStatusOf(row.final)!, daysCovered: row.final ? null : row.days } : null;
}

/** The key's usage by month from the bill, oldest first; empty when no bill has the key. */
export async function keyBillMonths(db: Db, keyArn: string): Promise<KeyBillMonth[]> {
  const rows = await db.$queryRawUnsafe<{ month: Date; final: boolean | null; keys: string; key_versions: string; requests: string; request_count: string; other: string; total: string }[]>(
    `SELECT date_trunc('month', day)::date AS month, bool_and(bill_final) AS final,
       ${moneySql(`sum(unblended_cost) FILTER (WHERE category = 'KEYS')`)} AS keys,
       coalesce(sum(usage_quantity) FILTER (WHERE category = 'KEYS'), 0)::text AS key_versions,
       ${moneySql(`sum(unblended_cost) FILTER (WHERE category = 'REQUESTS')`)} AS requests,
       coalesce(sum(usage_quantity) FILTER (WHERE category = 'REQUESTS'), 0)::text AS request_count,
       ${moneySql(`sum(unblended_cost) FILTER (WHERE category = 'OTHER')`)} AS other,
       ${moneySql(`sum(unblended_cost)`)} AS total
     FROM kms_cost WHERE cost_source = 'Bill' AND charge_kind = 'Usage' AND resource_id = $1
     GROUP BY 1 ORDER BY 1`,
    keyArn,
  );
  return rows.map((r) => ({
    month: toDay(r.month),
    billStatus: billStatusOf(r.final),
    storageAndRotation: roundMoney(r.keys),
    keyVersionMonths: Number(r.key_versions),
    requests: roundMoney(r.requests),
    requestCount: Number(r.request_count),
    other: roundMoney(r.other),
    total: roundMoney(r.total),
  }));
}

/** Per key of `keyArns` in the reference month: usage cost and monthly requests (keys the bill has only). */
export async function billedKeyFigures(db: Db, keyArns: string[], reference: BillReferenceMonth): Promise<Map<string, { cost: number; monthlyRequests: number }>> {
  const rows = await db.$queryRawUnsafe<{ key_arn: string; cost: string; requests: string }[]>(
    `SELECT resource_id AS key_arn, ${moneySql("sum(unblended_cost)")} AS cost,
       coalesce(sum(usage_quantity) FILTER (WHERE category = 'REQUESTS'), 0)::text AS requests
     FROM kms_cost WHERE cost_source = 'Bill' AND charge_kind = 'Usage' AND resource_id = ANY($1::text[])
       AND day >= $2::date AND day < ($2::date + interval '1 month')
     GROUP BY 1`,
    keyArns,
    reference.month,
  );
  const monthly = (requests: number) => (reference.daysCovered === null ? requests : (requests / reference.daysCovered) * DAYS_PER_MONTH);
  return new Map(rows.map((r) => [r.key_arn, { cost: roundMoney(r.cost), monthlyRequests: monthly(Number(r.requests)) }]));
}

/** Monthly requests from an average daily volume, as for Cost Explorer's per-key rows. */
export const monthlyFromDaily = (daily: number) => daily * DAYS_PER_MONTH;
