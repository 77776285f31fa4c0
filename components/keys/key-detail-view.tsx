"use client";

import { useMemo, useState } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { keyEndpoint } from "@/lib/endpoints/keys/[arn]";
import { formatInteger, NO_VALUE } from "@/lib/domain/format";
import { SeriesChart } from "@/components/charts/series-chart";
import { semanticColors } from "@/components/charts/palette";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { DataTable } from "@/components/tables/data-table";
import { QueryBoundary } from "@/components/tables/states";
import { arnExportColumn, labelColumn, resourceNameColumn, textColumn } from "@/components/tables/columns";
import { codeLabel, FINDING_LABELS, KEY_MANAGER_LABELS, KEY_STATE_LABELS, STORAGE_SERVICE_LABELS } from "@/lib/domain/labels";
import { FindingBadges } from "./finding-badges";
import { KeyCostSection } from "./key-cost-section";
import { PolicyView } from "./policy-view";

const DAY_MS = 86_400_000;

export type KeyDetail = ResponseOf<typeof keyEndpoint>;
type ProtectedResource = KeyDetail["resources"][number];

/** The key's tags as stored (a JSON object of strings). */
const tagsOf = (tags: KeyDetail["tags"]): [string, string][] =>
  tags && typeof tags === "object" && !Array.isArray(tags) ? Object.entries(tags).map(([k, v]) => [k, String(v)]) : [];

const RESOURCE_COLUMNS = [
  resourceNameColumn("name", "Name", (r: ProtectedResource) => r.name, (r) => r.resourceArn),
  labelColumn("service", "Service", (r: ProtectedResource) => r.service, STORAGE_SERVICE_LABELS),
  textColumn("bu", "Business unit", (r: ProtectedResource) => r.businessUnit),
  textColumn("env", "Environment", (r: ProtectedResource) => r.environment),
  arnExportColumn("arn", (r: ProtectedResource) => r.resourceArn),
];

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-all text-sm text-slate-900">{value === "" || value === undefined ? NO_VALUE : value}</dd>
    </div>
  );
}

export function KeyDetailView({ arn }: { arn: string }) {
  const query = useEndpoint<typeof keyEndpoint>("/api/keys/[arn]", {}, { segments: { arn }, enabled: arn !== "" });
  return <QueryBoundary query={query} label="Loading the key">{(key) => <KeyDetailBody detail={key} />}</QueryBoundary>;
}

function KeyDetailBody({ detail }: { detail: KeyDetail }) {
  // Read once per mount: the countdown is in whole days, a render-time clock adds nothing.
  const [now] = useState(() => Date.now());
  const { metadata: key, findings, resources, rotation, aliases, deletion: deletionInfo } = detail;
  const tags = tagsOf(detail.tags);
  const deletion = deletionInfo?.deletionDate ?? "";
  const daysLeft = deletionInfo ? (deletionInfo.daysLeft ?? (deletion ? Math.max(0, Math.ceil((Date.parse(deletion) - now) / DAY_MS)) : 0)) : null;
  const chartData = useMemo(() => detail.requestTrend.map((t) => ({ x: t.day, requests: t.requests, cost: t.cost ?? 0 })), [detail.requestTrend]);
  return (
    <div className="space-y-4">
      <div>
        <h2 className="break-all font-mono text-lg font-semibold text-slate-900" data-testid="key-arn">{key.keyArn}</h2>
        <p className="text-sm text-slate-600">{aliases.length ? aliases.join(", ") : "No alias"}</p>
      </div>
      {daysLeft !== null ? (
        <div role="alert" data-testid="deletion-countdown" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <strong>Scheduled for deletion in {daysLeft} day{daysLeft === 1 ? "" : "s"}</strong> ({deletion.slice(0, 10)}).{" "}
          {resources.length ? `${formatInteger(resources.length)} resource(s) still use it: cancel the deletion or re-encrypt them first.` : "No resource references it."}
        </div>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-3">
        <Section title="Metadata" testId="key-metadata">
          <dl className="grid grid-cols-2 gap-3">
            <Field label="Manager" value={<span title={key.keyManager}>{codeLabel(KEY_MANAGER_LABELS, key.keyManager)}</span>} />
            <Field label="State" value={<span title={key.keyState}>{codeLabel(KEY_STATE_LABELS, key.keyState)}</span>} />
            <Field label="Spec" value={key.keySpec} />
            <Field label="Usage" value={key.keyUsage} />
            <Field label="Origin" value={key.origin} />
            <Field label="Multi-Region" value={key.multiRegion ? key.multiRegionRole || "yes" : "no"} />
            <Field label="Account" value={key.accountId} />
            <Field label="Region" value={key.region} />
            <Field label="Created" value={key.creationDate.slice(0, 10)} />
            <Field label="Rotation" value={rotation.enabled === true ? `on, every ${rotation.periodDays ?? 365} days` : rotation.enabled === false ? "off" : "not applicable"} />
            <Field label="Business unit" value={key.businessUnit} />
            <Field label="Last used" value={detail.usage?.lastUsedAt?.slice(0, 10) ?? ""} />
          </dl>
        </Section>
        <Section title="Tags">
          {tags.length ? (
            <dl className="grid grid-cols-2 gap-2">
              {tags.map(([k, v]) => (
                <Field key={k} label={k} value={v} />
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">No tags.</p>
          )}
        </Section>
        <Section title="Findings" testId="key-findings">
          <FindingBadges codes={findings.map((f) => f.code).join(" ")} />
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {findings.map((f) => (
              <li key={f.code}>
                <strong title={f.code}>{codeLabel(FINDING_LABELS, f.code)}</strong> ({f.severity}) since {f.firstSeen}
              </li>
            ))}
          </ul>
        </Section>
      </div>
      <KeyCostSection cost={detail.cost} />
      <Section title="Key policy (statements behind a finding are highlighted)">
        <PolicyView policy={detail.policy} findings={findings} />
      </Section>
      <SeriesChart
        title="Requests and cost"
        description="Per day, from Cost Explorer resource-level data (last 14 days when enabled)"
        testId="key-trend"
        kind="bar"
        data={chartData}
        series={[{ key: "requests", label: "Requests", color: semanticColors.requests }]}
        xLabel="Day"
        yLabel="Requests"
        format={formatInteger}
      />
      <DataTable title="Resources protected by this key" testId="key-resources" rows={resources} rowKey={(r) => r.resourceArn}
        columns={RESOURCE_COLUMNS}
        emptyMessage="No storage resource references this key." />
      <Section title="Rotation history" testId="key-rotations">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Field label="Rotations so far" value={rotation.count ?? ""} />
          <Field label="Last rotated" value={rotation.lastRotatedAt?.slice(0, 10) ?? ""} />
          <Field label="Next rotation" value={rotation.nextRotationAt?.slice(0, 10) ?? ""} />
          <Field label="Period (days)" value={rotation.periodDays ?? ""} />
        </dl>
      </Section>
    </div>
  );
}
