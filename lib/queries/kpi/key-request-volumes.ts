// Per-key request volume from key_request_daily (Cost Explorer resource-level data). A key's
// monthly volume is its average daily requests over the days the data covers × 30. It is
// unknown - never zero - when the key has no rows, or when resource-level data is recorded as
// unavailable (data_source_status 'ce-resources').
import type { Db } from "@/lib/db/client";

export const CE_RESOURCES_SOURCE = "ce-resources";
const DAYS_PER_MONTH = 30;

export interface KeyRequestVolumes {
  /** False when resource-level cost data is recorded as unavailable. */
  available: boolean;
  message: string | null;
  /** Distinct days with per-key rows: the averaging window. */
  days: number;
  /** Average daily requests per key ARN (keys with rows only). */
  dailyByKey: Map<string, number>;
}

/** Average daily requests per key over the stored window, for the given keys only. */
export async function keyRequestVolumes(db: Db, keyArns: string[]): Promise<KeyRequestVolumes> {
  const status = await db.dataSourceStatus.findUnique({ where: { source: CE_RESOURCES_SOURCE } });
  if (status && !status.available) return { available: false, message: status.message || null, days: 0, dailyByKey: new Map() };
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
  };
}

/** Monthly requests of a key (avg daily × 30); undefined when unknown. */
export function monthlyRequests(volumes: KeyRequestVolumes, keyArn: string): number | undefined {
  if (!volumes.available) return undefined;
  const daily = volumes.dailyByKey.get(keyArn);
  return daily === undefined ? undefined : daily * DAYS_PER_MONTH;
}
