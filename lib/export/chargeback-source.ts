// Reads kms_cost_daily in keyset batches on its primary key (day, account, BU, cost center,
// usage type): each batch is an index range scan that resumes after the last row of the
// previous one, so memory stays one batch whatever the number of rows, and no transaction or
// cursor is held open between the client's reads.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { CostDailyRow } from "./chargeback-rows";

export interface ChargebackQuery {
  fromDay: string; // inclusive
  toDay: string; // inclusive
  accountId?: string;
  region?: string;
  businessUnit?: string; // "(untagged)" = ""
}

type Cursor = [string, string, string, string, string];

function where(q: ChargebackQuery): Prisma.Sql {
  const parts = [Prisma.sql`c.day >= ${q.fromDay}::date`, Prisma.sql`c.day <= ${q.toDay}::date`];
  if (q.accountId) parts.push(Prisma.sql`c.account_id = ${q.accountId}`);
  if (q.region) parts.push(Prisma.sql`c.region = ${q.region}`);
  if (q.businessUnit !== undefined) parts.push(Prisma.sql`c.business_unit = ${q.businessUnit}`);
  return Prisma.join(parts, " AND ");
}

export async function* costDailyBatches(db: Db, q: ChargebackQuery, batchSize = 5000): AsyncGenerator<CostDailyRow[]> {
  let cursor: Cursor | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor
      ? Prisma.sql`AND (c.day, c.account_id, c.business_unit, c.cost_center, c.usage_type) > (${cursor[0]}::date, ${cursor[1]}, ${cursor[2]}, ${cursor[3]}, ${cursor[4]})`
      : Prisma.empty;
    const rows: CostDailyRow[] = await db.$queryRaw<CostDailyRow[]>`
      SELECT to_char(c.day, 'YYYY-MM-DD') AS "day", c.account_id AS "accountId", coalesce(a.name, '') AS "accountName",
             c.region, c.business_unit AS "businessUnit", c.cost_center AS "costCenter", c.usage_type AS "usageType",
             c.category::text AS "category", c.unblended_cost::text AS "cost", c.usage_quantity::text AS "quantity"
      FROM kms_cost_daily c LEFT JOIN account a ON a.account_id = c.account_id
      WHERE ${where(q)} ${after}
      ORDER BY c.day, c.account_id, c.business_unit, c.cost_center, c.usage_type
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = [last.day, last.accountId, last.businessUnit, last.costCenter, last.usageType];
  }
}

/** Tagged cost per month and BU over the same filters: the weights of proportional allocation. */
export async function taggedMonthTotals(db: Db, q: ChargebackQuery): Promise<{ month: string; businessUnit: string; cost: number }[]> {
  const rows = await db.$queryRaw<{ month: string; businessUnit: string; cost: string }[]>`
    SELECT to_char(c.day, 'YYYY-MM') AS "month", c.business_unit AS "businessUnit", sum(c.unblended_cost)::text AS "cost"
    FROM kms_cost_daily c
    WHERE ${where({ ...q, businessUnit: undefined })} AND c.business_unit <> ''
    GROUP BY 1, 2`;
  return rows.map((r) => ({ month: r.month, businessUnit: r.businessUnit, cost: Number(r.cost) }));
}

/** The first and last day holding cost: the default range when none is asked for. */
export async function costDayRange(db: Db): Promise<{ from: string; to: string } | null> {
  const [row] = await db.$queryRaw<{ from: string | null; to: string | null }[]>`
    SELECT to_char(min(day), 'YYYY-MM-DD') AS "from", to_char(max(day), 'YYYY-MM-DD') AS "to" FROM kms_cost_daily`;
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}
