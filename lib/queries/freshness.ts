// "Data as of" (the read side of scope_freshness, written by lib/store/freshness.ts): per source
// the last day it holds data for — the inventory, the costs and the per-key request data each end
// on their own day (a Cost Explorer fetch on Dec 4 may hold cost only up to Nov 20) — each
// scope's last good fetch and the data it brought, optional data sources (e.g. Cost Explorer
// resource-level data) and the latest run. GET /api/freshness answers it whole; every page's
// heading shows its summary (dataAsOf).
import type { Db } from "@/lib/db/client";
import { type Day, addDays, dayToDate, toDay } from "@/lib/domain/days";
import { latestCostDay, latestSnapshotDay } from "./kpi/as-of";
import { COST_FIRST_DAY } from "./kpi/cost-source";
import { CE_RESOURCES_SOURCE } from "./kpi/key-request-volumes";

export type DataSourceName = "inventory" | "costs" | "keyRequests";

/** One source's span of data: null days when it holds none ("no data", never an empty figure). */
export interface SourceSpan {
  source: DataSourceName;
  /** What the heading calls it. */
  label: string;
  from: Day | null;
  through: Day | null;
  /** Distinct days with data (per-key request data has gaps: Cost Explorer keeps 14 days). */
  days: number | null;
  /** Why there is no data when the source says so (e.g. resource-level data not enabled). */
  note: string | null;
}

/**
 * A scope's state: "lagging" behind the other scopes of its source, "data behind" when the fetch
 * succeeded but brought data ending more than COST_SETTLE_DAYS before it (Cost Explorer answering
 * with old days only), "no data" when the source holds nothing, "current" otherwise.
 */
export type ScopeStatus = "current" | "lagging" | "data behind" | "no data";

/** Cost Explorer's days settle a day or two late: a fetch on Dec 4 holding Dec 2 is current. */
const COST_SETTLE_DAYS = 2;

async function keyRequestSpan(db: Db): Promise<SourceSpan> {
  const [status, [span]] = await Promise.all([
    db.dataSourceStatus.findUnique({ where: { source: CE_RESOURCES_SOURCE } }),
    db.$queryRawUnsafe<{ first: Date | null; last: Date | null; days: number }[]>(
      `SELECT min(day) AS first, max(day) AS last, count(DISTINCT day)::int AS days FROM key_request_daily`,
    ),
  ]);
  const label = "Per-key request data";
  if (status && !status.available) return { source: "keyRequests", label, from: null, through: null, days: 0, note: status.message || "not available" };
  return { source: "keyRequests", label, from: span?.first ? toDay(span.first) : null, through: span?.last ? toDay(span.last) : null, days: span?.days ?? 0, note: null };
}

async function sourceSpans(db: Db, inventoryAsOf: Day | null, costsAsOf: Day | null): Promise<SourceSpan[]> {
  const [[firsts], keyRequests] = await Promise.all([
    db.$queryRawUnsafe<{ inventory: Date | null; costs: Date | null }[]>(`SELECT least((SELECT min(valid_from) FROM storage_resource_version), (SELECT min(valid_from) FROM kms_key_version)) AS inventory, ${COST_FIRST_DAY} AS costs`),
    keyRequestSpan(db),
  ]);
  const day = (d: Date | null | undefined) => (d ? toDay(d) : null);
  return [
    { source: "inventory", label: "Inventory", from: inventoryAsOf ? day(firsts?.inventory) ?? inventoryAsOf : null, through: inventoryAsOf, days: null, note: null },
    { source: "costs", label: "Costs", from: costsAsOf ? day(firsts?.costs) : null, through: costsAsOf, days: null, note: null },
    keyRequests,
  ];
}

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
  const spans = await sourceSpans(db, inventoryAsOf, costsAsOf);
  return {
    inventoryAsOf,
    costsAsOf,
    /** Per source, the days it holds data for: what "data as of" means for each. */
    sources: spans,
    scopes: scopes.map((s) => {
      const lastGoodDay = toDay(s.lastGoodDay);
      const lagging = lastGoodDay < (newest.get(s.source) ?? "");
      // A cost fetch's data ends where the stored cost ends, not on the day it ran.
      const dataThrough = s.source !== "costs" ? lastGoodDay : costsAsOf === null ? null : costsAsOf < lastGoodDay ? costsAsOf : lastGoodDay;
      const status: ScopeStatus = !dataThrough ? "no data" : lagging ? "lagging" : dataThrough < addDays(lastGoodDay, -COST_SETTLE_DAYS) ? "data behind" : "current";
      return { accountId: s.accountId, region: s.region, source: s.source, lastGoodDay, dataThrough, lagging, status };
    }),
    dataSources: sources.map((s) => ({ source: s.source, available: s.available, message: s.message, checkedAt: s.checkedAt.toISOString() })),
    lastRun: lastRun && { id: lastRun.id, status: lastRun.status, snapshotDay: toDay(lastRun.snapshotDay), finishedAt: lastRun.finishedAt?.toISOString() ?? null },
  };
}

/** What a page's heading says: "data as of" per source and how many scopes lag behind. */
export interface DataAsOf {
  /** The inventory's latest good day (the newest over its scopes). */
  asOf: Date;
  /** The oldest scope's last good day; earlier than asOf when some account-regions lag. */
  oldestScope: Date;
  /** Scopes (account, region, source) whose last good day is before their source's newest. */
  laggingScopes: number;
  scopes: number;
  /** Inventory, costs and per-key request data, each with its own last day (null: no data). */
  sources: SourceSpan[];
}

/**
 * The heading's summary of dataFreshness. Without scope rows (a history written directly), the
 * latest inventory snapshot day stands in; null when nothing was ever stored.
 */
function dataAsOfOf(freshness: Awaited<ReturnType<typeof dataFreshness>>): DataAsOf | null {
  const days = freshness.scopes.map((s) => s.lastGoodDay).sort();
  const asOf = freshness.inventoryAsOf ?? days.at(-1);
  if (!asOf) return null;
  return {
    asOf: dayToDate(asOf),
    oldestScope: dayToDate(days[0] ?? asOf),
    laggingScopes: freshness.scopes.filter((s) => s.lagging).length,
    scopes: days.length,
    sources: freshness.sources,
  };
}

export const dataAsOf = async (db: Db) => dataAsOfOf(await dataFreshness(db));
