// The two days the coverage rules compare: the latest day of coverage_bu_daily and the same
// business units 7 days before (the "versus 7 days before").
import type { CoverageBuDaily } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, dayToDate, toDay } from "@/lib/domain/days";

export const COMPARE_DAYS = 7;

export interface CoverageWeek {
  day: string;
  before: string;
  /** Per business unit (raw, "" untagged): its rows on both days; `before` null when absent then. */
  units: Map<string, { now: CoverageBuDaily; before: CoverageBuDaily | null }>;
  /** Whether the rollups reach back to the day before at all (a new install has no history). */
  hasBefore: boolean;
}

export async function coverageWeek(db: Db): Promise<CoverageWeek | null> {
  const latest = await db.coverageBuDaily.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  if (!latest) return null;
  const day = toDay(latest.day);
  const before = addDays(day, -COMPARE_DAYS);
  const rows = await db.coverageBuDaily.findMany({ where: { day: { in: [dayToDate(day), dayToDate(before)] } } });
  const then = new Map(rows.filter((r) => toDay(r.day) === before).map((r) => [r.businessUnit, r]));
  const units = new Map<string, { now: CoverageBuDaily; before: CoverageBuDaily | null }>();
  for (const row of rows) if (toDay(row.day) === day) units.set(row.businessUnit, { now: row, before: then.get(row.businessUnit) ?? null });
  return { day, before, units, hasBefore: then.size > 0 };
}

export const nonCompliant = (r: CoverageBuDaily) => r.ncUnencrypted + r.ncSseS3 + r.ncAwsManagedKey + r.ncKeyUnusable + r.ncUnknownKey;
