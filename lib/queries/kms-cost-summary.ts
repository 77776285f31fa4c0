import { db, type Db } from "@/lib/db/client";

export interface CostWindow {
  /** First day, inclusive (UTC midnight). */
  from: Date;
  /** Last day, inclusive (UTC midnight). */
  to: Date;
}

export interface CostWindowTotal extends CostWindow {
  total: number;
  keys: number;
  requests: number;
  other: number;
}

export interface KmsCostSummary {
  /** The latest day Cost Explorer data exists for: "month to date" runs up to it. */
  asOf: Date;
  monthToDate: CostWindowTotal;
  lastFullMonth: CostWindowTotal;
  /** The month before the last full month (what it is compared with); null when no day of it is stored. */
  monthBefore: CostWindowTotal | null;
}

/**
 * Month to date and the last full month, anchored on the latest day with cost data rather than
 * the wall clock: a stale dataset then shows its own month, labelled with its dates, instead
 * of an empty current month.
 */
export function costWindows(asOf: Date): { monthToDate: CostWindow; lastFullMonth: CostWindow; monthBefore: CostWindow } {
  const y = asOf.getUTCFullYear();
  const m = asOf.getUTCMonth();
  const day = (year: number, month: number, d: number) => new Date(Date.UTC(year, month, d));
  return {
    monthToDate: { from: day(y, m, 1), to: day(y, m, asOf.getUTCDate()) },
    lastFullMonth: { from: day(y, m - 1, 1), to: day(y, m, 0) },
    monthBefore: { from: day(y, m - 2, 1), to: day(y, m - 1, 0) },
  };
}

async function windowTotal(client: Db, window: CostWindow, bu: string[] | undefined): Promise<CostWindowTotal & { days: number }> {
  const groups = await client.kmsCostDaily.groupBy({
    by: ["category"],
    where: { day: { gte: window.from, lte: window.to }, ...(bu ? { businessUnit: { in: bu } } : {}) },
    _sum: { unblendedCost: true },
    _count: { _all: true },
  });
  const byCategory = { KEYS: 0, REQUESTS: 0, OTHER: 0 };
  for (const group of groups) byCategory[group.category] += group._sum.unblendedCost?.toNumber() ?? 0;
  return {
    days: groups.reduce((a, g) => a + g._count._all, 0),
    ...window,
    total: byCategory.KEYS + byCategory.REQUESTS + byCategory.OTHER,
    keys: byCategory.KEYS,
    requests: byCategory.REQUESTS,
    other: byCategory.OTHER,
  };
}

/** Billed KMS cost (Cost Explorer UnblendedCost, all accounts and BUs); null without cost data. */
export async function getKmsCostSummary(client: Db = db(), bu?: string[]): Promise<KmsCostSummary | null> {
  const latest = await client.kmsCostDaily.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  if (!latest) return null;
  const windows = costWindows(latest.day);
  const [monthToDate, lastFullMonth, monthBefore] = await Promise.all([
    windowTotal(client, windows.monthToDate, bu),
    windowTotal(client, windows.lastFullMonth, bu),
    windowTotal(client, windows.monthBefore, bu),
  ]);
  const strip = ({ days: _days, ...total }: CostWindowTotal & { days: number }): CostWindowTotal => total;
  return { asOf: latest.day, monthToDate: strip(monthToDate), lastFullMonth: strip(lastFullMonth), monthBefore: monthBefore.days > 0 ? strip(monthBefore) : null };
}
