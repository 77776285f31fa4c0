// Per-key request volume: from the imported bill where it has the key (its Requests lines'
// ConsumedQuantity in the reference bill month, lib/queries/kpi/key-bill.ts: the month's total
// when final), from key_request_daily (Cost Explorer resource-level data) otherwise, as its
// average daily requests over the days the data covers × 30. It is unknown - never zero - when
// neither source has the key, or Cost Explorer's is recorded as unavailable
// (data_source_status 'ce-resources') and the bill does not have it.
import type { Db } from "@/lib/db/client";
import { billReferenceMonth, billedKeyFigures, monthlyFromDaily, type BillReferenceMonth } from "./key-bill";

export const CE_RESOURCES_SOURCE = "ce-resources";

export interface KeyRequestVolumes {
  /** False when resource-level cost data is recorded as unavailable. */
  available: boolean;
  message: string | null;
  /** Distinct days with per-key rows: the averaging window. */
  days: number;
  /** Average daily requests per key ARN (keys with rows only). */
  dailyByKey: Map<string, number>;
  /** Monthly requests of the keys the bill has (they win over dailyByKey), and the bill month read. */
  billMonthlyByKey: Map<string, number>;
  billMonth: BillReferenceMonth | null;
}

/** Average daily requests per key over the stored window, for the given keys only. */
export async function keyRequestVolumes(db: Db, keyArns: string[]): Promise<KeyRequestVolumes> {
  const [status, billMonth] = await Promise.all([db.dataSourceStatus.findUnique({ where: { source: CE_RESOURCES_SOURCE } }), billReferenceMonth(db)]);
  const billed = billMonth ? await billedKeyFigures(db, keyArns, billMonth) : new Map<string, { monthlyRequests: number }>();
  const billMonthlyByKey = new Map([...billed].map(([arn, f]) => [arn, f.monthlyRequests]));
  if (status && !status.available) {
    return { available: billMonthlyByKey.size > 0, message: status.message || null, days: 0, dailyByKey: new Map(), billMonthlyByKey, billMonth };
  }
  const [window] = await db.$queryRawUnsafe<{ days: number }[]>(`SELECT count(DISTINCT day)::int AS days FROM key_request_daily`);
  const rows = await db.$queryRawUnsafe<{ key_arn: string; requests: string }[]>(
    `SELECT key_arn, sum(requests)::text AS requests FROM key_request_daily WHERE key_arn = ANY($1::text[]) GROUP BY key_arn`,
    keyArns,
  );
  const days = window?.days ?? 0;
  return {
    available: true,
    message: null,
    days,
    dailyByKey: new Map(rows.map((r) => [r.key_arn, Number(r.requests) / days])),
    billMonthlyByKey,
    billMonth,
  };
}

/** Monthly requests of a key (avg daily × 30); undefined when unknown. */
export function monthlyRequests(volumes: KeyRequestVolumes, keyArn: string): number | undefined {
  const billed = volumes.billMonthlyByKey.get(keyArn);
  if (billed !== undefined) return billed;
  if (!volumes.available) return undefined;
  const daily = volumes.dailyByKey.get(keyArn);
  return daily === undefined ? undefined : monthlyFromDaily(daily);
}
