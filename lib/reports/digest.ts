// The weekly digest of one business unit (issue 16 §4): what its engineering manager would see on
// the Teams page, pushed by email. Every figure comes from the query the matching API endpoint
// runs, with the same parameters, so the email and the dashboard never disagree:
//   coverage now and a week before  = GET /api/coverage?bu=<bu>&from=<day-7>&to=<day>
//   non-compliant resources         = GET /api/resources/noncompliant?bu=<bu>&sort=since
//   new key findings                = GET /api/findings?bu=<bu> (first seen in the last 7 days)
//   KMS cost month to date          = the overview's month-to-date window (lib/queries/kms-cost-summary)
import type { Db } from "@/lib/db/client";
import { latestCostDay, latestCoverageDay } from "@/lib/queries/kpi/as-of";
import { coverageSeries, type CoveragePoint } from "@/lib/queries/kpi/coverage-series";
import { listFindings } from "@/lib/queries/kpi/findings";
import { nonCompliantResources } from "@/lib/queries/kpi/noncompliant-resources";
import { costWindows, sameDaysMonthBefore, windowTotal } from "@/lib/queries/kms-cost-summary";
import { difference, relativeChange, shownPointsChange } from "@/lib/domain/period-change";
import { roundMoneyOrNull } from "@/lib/domain/money";
import { type Day, addDays, dayToDate, daysBetween, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";

/** The week a digest looks back over (coverage trend, new findings). */
export const DIGEST_DAYS = 7;
/** Rows listed per section; the email links to the full list. */
export const DIGEST_LIST_LIMIT = 10;

export interface DigestResource {
  name: string;
  resourceArn: string;
  service: string;
  reason: string;
  since: Day;
  /** Days non-compliant as of the digest's day. */
  ageDays: number;
}

export interface DigestFinding {
  keyArn: string;
  alias: string | null;
  code: string;
  severity: string;
  firstSeen: Day;
}

export interface DigestCostWindow {
  from: Day;
  to: Day;
  total: number;
}

export interface BuDigest {
  /** Stored form ("" is untagged) and as shown. */
  businessUnit: string;
  label: string;
  /** The latest day with coverage rollups: "now" for coverage and non-compliance; null without data. */
  day: Day | null;
  coverage: { now: CoveragePoint | null; weekBefore: CoveragePoint | null; countPts: number | null; storagePts: number | null };
  nonCompliant: { total: number; items: DigestResource[] };
  newFindings: { from: Day | null; total: number; items: DigestFinding[] };
  /** Month to date up to the latest cost day, against the same days of the month before; null without cost data. */
  cost: { monthToDate: DigestCostWindow; sameDaysLastMonth: DigestCostWindow; change: number | null; changePct: number | null } | null;
}

async function coverageWeek(db: Db, bu: string[], day: Day | null): Promise<BuDigest["coverage"]> {
  if (!day) return { now: null, weekBefore: null, countPts: null, storagePts: null };
  const weekBeforeDay = addDays(day, -DIGEST_DAYS);
  const series = await coverageSeries(db, { from: weekBeforeDay, to: day, filters: { bu } });
  const now = series.points.find((p) => p.day === day) ?? null;
  const weekBefore = series.points.find((p) => p.day === weekBeforeDay) ?? null;
  return {
    now,
    weekBefore,
    // Between the percentages as shown (one decimal), like the overview's tiles.
    countPts: shownPointsChange(now?.coverageByCountPct, weekBefore?.coverageByCountPct),
    storagePts: shownPointsChange(now?.coverageByStoragePct, weekBefore?.coverageByStoragePct),
  };
}

async function nonCompliant(db: Db, bu: string[], day: Day | null): Promise<BuDigest["nonCompliant"]> {
  if (!day) return { total: 0, items: [] };
  const page = await nonCompliantResources(db, { day, filters: { bu }, sort: { field: "since", descending: false }, page: 1, pageSize: DIGEST_LIST_LIMIT });
  return {
    total: page.total,
    items: page.items.map((r) => ({ name: r.name, resourceArn: r.resourceArn, service: r.service, reason: r.reason, since: r.since, ageDays: daysBetween(r.since, day) })),
  };
}

async function newFindings(db: Db, bu: string[], day: Day | null): Promise<BuDigest["newFindings"]> {
  if (!day) return { from: null, total: 0, items: [] };
  // The week ending on `day`, both ends included: day-6 … day.
  const from = addDays(day, -(DIGEST_DAYS - 1));
  const found = await listFindings(db, { bu, firstSeenFrom: from, page: 1, pageSize: DIGEST_LIST_LIMIT });
  return {
    from,
    total: found.total,
    items: found.items.map((f) => ({ keyArn: f.keyArn, alias: f.aliases[0] ?? null, code: f.code, severity: f.severity, firstSeen: f.firstSeen })),
  };
}

async function monthToDateCost(db: Db, bu: string[]): Promise<BuDigest["cost"]> {
  const latest = await latestCostDay(db);
  if (!latest) return null;
  const window = costWindows(dayToDate(latest)).monthToDate;
  const before = sameDaysMonthBefore(window);
  const [now, then] = await Promise.all([windowTotal(db, window, { bu }), windowTotal(db, before, { bu })]);
  const shown = (w: { from: Date; to: Date; total: number }): DigestCostWindow => ({ from: toDay(w.from), to: toDay(w.to), total: w.total });
  return {
    monthToDate: shown(now),
    sameDaysLastMonth: shown(then),
    change: roundMoneyOrNull(difference(now.total, then.total)),
    changePct: relativeChange(now.total, then.total),
  };
}

/** The digest of one business unit (stored form), as of the latest data. */
export async function buDigest(db: Db, businessUnit: string): Promise<BuDigest> {
  const bu = [businessUnit];
  const day = await latestCoverageDay(db);
  const [coverage, resources, findings, cost] = await Promise.all([coverageWeek(db, bu, day), nonCompliant(db, bu, day), newFindings(db, bu, day), monthToDateCost(db, bu)]);
  return { businessUnit, label: buLabel(businessUnit), day, coverage, nonCompliant: resources, newFindings: findings, cost };
}
