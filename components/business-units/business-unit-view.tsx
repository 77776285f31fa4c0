"use client";

import { useMemo } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import type { keysEndpoint } from "@/lib/endpoints/keys";
import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import type { PolicySettings } from "@/lib/settings/policy";
import { formatInteger, formatPercent, formatSince, NO_VALUE } from "@/lib/domain/format";
import { useFilters } from "@/components/filters/use-filters";
import { FilterBar } from "@/components/filters/filter-bar";
import type { FilterName } from "@/components/filters/filter-params";
import type { getSettingsEndpoint } from "@/lib/endpoints/settings";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { countColumn, dayColumn, keyName, keyNameColumn, labelColumn, labelsColumn, resourceNameColumn, textColumn } from "@/components/tables/columns";
import { TruncatedCell } from "@/components/tables/truncated-cell";
import { FINDING_LABELS, REASON_LABELS } from "@/lib/domain/labels";
import { DataTable } from "@/components/tables/data-table";
import { KeyLink, ResourceKeyCell } from "@/components/keys/key-link";
import type { RowOf } from "@/components/tables/server-table";
import { QueryBoundary } from "@/components/tables/states";
import type { teamScorecardEndpoint } from "@/lib/endpoints/teams/scorecard";
import { UNTAGGED } from "@/lib/domain/business-unit";
import { OpenedOn } from "./opened-on";
import { TeamScorecard } from "./team-scorecard";
import { UntaggedFollowUp } from "./untagged-follow-up";
import { TeamTrendChart } from "./team-trend-chart";

// The Teams page (/teams) shows one business unit at a time: "team" is the page's name in the
// navigation, not a second concept. Its URL names the BU as every page does (/teams?bu=<BU>, which
// the weekly digest links to); the old ?team= links are redirected by the page (app/teams/page.tsx).
const BU_PARAM = "bu";
const TEAM_FILTERS: readonly FilterName[] = ["from", "to", "bu"];

type CoveragePoint = ResponseOf<typeof coverageEndpoint>["points"][number];
type Targets = PolicySettings["targets"];
type Resource = RowOf<typeof noncompliantResourcesEndpoint>;
type Key = RowOf<typeof keysEndpoint>;

const RESOURCE_COLUMNS = [
  resourceNameColumn("name", "Resource", (r: Resource) => r.name, (r) => r.resourceArn),
  labelColumn("reason", "Reason", (r: Resource) => r.reason, REASON_LABELS),
  textColumn("owner", "Owner", (r: Resource) => r.owner),
  { ...dayColumn("since", "Since", (r: Resource) => r.since), cell: (r: Resource) => formatSince(r.since, r.sinceHistoryStart) },
  // Onward to the resource's key (issue 19 item 1).
  { ...textColumn("key", "Key", (r: Resource) => r.keyArn ?? ""), cell: (r: Resource) => <ResourceKeyCell keyArn={r.keyArn} reason={r.reason} /> },
];
const KEY_COLUMNS = [
  // Its name (aliases, else key id), linked onward to the key's page; the ARN on hover and copy.
  { ...keyNameColumn<Key>("key", "Key"), cell: (k: Key) => <TruncatedCell full={k.keyArn} copyLabel="key ARN"><KeyLink keyArn={k.keyArn} label={keyName(k, ", ")} /></TruncatedCell> },
  labelsColumn("findings", "Findings", (k: Key) => k.findings, FINDING_LABELS),
  countColumn("resources", "Resources", (k: Key) => k.resources),
];

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
  const { searchParams, setParams } = useFilters();
  const byBu = useEndpoint<typeof coverageEndpoint>("/api/coverage", { groupBy: "bu" });
  const org = useEndpoint<typeof coverageEndpoint>("/api/coverage", {});
  const settings = useEndpoint<typeof getSettingsEndpoint>("/api/settings");
  const buPoints = useMemo(() => byBu.data?.points ?? [], [byBu.data]);
  const latest = useMemo(() => latestByBusinessUnit(buPoints), [buPoints]);
  // "(untagged)" is not a team: it is the follow-up list under the scorecard (team-scorecard.tsx).
  const units = [...latest.keys()].filter((u) => u !== UNTAGGED).sort();
  const asked = searchParams.get(BU_PARAM);
  // Without a team in the URL the API picks one: the viewer's own BU, else the furthest from target.
  const card = useEndpoint<typeof teamScorecardEndpoint>("/api/teams/scorecard", asked && asked !== UNTAGGED ? { bu: asked } : {});
  const selected = asked ?? card.data?.businessUnit ?? "";
  return (
    <div className="space-y-6">
      {/* The team is the business unit (the tabs and the dropdown set the same ?bu=); the range moves its trend chart. Its figures have no account, region, environment or service cut. */}
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
        <Scorecard
          bu={selected}
          orgPoints={org.data?.points ?? []}
          latest={latest.get(selected)}
          targets={settings.data?.settings.targets}
        />
      ) : null}
      {card.data ? <UntaggedFollowUp counts={card.data.untagged} /> : null}
    </div>
  );
}

function Kpi({ label, value, org, target, testId }: { label: string; value: string; org: string; target: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-sm font-medium text-slate-600">{label}</h3>
      <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={testId}>{value}</p>
      <p className="mt-1 text-sm text-slate-600">Organization {org} · target {target}</p>
    </div>
  );
}

function Scorecard({ bu, orgPoints, latest, targets }: { bu: string; orgPoints: CoveragePoint[]; latest?: CoveragePoint; targets?: Targets }) {
  const orgLatest = orgPoints.at(-1);
  const buParam = { bu, pageSize: 10 };
  const resources = useEndpoint<typeof noncompliantResourcesEndpoint>("/api/resources/noncompliant", { ...buParam, sort: "since" });
  const keys = useEndpoint<typeof keysEndpoint>("/api/keys", { ...buParam, sort: "-findings", manager: "CUSTOMER" });
  const target = (value: number | undefined) => `${value ?? ""}%`;
  return (
    <section aria-label={`Scorecard of ${bu}`} className="space-y-4" data-testid="bu-scorecard">
      <h2 className="text-xl font-semibold">{bu}</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <Kpi label="CMK coverage by count" testId="bu-coverage-count" value={formatPercent(latest?.coverageByCountPct ?? null)} org={formatPercent(orgLatest?.coverageByCountPct ?? null)} target={target(targets?.coverageByCount)} />
        <Kpi label="CMK coverage by storage" testId="bu-coverage-storage" value={formatPercent(latest?.coverageByStoragePct ?? null)} org={formatPercent(orgLatest?.coverageByStoragePct ?? null)} target={target(targets?.coverageByStorage)} />
        <Kpi label="In-scope resources" testId="bu-resources" value={formatInteger(latest?.resources ?? 0)} org={formatInteger(orgLatest?.resources ?? 0)} target={latest ? `${targets?.nonCompliant ?? ""} non-compliant` : NO_VALUE} />
      </div>
      <TeamTrendChart bu={bu} target={targets?.coverageByCount} />
      <div className="grid gap-4 xl:grid-cols-2">
        <div>
          <h3 className="mb-2 font-semibold">Resources to fix first (longest non-compliant)</h3>
          <QueryBoundary query={resources} label={`Loading non-compliant resources of ${bu}`}>
            {(page) => <DataTable title={`Non-compliant resources of ${bu}`} testId="bu-resources-table" rows={page.items} rowKey={(r) => r.resourceArn} columns={RESOURCE_COLUMNS} />}
          </QueryBoundary>
        </div>
        <div>
          <h3 className="mb-2 font-semibold">Keys to fix first (most findings)</h3>
          <QueryBoundary query={keys} label={`Loading keys of ${bu} with findings`}>
            {(page) => <DataTable title={`Keys of ${bu} with findings`} testId="bu-keys-table" rows={page.items} rowKey={(k) => k.keyArn} columns={KEY_COLUMNS} />}
          </QueryBoundary>
        </div>
      </div>
    </section>
  );
}
