// "Data as of": the latest inventory snapshot and cost day, the scopes lagging behind, and the
// state of optional data sources (e.g. Cost Explorer resource-level data).
import type { Db } from "@/lib/db/client";
import { latestCostDay, latestSnapshotDay } from "./as-of";
import { toDay } from "@/lib/domain/days";

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
