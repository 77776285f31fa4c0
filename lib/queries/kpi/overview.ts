// The overview: every tile (latest values) and the four chart series over 13 months - coverage
// of the organization and per BU, non-compliant resources by reason, KMS cost per BU by month,
// and the buckets with the largest Bucket Key savings.
import type { Db } from "@/lib/db/client";
import { MONEY_DECIMALS, moneySql, roundMoney, roundMoneyOrNull } from "@/lib/domain/money";
import { COMPARE_DAYS, difference, relativeChange, shownPointsChange } from "@/lib/domain/period-change";
import { OPEN_END_DATE, addDays, toDay } from "@/lib/domain/days";
import { loadPolicySettings } from "@/lib/settings/load";
import { sourceLabel, sourceOf } from "./cost-source";
import { latestCostDay, latestCoverageDay, latestSnapshotDay, thirteenMonthsBack } from "./as-of";
import { bucketKeySavingsReport } from "./bucket-key-savings";
import { costByBu } from "./cost-by-bu";
import { coverageSeries } from "./coverage-series";
import { idleKeySavingsReport } from "./idle-key-savings";
import { mttpReport } from "./mttp";
import { nonCompliantSeries } from "./noncompliant-series";

/** Every 7th point counted back from the last one (points are one per day). */
function weekly<P extends { day: string }>(points: P[]): P[] {
  const last = points.at(-1);
  if (!last) return [];
  const lastMs = Date.parse(last.day);
  return points.filter((p) => ((lastMs - Date.parse(p.day)) / 86_400_000) % 7 === 0);
}

async function keyTiles(db: Db, bu: string[] | undefined) {
  const inBu = bu ? { businessUnit: { in: bu } } : {};
  const groups = await db.kmsKeyVersion.groupBy({ by: ["keyManager", "keyState"], where: { validTo: OPEN_END_DATE, ...inBu }, _count: { _all: true } });
  const tiles = { customerManaged: 0, customerManagedUnusable: 0, awsManaged: 0 };
  for (const g of groups) {
    if (g.keyManager === "AWS") tiles.awsManaged += g._count._all;
    else {
      tiles.customerManaged += g._count._all;
      if (g.keyState === "Disabled" || g.keyState === "PendingDeletion") tiles.customerManagedUnusable += g._count._all;
    }
  }
  // A finding's BU is its key's current BU, as in /api/findings.
  const findings = bu
    ? (
        await db.$queryRaw<{ severity: string; n: bigint }[]>`SELECT f.severity, count(*) AS n FROM key_finding f JOIN kms_key_version k ON k.key_arn = f.key_arn AND k.valid_to = ${OPEN_END_DATE} WHERE k.business_unit = ANY(${bu}::text[]) GROUP BY f.severity`
      ).map((f) => ({ severity: f.severity, _count: { _all: Number(f.n) } }))
    : await db.keyFinding.groupBy({ by: ["severity"], _count: { _all: true } });
  return { ...tiles, findingsBySeverity: Object.fromEntries(findings.map((f) => [f.severity, f._count._all])) };
}

/** A window's source label; null when it holds no cost. */
function windowSource(source: string | null | undefined, final: boolean | null | undefined): string | null {
  if (!source) return null;
  const { costSource, billStatus } = sourceOf({ cost_source: source, bill_final: final ?? null });
  return sourceLabel(costSource, billStatus);
}

async function costTiles(db: Db, latest: string | null, bu: string[] | undefined) {
  if (!latest) return null;
  const [y, m] = latest.split("-").map(Number) as [number, number];
  const monthStart = toDay(new Date(Date.UTC(y, m - 1, 1)));
  const lastMonthStart = toDay(new Date(Date.UTC(y, m - 2, 1)));
  const monthBeforeStart = toDay(new Date(Date.UTC(y, m - 3, 1)));
  // The month before the last full month has "no data" (null), not $0, when no day of it is stored.
  // Usage only (the bill's credits, tax and corrections are in `net`), each window from its source.
  const usage = `charge_kind = 'Usage'`;
  const rows = await db.$queryRawUnsafe<{ mtd: string; last_month: string; month_before: string | null; mtd_net: string; last_month_net: string; mtd_source: string | null; mtd_final: boolean | null; last_source: string | null; last_final: boolean | null }[]>(
    `SELECT ${moneySql(`sum(unblended_cost) FILTER (WHERE day >= $1::date AND day <= $3::date AND ${usage})`)} AS mtd,
            ${moneySql(`sum(unblended_cost) FILTER (WHERE day >= $2::date AND day < $1::date AND ${usage})`)} AS last_month,
            round(sum(unblended_cost) FILTER (WHERE day >= $4::date AND day < $2::date AND ${usage}), ${MONEY_DECIMALS})::text AS month_before,
            ${moneySql(`sum(unblended_cost) FILTER (WHERE day >= $1::date AND day <= $3::date)`)} AS mtd_net,
            ${moneySql(`sum(unblended_cost) FILTER (WHERE day >= $2::date AND day < $1::date)`)} AS last_month_net,
            min(cost_source) FILTER (WHERE day >= $1::date) AS mtd_source, bool_and(bill_final) FILTER (WHERE day >= $1::date) AS mtd_final,
            min(cost_source) FILTER (WHERE day >= $2::date AND day < $1::date) AS last_source, bool_and(bill_final) FILTER (WHERE day >= $2::date AND day < $1::date) AS last_final
     FROM kms_cost WHERE day >= $4::date AND ($5::text[] IS NULL OR business_unit = ANY($5::text[]))`,
    monthStart,
    lastMonthStart,
    latest,
    monthBeforeStart,
    bu ?? null,
  );
  return {
    asOf: latest,
    monthToDate: { from: monthStart, to: latest, total: roundMoney(rows[0]?.mtd ?? 0), net: roundMoney(rows[0]?.mtd_net ?? 0), source: windowSource(rows[0]?.mtd_source, rows[0]?.mtd_final) },
    lastFullMonth: { from: lastMonthStart, total: roundMoney(rows[0]?.last_month ?? 0), net: roundMoney(rows[0]?.last_month_net ?? 0), source: windowSource(rows[0]?.last_source, rows[0]?.last_final) },
    monthBefore: { from: monthBeforeStart, total: roundMoneyOrNull(rows[0]?.month_before) },
  };
}

/** bu: the business units (stored form) every figure is limited to; undefined for the whole organization. */
export async function overview(db: Db, bu?: string[]) {
  const [settings, coverageDay, costDay, snapshotDay] = await Promise.all([loadPolicySettings(db), latestCoverageDay(db), latestCostDay(db), latestSnapshotDay(db)]);
  const to = coverageDay ?? snapshotDay;
  const from = to ? thirteenMonthsBack(to) : undefined;
  const page = { page: 1, pageSize: 10 };
  const [coverageOrg, nonCompliant, costs, buckets, idle, mttp, keys, cost] = await Promise.all([
    coverageSeries(db, { from, to: to ?? undefined, filters: { bu } }),
    nonCompliantSeries(db, { from, to: to ?? undefined, filters: { bu } }),
    costByBu(db, { granularity: "month", from: costDay ? thirteenMonthsBack(costDay) : undefined, to: costDay ?? undefined, bu }),
    bucketKeySavingsReport(db, { ...page, bu }),
    idleKeySavingsReport(db, { ...page, bu }),
    mttpReport(db, { bu }),
    keyTiles(db, bu),
    costTiles(db, costDay, bu),
  ]);
  const latestCoverage = coverageOrg.points.at(-1) ?? null;
  const latestNonCompliant = nonCompliant.points.at(-1) ?? null;
  // The same figures 30 days before the latest day; null when no rollup exists for that day.
  const previousDay = latestCoverage ? addDays(latestCoverage.day, -COMPARE_DAYS) : null;
  const previousCoverage = coverageOrg.points.find((p) => p.day === previousDay) ?? null;
  const previousNonCompliant = nonCompliant.points.find((p) => p.day === previousDay) ?? null;
  return {
    asOf: { inventory: snapshotDay, coverage: coverageDay, costs: costDay },
    targets: settings.targets,
    tiles: {
      coverage: latestCoverage,
      nonCompliant: latestNonCompliant && { day: latestNonCompliant.day, total: latestNonCompliant.total, byReason: latestNonCompliant.byReason },
      keys,
      cost,
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
