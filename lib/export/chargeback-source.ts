// What the chargeback export reads before it streams: the default day range and, for
// proportional allocation, the tagged cost per month and business unit. Both run on the export's
// own pg connection (lib/db/copy.ts), the one the COPY then streams on.
import type { CopyConnection } from "@/lib/db/copy";
import { COST_FIRST_DAY, COST_LAST_DAY } from "@/lib/queries/kpi/cost-source";

export interface ChargebackQuery {
  fromDay: string; // inclusive
  toDay: string; // inclusive
  accountId?: string;
  region?: string;
  businessUnit?: string; // "(untagged)" = ""
  /** The principal's business units (stored form): only their rows are written; undefined = all. */
  scope?: string[];
}

/** Tagged usage cost per month and BU over the same filters (BU filter aside): the weights of proportional allocation. */
export async function taggedMonthTotals(conn: CopyConnection, q: ChargebackQuery): Promise<{ month: string; businessUnit: string; cost: number }[]> {
  const values: unknown[] = [q.fromDay, q.toDay];
  let where = `c.day >= $1::date AND c.day <= $2::date`;
  if (q.accountId) where += ` AND c.account_id = $${values.push(q.accountId)}`;
  if (q.region) where += ` AND c.region = $${values.push(q.region)}`;
  const rows = await conn.query<{ month: string; businessUnit: string; cost: string }>(
    `SELECT to_char(c.day, 'YYYY-MM') AS "month", c.business_unit AS "businessUnit", sum(c.unblended_cost)::text AS "cost"
     FROM kms_cost c
     WHERE ${where} AND c.business_unit <> '' AND c.charge_kind = 'Usage'
     GROUP BY 1, 2`,
    values,
  );
  return rows.map((r) => ({ month: r.month, businessUnit: r.businessUnit, cost: Number(r.cost) }));
}

/** The first and last day holding cost: the default range when none is asked for. */
export async function costDayRange(conn: CopyConnection): Promise<{ from: string; to: string } | null> {
  const [row] = await conn.query<{ from: string | null; to: string | null }>(
    `SELECT to_char(${COST_FIRST_DAY}, 'YYYY-MM-DD') AS "from", to_char(${COST_LAST_DAY}, 'YYYY-MM-DD') AS "to"`,
  );
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}
