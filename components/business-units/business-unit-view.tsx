"use client";

import { useMemo } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import { useFilters } from "@/components/filters/use-filters";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import type { getSettingsEndpoint } from "@/lib/endpoints/settings";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { QueryBoundary } from "@/components/tables/states";
import type { teamScorecardEndpoint } from "@/lib/endpoints/teams/scorecard";
import { UNTAGGED } from "@/lib/domain/business-unit";
import { OpenedOn } from "./opened-on";
import { TeamDetail } from "./team-detail";
import { TEAM_DIMENSIONS, TEAM_FILTERS } from "./team-filters";
import { TeamScorecard } from "./team-scorecard";
import { UntaggedFollowUp } from "./untagged-follow-up";

// The Teams page (/teams) shows one business unit at a time: "team" is the page's name in the
// navigation, not a second concept. Its URL names the BU as every page does (/teams?bu=<BU>, which
// the weekly digest links to); the old ?team= links are redirected by the page (app/teams/page.tsx).
const BU_PARAM = "bu";

type CoveragePoint = ResponseOf<typeof coverageEndpoint>["points"][number];

/** Each business unit's latest point (its label, "(untagged)" for the untagged BU, as the key). */
function latestByBusinessUnit(points: readonly CoveragePoint[]): Map<string, CoveragePoint> {
  const out = new Map<string, CoveragePoint>();
  for (const p of points) {
    const bu = p.group ?? "";
    if ((out.get(bu)?.day ?? "") < p.day) out.set(bu, p);
  }
  return out;
}

export function BusinessUnitView() {
  const { filters, searchParams, setParams } = useFilters();
  // The bar's account, region, environment and service: the tabs list the teams that have
  // resources under them, and every figure below follows them (issue 19 item 2).
  const dims = filtersToApiParams(filters, TEAM_DIMENSIONS);
  const byBu = useEndpoint<typeof coverageEndpoint>("/api/coverage", { ...dims, groupBy: "bu" });
  const org = useEndpoint<typeof coverageEndpoint>("/api/coverage", dims);
  const settings = useEndpoint<typeof getSettingsEndpoint>("/api/settings");
  const buPoints = useMemo(() => byBu.data?.points ?? [], [byBu.data]);
  const latest = useMemo(() => latestByBusinessUnit(buPoints), [buPoints]);
  // "(untagged)" is not a team: it is the follow-up list under the scorecard (team-scorecard.tsx).
  const units = [...latest.keys()].filter((u) => u !== UNTAGGED).sort();
  const asked = searchParams.get(BU_PARAM);
  // Without a team in the URL the API picks one: the viewer's own BU, else the furthest from target.
  const card = useEndpoint<typeof teamScorecardEndpoint>("/api/teams/scorecard", asked && asked !== UNTAGGED ? { ...dims, bu: asked } : dims);
  const selected = asked ?? card.data?.businessUnit ?? "";
  return (
    <div className="space-y-6">
      {/* The team is the business unit (the tabs and the dropdown set the same ?bu=); the range moves its trend chart; the other dimensions narrow every figure that has them. */}
      <FilterBar only={TEAM_FILTERS} />
      <QueryBoundary query={byBu} label="Loading business units">
        {() => (
          <div role="tablist" aria-label="Business unit" className="flex flex-wrap gap-2">
            {units.map((u) => (
              <button key={u} role="tab" type="button" aria-selected={u === selected} onClick={() => setParams({ [BU_PARAM]: u })}
                className={`rounded-md border px-3 py-1.5 text-sm ${u === selected ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
                {u}
              </button>
            ))}
          </div>
        )}
      </QueryBoundary>
      {card.data && selected !== UNTAGGED ? <OpenedOn answer={card.data} asked={asked !== null} /> : null}
      <QueryBoundary query={card} label="Loading the team scorecard">
        {(answer) => (selected === UNTAGGED ? null : <TeamScorecard answer={answer} />)}
      </QueryBoundary>
      {selected && selected !== UNTAGGED ? (
        <TeamDetail
          bu={selected}
          orgPoints={org.data?.points ?? []}
          latest={latest.get(selected)}
          targets={settings.data?.settings.targets}
          dims={dims}
          keyNotes={card.data?.filtersNotApplied.keys}
        />
      ) : null}
      {card.data ? <UntaggedFollowUp counts={card.data.untagged} dims={dims} /> : null}
    </div>
  );
}

