"use client";

import { useMemo } from "react";
import { formatInteger, formatPercent } from "@/lib/domain/format";
import { SeriesChart } from "@/components/charts/series-chart";
import { okabeIto } from "@/components/charts/palette";
import { useFilters } from "@/components/filters/use-filters";
import { useCoverageQuery, useKeysQuery, useNoncompliantResourcesQuery, useSettingsQuery } from "@/components/hooks/queries/endpoints";
import { num, rowsOf, str, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { countCol, dayCol, textCol } from "@/components/tables/columns";
import { QueryBoundary } from "@/components/tables/states";

function latestByGroup(points: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const p of points) {
    const g = str(p.group);
    if (str(out.get(g)?.day) < str(p.day)) out.set(g, p);
  }
  return out;
}

export function TeamsView() {
  const { searchParams, setParams } = useFilters();
  const byBu = useCoverageQuery({ groupBy: "bu" });
  const org = useCoverageQuery({});
  const settings = useSettingsQuery();
  const latest = useMemo(() => latestByGroup(rowsOf<Row>(byBu.data)), [byBu.data]);
  const units = [...latest.keys()].sort();
  const selected = searchParams.get("team") ?? units[0] ?? "";
  return (
    <div className="space-y-6">
      <QueryBoundary query={byBu} label="Loading business units">
        {() => (
          <div role="tablist" aria-label="Business unit" className="flex flex-wrap gap-2">
            {units.map((u) => (
              <button key={u} role="tab" type="button" aria-selected={u === selected} onClick={() => setParams({ team: u })}
                className={`rounded-md border px-3 py-1.5 text-sm ${u === selected ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
                {u}
              </button>
            ))}
          </div>
        )}
      </QueryBoundary>
      {selected ? <Scorecard bu={selected} buPoints={rowsOf<Row>(byBu.data).filter((p) => str(p.group) === selected)} orgPoints={rowsOf<Row>(org.data)} latest={latest.get(selected)} targets={((settings.data as Row | undefined)?.settings as Row | undefined)?.targets as Row | undefined} /> : null}
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

function Scorecard({ bu, buPoints, orgPoints, latest, targets }: { bu: string; buPoints: Row[]; orgPoints: Row[]; latest?: Row; targets?: Row }) {
  const orgLatest = orgPoints.at(-1);
  const trend = useMemo(() => {
    const orgByDay = new Map(orgPoints.map((p) => [str(p.day), num(p.coverageByCountPct)]));
    return buPoints.map((p) => ({ x: str(p.day), team: num(p.coverageByCountPct) ?? 0, org: orgByDay.get(str(p.day)) ?? 0 }));
  }, [buPoints, orgPoints]);
  const buParam = { bu, pageSize: 10 };
  const resources = useNoncompliantResourcesQuery({ ...buParam, sort: "since" });
  const keys = useKeysQuery({ ...buParam, sort: "-findings", manager: "CUSTOMER" });
  const nc = latest ? Object.values((latest.nonCompliantByReason ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0) : null;
  return (
    <section aria-label={`Scorecard of ${bu}`} className="space-y-4" data-testid="team-scorecard">
      <h2 className="text-xl font-semibold">{bu}</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <Kpi label="CMK coverage by count" testId="team-coverage-count" value={formatPercent(num(latest?.coverageByCountPct))} org={formatPercent(num(orgLatest?.coverageByCountPct))} target={`${str(targets?.coverageByCount)}%`} />
        <Kpi label="CMK coverage by storage" testId="team-coverage-storage" value={formatPercent(num(latest?.coverageByStoragePct))} org={formatPercent(num(orgLatest?.coverageByStoragePct))} target={`${str(targets?.coverageByStorage)}%`} />
        <Kpi label="In-scope resources" testId="team-resources" value={formatInteger(num(latest?.resources) ?? 0)} org={formatInteger(num(orgLatest?.resources) ?? 0)} target={nc === null ? "—" : `${str(targets?.nonCompliant)} non-compliant`} />
      </div>
      <SeriesChart title={`CMK coverage of ${bu} against the organization`} description="% of in-scope resources on a customer managed key, per day" testId="team-trend" kind="line" data={trend}
        series={[{ key: "team", label: bu, color: okabeIto.blue }, { key: "org", label: "Organization", color: okabeIto.grey }]} xLabel="Day" yLabel="Coverage (%)" format={(v) => formatPercent(v)} yDomain={[0, 100]} />
      <div className="grid gap-4 xl:grid-cols-2">
        <div>
          <h3 className="mb-2 font-semibold">Resources to fix first (longest non-compliant)</h3>
          <ApiTable query={resources} title={`Non-compliant resources of ${bu}`} testId="team-resources-table" rowKey={["resourceArn"]} columns={[textCol("name", "Resource"), textCol("reason", "Reason"), textCol("owner", "Owner"), dayCol("since", "Since")]} />
        </div>
        <div>
          <h3 className="mb-2 font-semibold">Keys to fix first (most findings)</h3>
          <ApiTable query={keys} title={`Keys of ${bu} with findings`} testId="team-keys-table" rowKey={["keyArn"]} columns={[textCol("key", "Key", "aliases", "keyId"), textCol("findings", "Findings"), countCol("resources", "Resources")]} />
        </div>
      </div>
    </section>
  );
}
