// GET /api/teams/scorecard: one business unit's scorecard on the Teams page (issue 19 item 7):
// non-compliant resources and the gap to the coverage target in resources to move, KMS cost
// month to date against the same days of the month before and its monthly trend, key findings by
// severity, and MTTP, each beside its target. Which team: the one asked for (`bu`); without one,
// the caller's own business unit when their identity has one (a scoped principal), else the
// business unit furthest below the coverage target. "(untagged)" is never a team: its resources
// are a follow-up list (`untagged`), and asking for it alone answers 400.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { UNTAGGED, buLabel } from "@/lib/domain/business-unit";
import { badRequest } from "@/lib/domain/errors";
import { type Day, dayToDate, toDay } from "@/lib/domain/days";
import { relativeChange } from "@/lib/domain/period-change";
import { againstTarget, resourcesToMove } from "@/lib/kpi/target-gap";
import { getCoverageSummaryOn } from "@/lib/queries/coverage-summary";
import { costWindows, sameDaysMonthBefore, windowTotal, type CostWindow } from "@/lib/queries/kms-cost-summary";
import { latestCostDay, latestCoverageDay } from "@/lib/queries/kpi/as-of";
import { costByBu } from "@/lib/queries/kpi/cost-by-bu";
import { mttpReport } from "@/lib/queries/kpi/mttp";
import { keyTiles } from "@/lib/queries/overview";
import { loadPolicySettings } from "@/lib/settings/load";

/** Months of cost in the trend, the running one included. */
const TREND_MONTHS = 6;

type Coverage = Awaited<ReturnType<typeof getCoverageSummaryOn>>["byBusinessUnit"][number];

/** Points below the coverage target, then resources to move: the order "furthest from target" means. */
function furthestFromTarget(units: Coverage[], target: number): Coverage | undefined {
  const gap = (u: Coverage) => target - (u.coverageByCountPct ?? target);
  return [...units].sort((a, b) => gap(b) - gap(a) || (resourcesToMove(b.cmkResources, b.resources, target) ?? 0) - (resourcesToMove(a.cmkResources, a.resources, target) ?? 0) || a.businessUnit.localeCompare(b.businessUnit))[0];
}

/** A cost window's usage total; null ("no data", never $0.00) when no day of it is stored. */
async function windowCost(db: Db, window: CostWindow, bu: string) {
  const w = await windowTotal(db, window, { bu: [bu] });
  return { from: toDay(window.from), to: toDay(window.to), total: w.days > 0 ? w.total : null };
}

async function costOf(db: Db, bu: string, latest: Day | null) {
  if (!latest) return null;
  const windows = costWindows(dayToDate(latest));
  const [y, m] = latest.split("-").map(Number) as [number, number];
  const trendFrom = toDay(new Date(Date.UTC(y, m - TREND_MONTHS, 1)));
  const [monthToDate, sameDaysBefore, lastFullMonth, trend] = await Promise.all([
    windowCost(db, windows.monthToDate, bu),
    windowCost(db, sameDaysMonthBefore(windows.monthToDate), bu),
    windowCost(db, windows.lastFullMonth, bu),
    costByBu(db, { granularity: "month", from: trendFrom, to: latest, bu: [bu] }),
  ]);
  const byMonth = new Map(trend.rows.map((r) => [r.period, r.total]));
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => toDay(new Date(Date.UTC(y, m - TREND_MONTHS + i, 1))));
  return {
    monthToDate,
    sameDaysMonthBefore: sameDaysBefore,
    /** Month to date against the same days of the month before, in %; null when either has no data or the base is 0. */
    changePct: relativeChange(monthToDate.total, sameDaysBefore.total),
    lastFullMonth,
    /** Usage per month, oldest first; the last one is the month to date; null = no data. */
    trend: months.map((month) => ({ month, total: byMonth.get(month) ?? null, partial: month === months.at(-1) })),
  };
}

export async function teamScorecard(db: Db, params: { bu?: string[] }) {
  const principal = currentPrincipal();
  if (params.bu?.length && params.bu.every((b) => b === "")) throw badRequest(`Parameter bu: ${UNTAGGED} is not a team; its resources are the follow-up list of every scorecard`);
  const [settings, coverageDay, costDay] = await Promise.all([loadPolicySettings(db), latestCoverageDay(db), latestCostDay(db)]);
  const targets = settings.targets;
  const coverage = coverageDay ? (await getCoverageSummaryOn(db, dayToDate(coverageDay), params.bu)).byBusinessUnit : [];
  const teams = coverage.filter((u) => u.businessUnit !== "");
  const asked = params.bu?.filter((b) => b !== "") ?? [];
  // A scoped principal's request without bu arrives narrowed to their whole scope: their own BUs.
  const own = principal.businessUnits !== null && asked.length === principal.businessUnits.filter((b) => b !== "").length;
  const pickedFrom = asked.length ? teams.filter((t) => asked.includes(t.businessUnit)) : teams;
  const picked = asked.length === 1 ? (teams.find((t) => t.businessUnit === asked[0]) ?? null) : (furthestFromTarget(pickedFrom, targets.coverageByCount) ?? null);
  const pickedBecause = own ? "your business unit" : asked.length === 1 ? "requested" : "furthest from target";
  const untaggedRow = coverage.find((u) => u.businessUnit === "");
  const untagged = untaggedRow ? { resources: untaggedRow.resources, nonCompliant: untaggedRow.nonCompliant } : null;
  const bu = picked?.businessUnit ?? asked[0];
  if (bu === undefined) return { businessUnit: null, pickedBecause, asOf: { coverage: coverageDay, costs: costDay }, targets, teams: teams.map((t) => buLabel(t.businessUnit)), untagged, scorecard: null };

  const [keys, cost, mttp] = await Promise.all([keyTiles(db, { bu: [bu] }), costOf(db, bu, costDay), mttpReport(db, { bu: [bu] })]);
  const toMove = picked ? resourcesToMove(picked.cmkResources, picked.resources, targets.coverageByCount) : null;
  const findings = { critical: 0, high: 0, medium: 0, low: 0, ...keys.findingsBySeverity };
  return {
    businessUnit: buLabel(bu),
    pickedBecause,
    asOf: { coverage: coverageDay, costs: costDay },
    targets,
    /** Every team the caller may see, for the picker ("(untagged)" is not one). */
    teams: teams.map((t) => buLabel(t.businessUnit)).sort(),
    untagged,
    scorecard: {
      coverage: {
        resources: picked?.resources ?? 0,
        cmkResources: picked?.cmkResources ?? 0,
        coverageByCountPct: picked?.coverageByCountPct ?? null,
        /** "To reach 90 %: 412 resources to move"; null without resources. */
        resourcesToMove: toMove,
        status: againstTarget(picked?.coverageByCountPct ?? null, targets.coverageByCount, "atLeast"),
      },
      nonCompliant: { count: picked ? picked.nonCompliant : null, status: againstTarget(picked ? picked.nonCompliant : null, targets.nonCompliant, "atMost") },
      cost,
      findings: { bySeverity: findings, total: findings.critical + findings.high + findings.medium + findings.low, status: againstTarget(findings.critical + findings.high, 0, "atMost") },
      mttp: { from: mttp.from, to: mttp.to, ...mttp.summary, status: againstTarget(mttp.summary.meanDays, targets.mttpDays, "atMost") },
    },
  };
}

export const teamScorecardEndpoint = defineEndpoint({
  route: "GET /api/teams/scorecard",
  access: "read",
  params: z.strictObject({ bu: dimensionParams.bu }),
  query: teamScorecard,
});
