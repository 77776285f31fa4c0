// The overview (GET /api/overview, the home page): every tile (latest values, against 30 days and
// one month earlier), coverage per business unit on the latest day, and the four chart series
// over 13 months - coverage of the organization, non-compliant resources by reason, KMS cost per
// BU by month, and the buckets with the largest Bucket Key savings.
import type { Db } from "@/lib/db/client";
import { roundMoneyOrNull } from "@/lib/domain/money";
import { COMPARE_DAYS, difference, relativeChange, shownPointsChange } from "@/lib/domain/period-change";
import { addDays, dayToDate, toDay, type Day } from "@/lib/domain/days";
import { loadPolicySettings } from "@/lib/settings/load";
import { coverageByBusinessUnitOn } from "./coverage-summary";
import { getKeyCounts, type KeyFilters } from "./key-counts";
import { costWindows, windowTotal, type CostFilters, type CostWindowTotal } from "./kms-cost-summary";
import { filtersNotApplied, type OverviewFilters } from "./overview-filters";
import { findingsFrom } from "./kpi/findings";
import { SqlParams } from "./kpi/sql";
import { latestCostDay, latestCoverageDay, latestSnapshotDay, thirteenMonthsBack } from "./kpi/as-of";
import { bucketKeySavingsReport } from "./kpi/bucket-key-savings";
import { costByBu } from "./kpi/cost-by-bu";
import { coveragePoint } from "./kpi/coverage-series";
import { idleKeySavingsReport } from "./kpi/idle-key-savings";
import { mttpReport } from "./kpi/mttp";
import { nonCompliantPoint } from "./kpi/noncompliant-series";
import { rangedRollupSeries } from "./kpi/rollup-series";

/** Every 7th point counted back from the last one (points are one per day). */
function weekly<P extends { day: string }>(points: P[]): P[] {
  const last = points.at(-1);
  if (!last) return [];
  const lastMs = Date.parse(last.day);
  return points.filter((p) => ((lastMs - Date.parse(p.day)) / 86_400_000) % 7 === 0);
}

/** The key counts and findings per severity under the key's dimensions (no service: overview-filters.ts). */
export async function keyTiles(db: Db, filters: KeyFilters) {
  // Counted as /api/findings lists them (a finding's dimensions are its key's current ones), so a
  // tile's count is the list's total.
  const params = new SqlParams();
  const from = findingsFrom(filters, params);
  const [counts, findings] = await Promise.all([
    getKeyCounts(db, filters),
    db.$queryRawUnsafe<{ severity: string; n: number }[]>(`SELECT f.severity, count(*)::int AS n ${from} GROUP BY f.severity`, ...params.values),
  ]);
  return { ...counts, findingsBySeverity: Object.fromEntries(findings.map((f) => [f.severity, f.n])) };
}

/** A window's billed cost as the tiles show it: usage per category, net, and its source (null when the window holds no cost). */
const costWindowTile = ({ days, from, total, net, keys, requests, other, source }: CostWindowTotal & { days: number }) => ({ from: toDay(from), total, net, keys, requests, other, source: days > 0 ? source : null });

/** Month to date, the last full month and the month before, anchored on the latest day with cost (kms-cost-summary.ts). */
export async function costTiles(db: Db, latest: Day | null, filters: CostFilters) {
  if (!latest) return null;
  const windows = costWindows(dayToDate(latest));
  // Month to date summed as the whole month: no stored cost day lies after `latest` (it is the last
  // one), so both hold the same rows, and a calendar month reads the monthly rollup.
  const { from } = windows.monthToDate;
  const wholeMonth = { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0)) };
  const [monthToDate, lastFullMonth, monthBefore] = await Promise.all([windowTotal(db, wholeMonth, filters), windowTotal(db, windows.lastFullMonth, filters), windowTotal(db, windows.monthBefore, filters)]);
  return {
    asOf: latest,
    monthToDate: { ...costWindowTile(monthToDate), to: latest },
    lastFullMonth: costWindowTile(lastFullMonth),
    // "No data" (null), not $0, when no day of it is stored.
    monthBefore: { from: toDay(windows.monthBefore.from), total: monthBefore.days > 0 ? monthBefore.total : null },
  };
}

/**
 * filters: the global filter bar's (stored forms; bu narrowed to the caller's scope); none for
 * the whole organization. Each figure follows the filters its rows have, and `filtersNotApplied`
 * names the others (overview-filters.ts).
 */
export async function overview(db: Db, filters: OverviewFilters = {}) {
  const { bu, account, region, env } = filters;
  const keyFilters = { bu, account, region, env };
  const costFilters = { bu, account, region };
  const [settings, coverageDay, costDay, snapshotDay] = await Promise.all([loadPolicySettings(db), latestCoverageDay(db), latestCostDay(db), latestSnapshotDay(db)]);
  const to = coverageDay ?? snapshotDay;
  const from = to ? thirteenMonthsBack(to) : undefined;
  const page = { page: 1, pageSize: 10 };
  // Without a filter beside bu the series read coverage_bu_daily (rollup-series.ts): the fast
  // path. Coverage and non-compliance share one read of the rollup (the filtered one expands
  // coverage_interval over 13 months).
  const [rollup, costs, buckets, idle, mttp, keys, cost, coverageByBu] = await Promise.all([
    rangedRollupSeries(db, { from, to: to ?? undefined, filters }, (p) => p),
    costByBu(db, { granularity: "month", from: costDay ? thirteenMonthsBack(costDay) : undefined, to: costDay ?? undefined, ...costFilters }),
    bucketKeySavingsReport(db, { ...page, ...filters }),
    idleKeySavingsReport(db, { ...page, ...keyFilters }),
    mttpReport(db, keyFilters),
    keyTiles(db, keyFilters),
    costTiles(db, costDay, costFilters),
    coverageDay ? coverageByBusinessUnitOn(db, coverageDay, filters) : [],
  ]);
  const coverageOrg = { ...rollup, points: rollup.points.map((p) => coveragePoint(p, null)) };
  const nonCompliant = { ...rollup, points: rollup.points.map((p) => nonCompliantPoint(p, null)) };
  const latestCoverage = coverageOrg.points.at(-1) ?? null;
  const latestNonCompliant = nonCompliant.points.at(-1) ?? null;
  // The same figures 30 days before the latest day; null when no rollup exists for that day.
  const previousDay = latestCoverage ? addDays(latestCoverage.day, -COMPARE_DAYS) : null;
  const previousCoverage = coverageOrg.points.find((p) => p.day === previousDay) ?? null;
  const previousNonCompliant = nonCompliant.points.find((p) => p.day === previousDay) ?? null;
  return {
    asOf: { inventory: snapshotDay, coverage: coverageDay, costs: costDay },
    /** True when nothing was ever ingested: the home page shows how to get data instead of zeros. */
    empty: !snapshotDay && !coverageDay && !costDay && keys.customerManaged + keys.awsManaged === 0,
    targets: settings.targets,
    /** Per figure, the filters set that it cannot follow, and why: shown on its card. */
    filtersNotApplied: filtersNotApplied(filters),
    tiles: {
      coverage: latestCoverage,
      nonCompliant: latestNonCompliant && { day: latestNonCompliant.day, total: latestNonCompliant.total, byReason: latestNonCompliant.byReason },
      keys,
      cost,
      /** Per business unit ("" = untagged) on the latest coverage day, worst coverage by count first. */
      coverageByBusinessUnit: coverageByBu,
      savings: {
        bucketKeys: { monthlyExact: buckets.totals.exact, monthlyEstimated: buckets.totals.estimated, buckets: buckets.totals.buckets, noData: buckets.totals.noData },
        idleKeys: { monthly: idle.monthlySavings, keys: idle.total },
      },
      mttp: { from: mttp.from, to: mttp.to, ...mttp.summary },
      previous: {
        day: previousDay,
        coverage: previousCoverage,
        nonCompliant: previousNonCompliant && { day: previousNonCompliant.day, total: previousNonCompliant.total, byReason: previousNonCompliant.byReason },
        cost: cost && { monthBefore: cost.monthBefore },
      },
      change: {
        // Between the percentages as shown (one decimal), like the home page tiles.
        coverageByCountPts: shownPointsChange(latestCoverage?.coverageByCountPct, previousCoverage?.coverageByCountPct),
        coverageByStoragePts: shownPointsChange(latestCoverage?.coverageByStoragePct, previousCoverage?.coverageByStoragePct),
        nonCompliant: difference(latestNonCompliant?.total, previousNonCompliant?.total),
        // A float subtraction (0.3 - 0.1 = 0.19999999999999998), rounded back to the amounts' precision.
        lastFullMonthCost: roundMoneyOrNull(difference(cost?.lastFullMonth.total, cost?.monthBefore.total)),
        lastFullMonthCostPct: relativeChange(cost?.lastFullMonth.total, cost?.monthBefore.total),
      },
    },
    window: { from: coverageOrg.from, to: coverageOrg.to },
    // Weekly points (every 7th day back from the latest) for the 13-month trend charts: daily
    // points made the response ~0.9 MB at organization scale, compressed again on every request.
    // Daily series and per-BU splits: /api/coverage and /api/noncompliant.
    series: {
      coverage: weekly(coverageOrg.points),
      nonCompliantByReason: weekly(nonCompliant.points),
      costByBuMonthly: costs.rows,
      topBuckets: buckets.items,
    },
  };
}
