// "Data as of" (the read side of scope_freshness, written by lib/store/freshness.ts): the latest
// inventory snapshot and cost day, each scope's last good day, the state of optional data sources
// (e.g. Cost Explorer resource-level data) and the latest run. GET /api/freshness answers it
// whole; every page's heading shows its summary (dataAsOf).
import type { Db } from "@/lib/db/client";
import { dayToDate, toDay } from "@/lib/domain/days";
import { latestCostDay, latestSnapshotDay } from "./kpi/as-of";

export async function dataFreshness(db: Db) {
  const [inventoryAsOf, costsAsOf, scopes, sources, lastRun] = await Promise.all([
    latestSnapshotDay(db),
    latestCostDay(db),
    db.scopeFreshness.findMany({ orderBy: [{ source: "asc" }, { lastGoodDay: "asc" }, { accountId: "asc" }, { region: "asc" }] }),
    db.dataSourceStatus.findMany({ orderBy: { source: "asc" } }),
    db.ingestionRun.findFirst({ orderBy: { requestedAt: "desc" } }),
  ]);
  const newest = new Map<string, string>();
  for (const s of scopes) {
    const d = toDay(s.lastGoodDay);
    if ((newest.get(s.source) ?? "") < d) newest.set(s.source, d);
  }
  return {
    inventoryAsOf,
    costsAsOf,
    scopes: scopes.map((s) => ({
      accountId: s.accountId,
      region: s.region,
      source: s.source,
      lastGoodDay: toDay(s.lastGoodDay),
      lagging: toDay(s.lastGoodDay) < (newest.get(s.source) ?? ""),
    })),
    dataSources: sources.map((s) => ({ source: s.source, available: s.available, message: s.message, checkedAt: s.checkedAt.toISOString() })),
    lastRun: lastRun && { id: lastRun.id, status: lastRun.status, snapshotDay: toDay(lastRun.snapshotDay), finishedAt: lastRun.finishedAt?.toISOString() ?? null },
  };
}

/** What a page's heading says: "data as of" and how many scopes lag behind it. */
export interface DataAsOf {
  /** The newest good day over all scopes and sources. */
  asOf: Date;
  /** The oldest scope's last good day; earlier than asOf when some account-regions lag. */
  oldestScope: Date;
  /** Scopes (account, region, source) whose last good day is before asOf. */
  laggingScopes: number;
  scopes: number;
}

/**
 * The heading's summary of dataFreshness. Without scope rows (a history written directly), the
 * latest inventory snapshot day stands in; null when nothing was ever stored.
 */
function dataAsOfOf(freshness: Awaited<ReturnType<typeof dataFreshness>>): DataAsOf | null {
  const days = freshness.scopes.map((s) => s.lastGoodDay).sort();
  const newest = days.at(-1);
  if (newest) return { asOf: dayToDate(newest), oldestScope: dayToDate(days[0]!), laggingScopes: days.filter((d) => d < newest).length, scopes: days.length };
  return freshness.inventoryAsOf ? { asOf: dayToDate(freshness.inventoryAsOf), oldestScope: dayToDate(freshness.inventoryAsOf), laggingScopes: 0, scopes: 0 } : null;
}

export const dataAsOf = async (db: Db) => dataAsOfOf(await dataFreshness(db));
