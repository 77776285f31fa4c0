import type { Db } from "@/lib/db/client";
import type { KeyUsageRecord } from "@/lib/domain/records";
import { type Day } from "@/lib/domain/days";

type Executor = Pick<Db, "$executeRawUnsafe">;

/** Keeps the latest GetKeyLastUsage observation per key (not versioned: see schema). */
export async function storeKeyUsage(db: Executor, day: Day, usage: KeyUsageRecord[]): Promise<void> {
  if (usage.length === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO kms_key_usage (key_arn, status, last_used_at, last_operation, tracking_start_date, observed_day)
     SELECT u.key_arn, u.status::"KeyUsageStatus", u.last_used_at, u.last_operation, u.tracking_start_date, $2::date
     FROM jsonb_to_recordset($1::jsonb) AS u(key_arn text, status text, last_used_at timestamptz, last_operation text, tracking_start_date timestamptz)
     ON CONFLICT (key_arn) DO UPDATE SET status = excluded.status, last_used_at = excluded.last_used_at,
       last_operation = excluded.last_operation, tracking_start_date = excluded.tracking_start_date, observed_day = excluded.observed_day
     WHERE kms_key_usage.observed_day <= excluded.observed_day`,
    JSON.stringify(
      usage.map((u) => ({
        key_arn: u.keyArn,
        status: u.status,
        last_used_at: u.lastUsedAt?.toISOString() ?? null,
        last_operation: u.lastOperation,
        tracking_start_date: u.trackingStartDate?.toISOString() ?? null,
      })),
    ),
    day,
  );
}
