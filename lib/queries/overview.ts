// The overview (GET /api/overview, the home page): every tile (latest values, against 30 days and
// one month earlier), coverage per business unit on the latest day, and the four chart series
// over 13 months - coverage of the organization, non-compliant resources by reason, KMS cost per
// BU by month, and the buckets with the largest Bucket Key savings.
import type { Db } from "@/lib/db/client";
import { roundMoneyOrNull } from "@/lib/domain/money";
import { COMPARE_DAYS, difference, relativeChange, shownPointsChange } from "@/lib/domain/period-change";
import { OPEN_END_DATE, addDays, dayToDate, toDay, type Day } from "@/lib/domain/days";
import { loadPolicySettings } from "@/lib/settings/load";
import { getCoverageSummaryOn } from "./coverage-summary";
import { getKeyCounts } from "./key-counts";
import { costWindows, windowTotal, type CostWindowTotal } from "./kms-cost-summary";
import { latestCostDay, latestCoverageDay, latestSnapshotDay, thirteenMonthsBack } from "./kpi/as-of";
import { bucketKeySavingsReport } from "./kpi/bucket-key-savings";
import { costByBu } from "./kpi/cost-by-bu";
import { coverageSeries } from "./kpi/coverage-series";
import { idleKeySavingsReport } from "./kpi/idle-key-savings";
import { mttpReport } from "./kpi/mttp";
import { nonCompliantSeries } from "./kpi/noncompliant-series";

/** Every 7th point counted back from the last one (points are one per day). */
function weekly<P extends { day: string }>(points: P[]): P[] {
  const last = points.at(-1);
  if (!last) return [];
  const lastMs = Date.parse(last.day);
  return points.filter((p) => ((lastMs - Date.parse(p.day)) / 86_400_000) % 7 === 0);
}

export async function keyTiles(db: Db, bu: string[] | undefined) {
  // A finding's BU is its key's current BU, as in /api/findings.
  const [counts, findings] = await Promise.all([
    getKeyCounts(db, bu),
    bu
      ? db.$queryRaw<{ severity: string; n: bigint }[]>`SELECT f.severity, count(*) AS n FROM key_finding f JOIN kms_key_version k ON k.key_arn = f.key_arn AND k.valid_to = ${OPEN_END_DATE} WHERE k.business_unit = ANY(${bu}::text[]) GROUP BY f.severity`.then((rows) => rows.map((f) => ({ severity: f.severity, n: Number(f.n) })))
      : db.keyFinding.groupBy({ by: ["severity"], _count: { _all: true } }).then((rows) => rows.map((f) => ({ severity: f.severity, n: f._count._all }))),
  ]);
  return { ...counts, findingsBySeverity: Object.fromEntries(findings.map((f) => [f.severity, f.n])) };
}

/** A window's billed cost as the tiles show it: usage per category, net, and its source (null when the window holds no cost). */
const costWindowTile = ({ days, from, total, net, keys, requests, other, source }: CostWindowTotal & { days: number }) => ({ from: toDay(from), total, net, keys, requests, other, source: days > 0 ? source : null });

/** Month to date, the last full month and the month before, anchored on the latest day with cost (kms-cost-summary.ts). */
export async function costTiles(db: Db, latest: Day | null, bu: string[] | undefined) {
  if (!latest) return null;
  const windows = costWindows(dayToDate(latest));
  // Month to date summed as the whole month: no stored cost day lies after `latest` (it is the last
  // one), so both hold the same rows, and a calendar month reads the monthly rollup.
  const { from } = windows.monthToDate;
  const wholeMonth = { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0)) };
  const [monthToDate, lastFullMonth, monthBefore] = await Promise.all([windowTotal(db, wholeMonth, bu), windowTotal(db, windows.lastFullMonth, bu), windowTotal(db, windows.monthBefore, bu)]);
  return {
    asOf: latest,
    monthToDate: { ...costWindowTile(monthToDate), to: latest },
    lastFullMonth: costWindowTile(lastFullMonth),
    // "No data" (null), not $0, when no day of it is stored.
    monthBefore: { from: toDay(windows.monthBefore.from), total: monthBefore.days > 0 ? monthBefore.total : null },
  };
}

/** bu: the business units (stored form) every figure is limited to; undefined for the whole organization. */
export async function overview(db: Db, bu?: string[]) {
  const [settings, coverageDay, costDay, snapshotDay] = await Promise.all([loadPolicySettings(db), latestCoverageDay(db), latestCostDay(db), latestSnapshotDay(db)]);
  const to = coverageDay ?? snapshotDay;
  const from = to ? thirteenMonthsBack(to) : undefined;
  const page = { page: 1, pageSize: 10 };
  const [coverageOrg, nonCompliant, costs, buckets, idle, mttp, keys, cost, coverageByBu] = await Promise.all([
    coverageSeries(db, { from, to: to ?? undefined, filters: { bu } }),
    nonCompliantSeries(db, { from, to: to ?? undefined, filters: { bu } }),
    costByBu(db, { granularity: "month", from: costDay ? thirteenMonthsBack(costDay) : undefined, to: costDay ?? undefined, bu }),
    bucketKeySavingsReport(db, { ...page, bu }),
    idleKeySavingsReport(db, { ...page, bu }),
    mttpReport(db, { bu }),
    keyTiles(db, bu),
    costTiles(db, costDay, bu),
    coverageDay ? getCoverageSummaryOn(db, dayToDate(coverageDay), bu).then((c) => c.byBusinessUnit) : [],
  ]);
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
