import type { Db } from "@/lib/db/client";
import type { KeyRequestRecord, KmsCostRecord } from "@/lib/domain/records";
import { type Day } from "@/lib/domain/days";

// Cost Explorer data is a replaceable window, not a history of versions: costs settle late, so
// each fetch replaces the days it covers, in one transaction (a failed fetch replaces nothing).

const BATCH = 10_000;

function outside(day: string, fromDay: Day, toDay: Day): boolean {
  return day < fromDay || day > toDay;
}

export async function storeCosts(db: Db, args: { runId: string | null; fromDay: Day; toDay: Day; records: KmsCostRecord[] }): Promise<void> {
  const stray = args.records.find((r) => outside(r.day, args.fromDay, args.toDay));
  if (stray) throw new Error(`cost record for ${stray.day} is outside the window ${args.fromDay}..${args.toDay}`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM kms_cost_daily WHERE day BETWEEN $1::date AND $2::date`, args.fromDay, args.toDay);
      for (let i = 0; i < args.records.length; i += BATCH) {
        const rows = args.records.slice(i, i + BATCH).map((r) => ({
          day: r.day,
          account_id: r.accountId,
          business_unit: r.businessUnit,
          cost_center: r.costCenter,
          usage_type: r.usageType,
          region: r.region,
          category: r.category,
          unblended_cost: r.unblendedCost,
          usage_quantity: r.usageQuantity,
        }));
        // Several CE groups can land on the same key (e.g. two tag spellings trimmed alike): add them.
        await tx.$executeRawUnsafe(
          `INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity, run_id)
           SELECT c.day, c.account_id, c.business_unit, c.cost_center, c.usage_type, c.region, c.category::"CostCategory", c.unblended_cost, c.usage_quantity, $2::uuid
           FROM jsonb_to_recordset($1::jsonb) AS c(day date, account_id text, business_unit text, cost_center text, usage_type text, region text, category text, unblended_cost numeric, usage_quantity numeric)
           ON CONFLICT (day, account_id, business_unit, cost_center, usage_type) DO UPDATE SET
             unblended_cost = kms_cost_daily.unblended_cost + excluded.unblended_cost,
             usage_quantity = kms_cost_daily.usage_quantity + excluded.usage_quantity`,
          JSON.stringify(rows),
          args.runId,
        );
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

export async function storeKeyRequests(db: Db, args: { fromDay: Day; toDay: Day; records: KeyRequestRecord[] }): Promise<void> {
  const stray = args.records.find((r) => outside(r.day, args.fromDay, args.toDay));
  if (stray) throw new Error(`key request record for ${stray.day} is outside the window ${args.fromDay}..${args.toDay}`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM key_request_daily WHERE day BETWEEN $1::date AND $2::date`, args.fromDay, args.toDay);
      for (let i = 0; i < args.records.length; i += BATCH) {
        const rows = args.records.slice(i, i + BATCH).map((r) => ({ key_arn: r.keyArn, day: r.day, account_id: r.accountId, requests: r.requests, cost: r.cost }));
        await tx.$executeRawUnsafe(
          `INSERT INTO key_request_daily (key_arn, day, account_id, requests, cost)
           SELECT k.key_arn, k.day, k.account_id, k.requests, k.cost
           FROM jsonb_to_recordset($1::jsonb) AS k(key_arn text, day date, account_id text, requests bigint, cost numeric)
           ON CONFLICT (key_arn, day) DO UPDATE SET requests = key_request_daily.requests + excluded.requests, cost = key_request_daily.cost + excluded.cost`,
          JSON.stringify(rows),
        );
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
