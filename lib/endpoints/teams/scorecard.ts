// GET /api/teams/scorecard: one business unit's scorecard on the Teams page (issue 19 item 7):
// non-compliant resources and the gap to the coverage target in resources to move, KMS cost
// month to date against the same days of the month before and its monthly trend, key findings by
// severity, and MTTP, each beside its target. Which team: the one asked for (`bu`); without one,
// the caller's own business unit when their identity has one (a scoped principal), else the
// business unit furthest below the coverage target. "(untagged)" is never a team: its resources
// are a follow-up list (`untagged`), and asking for it alone answers 400.
// The global filter bar's account, region, environment and service narrow every figure that has
// them, as on the overview (issue 19 item 2): coverage, non-compliance and the team pick read the
// overview's per-BU coverage (coverage_interval under a non-bu filter); keys, findings and MTTP have
// no service; cost has neither environment nor service. `filtersNotApplied` names, per figure, the
// filters it could not follow (lib/queries/overview-filters.ts), and the page says so on its tile.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { UNTAGGED, buLabel } from "@/lib/domain/business-unit";
import { badRequest } from "@/lib/domain/errors";
import { againstTarget, resourcesToMove } from "@/lib/kpi/target-gap";
import { coverageByBusinessUnitOn } from "@/lib/queries/coverage-summary";
import { latestCostDay, latestCoverageDay } from "@/lib/queries/kpi/as-of";
import { mttpReport } from "@/lib/queries/kpi/mttp";
import { keyTiles } from "@/lib/queries/overview";
import { scorecardFiltersNotApplied, type OverviewFilters } from "@/lib/queries/overview-filters";
import { loadPolicySettings } from "@/lib/settings/load";
import { teamCost } from "./team-cost";

type Coverage = Awaited<ReturnType<typeof coverageByBusinessUnitOn>>[number];

/** Points below the coverage target, then resources to move: the order "furthest from target" means. */
function furthestFromTarget(units: Coverage[], target: number): Coverage | undefined {
  const gap = (u: Coverage) => target - (u.coverageByCountPct ?? target);
  return [...units].sort((a, b) => gap(b) - gap(a) || (resourcesToMove(b.cmkResources, b.resources, target) ?? 0) - (resourcesToMove(a.cmkResources, a.resources, target) ?? 0) || a.businessUnit.localeCompare(b.businessUnit))[0];
}

/** filters: the bar's (bu narrowed to the caller's scope by serve(), the whole scope when absent). */
export async function teamScorecard(db: Db, filters: OverviewFilters) {
  const principal = currentPrincipal();
  if (filters.bu?.length && filters.bu.every((b) => b === "")) throw badRequest(`Parameter bu: ${UNTAGGED} is not a team; its resources are the follow-up list of every scorecard`);
  const { account, region, env } = filters;
  const [settings, coverageDay, costDay] = await Promise.all([loadPolicySettings(db), latestCoverageDay(db), latestCostDay(db)]);
  const targets = settings.targets;
  // The overview's per-BU coverage under the same filters: a team's figures are its row there. Read
  // for every BU the caller may see, not only the one asked: the picker lists them all, and the
  // untagged follow-up belongs under every scorecard, the asked team's too.
  const coverage = coverageDay ? await coverageByBusinessUnitOn(db, coverageDay, { ...filters, bu: principal.businessUnits ?? undefined }) : [];
  const teams = coverage.filter((u) => u.businessUnit !== "");
  const asked = filters.bu?.filter((b) => b !== "") ?? [];
  // A scoped principal's request without bu arrives narrowed to their whole scope: their own BUs.
  const own = principal.businessUnits !== null && asked.length === principal.businessUnits.filter((b) => b !== "").length;
  const pickedFrom = asked.length ? teams.filter((t) => asked.includes(t.businessUnit)) : teams;
  const picked = asked.length === 1 ? (teams.find((t) => t.businessUnit === asked[0]) ?? null) : (furthestFromTarget(pickedFrom, targets.coverageByCount) ?? null);
  const pickedBecause = own ? "your business unit" : asked.length === 1 ? "requested" : "furthest from target";
  const untaggedRow = coverage.find((u) => u.businessUnit === "");
  const untagged = untaggedRow ? { resources: untaggedRow.resources, nonCompliant: untaggedRow.nonCompliant } : null;
  const bu = picked?.businessUnit ?? asked[0];
  const common = { pickedBecause, asOf: { coverage: coverageDay, costs: costDay }, targets, filtersNotApplied: scorecardFiltersNotApplied(filters) };
  if (bu === undefined) return { businessUnit: null, ...common, teams: teams.map((t) => buLabel(t.businessUnit)), untagged, scorecard: null };

  const keyFilters = { bu: [bu], account, region, env };
  const [keys, cost, mttp] = await Promise.all([keyTiles(db, keyFilters), teamCost(db, { bu: [bu], account, region }, costDay), mttpReport(db, keyFilters)]);
  const toMove = picked ? resourcesToMove(picked.cmkResources, picked.resources, targets.coverageByCount) : null;
  const findings = { critical: 0, high: 0, medium: 0, low: 0, ...keys.findingsBySeverity };
  return {
    businessUnit: buLabel(bu),
    ...common,
    /** Every team the caller may see under the filters, for the picker ("(untagged)" is not one). */
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
  // The overview's parameters (lib/endpoints/overview.ts): the global filter bar's five dimensions.
  params: z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, region: dimensionParams.region, env: dimensionParams.env, service: dimensionParams.service }),
  query: teamScorecard,
});
