"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import type { keysEndpoint } from "@/lib/endpoints/keys";
import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import type { PolicySettings } from "@/lib/settings/policy";
import type { FilterNotApplied } from "@/lib/queries/overview-filters";
import { formatInteger, formatPercent, formatSince, NO_VALUE } from "@/lib/domain/format";
import { FINDING_LABELS, REASON_LABELS } from "@/lib/domain/labels";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { countColumn, dayColumn, keyName, keyNameColumn, labelColumn, labelsColumn, resourceNameColumn, textColumn } from "@/components/tables/columns";
import { TruncatedCell } from "@/components/tables/truncated-cell";
import { DataTable } from "@/components/tables/data-table";
import { KeyLink, ResourceKeyCell } from "@/components/keys/key-link";
import type { RowOf } from "@/components/tables/server-table";
import { QueryBoundary } from "@/components/tables/states";
import { overviewLinks, resourcesLink, type Carried } from "@/components/overview/drill-links";
import { FilterNote } from "@/components/overview/filter-note";
import { TeamTrendChart } from "./team-trend-chart";

// One team's coverage against the organization's, its trend, and what to fix first: the lists
// under the bar's account, region, environment and service (`dims`), each linking to the full list
// under the same filters.

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

function Kpi({ label, value, org, target, testId }: { label: string; value: string; org: string; target: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-sm font-medium text-slate-600">{label}</h3>
      <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={testId}>{value}</p>
      <p className="mt-1 text-sm text-slate-600">Organization {org} · target {target}</p>
    </div>
  );
}

/**
 * dims: the bar's account, region, environment and service (URL values), sent to every list and
 * carried by every link; keyNotes: the filters the key list cannot follow (it has no service).
 */
export function TeamDetail({ bu, orgPoints, latest, targets, dims, keyNotes }: { bu: string; orgPoints: CoveragePoint[]; latest?: CoveragePoint; targets?: Targets; dims: Carried; keyNotes?: readonly FilterNotApplied[] }) {
  const orgLatest = orgPoints.at(-1);
  const buParam = { bu, pageSize: 10 };
  const resources = useEndpoint<typeof noncompliantResourcesEndpoint>("/api/resources/noncompliant", { ...dims, ...buParam, sort: "since" });
  // /api/keys refuses service (a key is not one service's): the list's note says so.
  const { service: _service, ...keyDims } = dims;
  const keys = useEndpoint<typeof keysEndpoint>("/api/keys", { ...keyDims, ...buParam, sort: "-findings", manager: "CUSTOMER" });
  const links = overviewLinks({ ...dims, bu });
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
          <ListLink href={resourcesLink({ businessUnit: bu }, dims)} testId="bu-resources-link">All non-compliant resources of {bu}</ListLink>
        </div>
        <div>
          <h3 className="mb-2 font-semibold">Keys to fix first (most findings)</h3>
          <FilterNote notes={keyNotes} testId="filter-note-team-keys" />
          <QueryBoundary query={keys} label={`Loading keys of ${bu} with findings`}>
            {(page) => <DataTable title={`Keys of ${bu} with findings`} testId="bu-keys-table" rows={page.items} rowKey={(k) => k.keyArn} columns={KEY_COLUMNS} />}
          </QueryBoundary>
          <ListLink href={links.customerManagedKeys} testId="bu-keys-link">All customer managed keys of {bu}</ListLink>
        </div>
      </div>
    </section>
  );
}

function ListLink({ href, testId, children }: { href: string; testId: string; children: ReactNode }) {
  return (
    <p className="mt-2 text-sm">
      <Link href={href} prefetch={false} data-testid={testId} className="text-sky-800 underline">{children}</Link>
    </p>
  );
}
