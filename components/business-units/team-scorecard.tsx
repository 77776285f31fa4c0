"use client";

import type { ResponseOf } from "@/lib/api/endpoint";
import type { teamScorecardEndpoint } from "@/lib/endpoints/teams/scorecard";
import { dayToDate } from "@/lib/domain/days";
import { formatDayRange, formatInteger, formatMonth, formatPercent, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { usdColumn, textColumn } from "@/components/tables/columns";
import { DataTable } from "@/components/tables/data-table";
import { FilterNote } from "@/components/overview/filter-note";
import { gapText } from "./team-gap-text";
import { statusTextClass, TargetTile } from "./target-status";

// The team's scorecard (GET /api/teams/scorecard): the gap to the coverage target in one line,
// then non-compliant resources, KMS cost, findings by severity and MTTP, each against its target.
// A tile whose figure cannot follow a filter of the bar says so (the overview's note and reasons).

export type TeamScorecardAnswer = ResponseOf<typeof teamScorecardEndpoint>;
type Card = NonNullable<TeamScorecardAnswer["scorecard"]>;
type TrendRow = NonNullable<Card["cost"]>["trend"][number];

const usdOrNoData = (n: number | null) => (n === null ? "no data" : formatUsd(n));
const range = (w: { from: string; to: string }) => formatDayRange(dayToDate(w.from), dayToDate(w.to));

function changeText(pct: number | null): string {
  if (pct === null) return "no comparison";
  return `${pct > 0 ? "+" : ""}${pct.toFixed(1)} %`;
}

const TREND_COLUMNS = [
  textColumn("month", "Month", (r: TrendRow) => `${formatMonth(dayToDate(r.month))}${r.partial ? " (month to date)" : ""}`),
  { ...usdColumn("total", "KMS cost (USD)", (r: TrendRow) => r.total), cell: (r: TrendRow) => usdOrNoData(r.total) },
];

export function TeamScorecard({ answer }: { answer: TeamScorecardAnswer }) {
  const card = answer.scorecard;
  const bu = answer.businessUnit;
  if (!card || !bu) return <p className="text-sm text-slate-700">No team to show yet: no business unit has in-scope resources.</p>;
  const t = answer.targets;
  const cost = card.cost;
  const f = card.findings.bySeverity;
  const notes = answer.filtersNotApplied;
  return (
    <section aria-labelledby="team-scorecard-heading" className="space-y-4" data-testid="team-scorecard">
      <h2 id="team-scorecard-heading" className="text-xl font-semibold">Scorecard of {bu}</h2>
      <p className={`text-lg font-semibold ${statusTextClass(card.coverage.status)}`} data-testid="team-gap">
        {gapText(card, t.coverageByCount)}
        <span className="ml-2 text-sm font-normal text-slate-700">
          ({formatInteger(card.coverage.cmkResources)} of {formatInteger(card.coverage.resources)} on a customer managed key, {formatPercent(card.coverage.coverageByCountPct)})
        </span>
      </p>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <TargetTile label="Non-compliant resources" testId="team-noncompliant" status={card.nonCompliant.status}
          value={card.nonCompliant.count === null ? NO_VALUE : formatInteger(card.nonCompliant.count)} detail={`target at most ${formatInteger(t.nonCompliant)}`} />
        <TargetTile label="KMS cost, month to date" testId="team-cost" status={null} note={<FilterNote notes={notes.cost} testId="filter-note-team-cost" />} value={cost ? usdOrNoData(cost.monthToDate.total) : "no data"}
          detail={cost ? (
            <>
              {range(cost.monthToDate)}; {changeText(cost.changePct)} vs {range(cost.sameDaysMonthBefore)} ({usdOrNoData(cost.sameDaysMonthBefore.total)}); last full month{" "}
              {formatMonth(dayToDate(cost.lastFullMonth.from))}: {usdOrNoData(cost.lastFullMonth.total)}
            </>
          ) : "no cost data"} />
        <TargetTile label="Key findings, critical and high" testId="team-findings" status={card.findings.status} note={<FilterNote notes={notes.findings} testId="filter-note-team-findings" />}
          value={formatInteger(f.critical + f.high)} detail={<span data-testid="team-findings-by-severity">critical {formatInteger(f.critical)}, high {formatInteger(f.high)}, medium {formatInteger(f.medium)}, low {formatInteger(f.low)}; target none critical or high</span>} />
        <TargetTile label="Mean time to provision" testId="team-mttp" status={card.mttp.status} note={<FilterNote notes={notes.mttp} testId="filter-note-team-mttp" />}
          value={card.mttp.meanDays === null ? "no data" : `${card.mttp.meanDays.toFixed(1)} days`}
          detail={`target ${t.mttpDays} days; ${formatInteger(card.mttp.keys)} keys created ${card.mttp.from ?? ""} to ${card.mttp.to ?? ""}, ${formatInteger(card.mttp.open)} open`} />
      </div>
      {cost ? <DataTable title={`KMS cost of ${bu} by month`} testId="team-cost-trend" rows={cost.trend} rowKey={(r) => r.month} columns={TREND_COLUMNS} /> : null}
    </section>
  );
}
