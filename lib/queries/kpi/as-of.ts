// "Data as of": the latest snapshot day of the inventory, the latest day of cost data, and the
// default date ranges anchored on them (a stale dataset shows its own last days, not empty ones).
import type { Db } from "@/lib/db/client";
import { type Day, addDays, toDay } from "@/lib/domain/days";
import { COST_LAST_DAY } from "./cost-source";

/**
 * The latest inventory snapshot day: scope_freshness when ingestion recorded it, otherwise the
 * newest version start or key-usage observation (a history written directly, e.g. the demo).
 */
export async function latestSnapshotDay(db: Db): Promise<Day | null> {
  const rows = await db.$queryRawUnsafe<{ day: Date | null }[]>(
    `SELECT coalesce(
       (SELECT max(last_good_day) FROM scope_freshness WHERE source = 'inventory'),
       greatest((SELECT max(valid_from) FROM storage_resource_version), (SELECT max(valid_from) FROM kms_key_version),
                (SELECT max(observed_day) FROM kms_key_usage))) AS day`,
  );
  const value = rows[0]?.day;
  return value ? toDay(value) : null;
}

/** The last day with coverage rollups: the end of every default coverage range. */
export async function latestCoverageDay(db: Db): Promise<Day | null> {
  const row = await db.coverageBuDaily.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  return row ? toDay(row.day) : null;
}

/** The last day with cost from Cost Explorer or the imported bill (each an index lookup). */
export async function latestCostDay(db: Db): Promise<Day | null> {
  const rows = await db.$queryRawUnsafe<{ day: Date | null }[]>(
    `SELECT ${COST_LAST_DAY} AS day`,
  );
  const value = rows[0]?.day;
  return value ? toDay(value) : null;
}

/** [from, to] with defaults: to = the anchor day, from = `days` days back (inclusive range). */
export function resolveRange(range: { from?: Day; to?: Day }, anchor: Day | null, days: number): { from: Day; to: Day } | null {
  const to = range.to ?? anchor;
  if (!to) return null;
  return { from: range.from ?? addDays(to, -(days - 1)), to };
}

/** 13 months back from `to` (the first day of the month 12 months earlier): the chart window. */
export function thirteenMonthsBack(to: Day): Day {
  const [y, m] = to.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - 12, 1));
  return toDay(first);
}
