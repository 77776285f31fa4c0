import { db, type Db } from "@/lib/db/client";

export interface DataFreshness {
  /** The newest good snapshot day over all scopes: what "data as of" shows. */
  asOf: Date;
  /** The oldest scope's last good day; earlier than asOf when some account-regions lag. */
  oldestScope: Date;
  /** Scopes (account, region, source) whose last good day is before asOf. */
  laggingScopes: number;
  scopes: number;
}

/**
 * "Data as of" from scope_freshness (per account, region and source). Without it (a store that
 * predates it), the snapshot day of the latest run that stored anything stands in.
 */
export async function getDataFreshness(client: Db = db()): Promise<DataFreshness | null> {
  const range = await client.scopeFreshness.aggregate({
    _max: { lastGoodDay: true },
    _min: { lastGoodDay: true },
    _count: { _all: true },
  });
  const asOf = range._max.lastGoodDay;
  if (asOf && range._min.lastGoodDay) {
    const laggingScopes = await client.scopeFreshness.count({ where: { lastGoodDay: { lt: asOf } } });
    return { asOf, oldestScope: range._min.lastGoodDay, laggingScopes, scopes: range._count._all };
  }
  const run = await client.ingestionRun.findFirst({
    where: { status: { in: ["SUCCEEDED", "PARTIAL"] } },
    orderBy: { snapshotDay: "desc" },
    select: { snapshotDay: true },
  });
  if (!run) return null;
  return { asOf: run.snapshotDay, oldestScope: run.snapshotDay, laggingScopes: 0, scopes: 0 };
}
