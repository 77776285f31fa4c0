"use client";

import { useMemo, useState } from "react";
import { formatInteger, NO_VALUE } from "@/lib/domain/format";
import { SeriesChart } from "@/components/charts/series-chart";
import { semanticColors } from "@/components/charts/palette";
import { useKeyQuery } from "@/components/hooks/queries/endpoints";
import { num, pick, rowsOf, str, type Row } from "@/components/hooks/queries/types";
import { DataTable } from "@/components/tables/data-table";
import { QueryBoundary } from "@/components/tables/states";
import { textCol, dayCol } from "@/components/tables/columns";
import { FindingBadges } from "./finding-badges";
import { KeyCostSection } from "./key-cost-section";
import { PolicyView } from "./policy-view";

const DAY_MS = 86_400_000;

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
  const query = useKeyQuery(arn);
  return <QueryBoundary query={query} label="Loading the key">{(data) => <KeyDetail data={(pick(data as Row, "metadata") as Row) ?? (data as Row)} raw={data as Row} />}</QueryBoundary>;
}

function KeyDetail({ data, raw }: { data: Row; raw: Row }) {
  // Read once per mount: the countdown is in whole days, a render-time clock adds nothing.
  const [now] = useState(() => Date.now());
  const get = (...names: string[]) => pick(data, ...names) ?? pick(raw, ...names);
  const findings = rowsOf<Row>(get("findings"));
  const resources = rowsOf<Row>(get("resources", "protectedResources"));
  const trend = rowsOf<Row>(get("requestTrend", "trend"));
  const rotation = (get("rotation") ?? {}) as Row;
  const rotations = rowsOf<Row>(get("rotations", "rotationHistory"));
  const tags = (get("tags") ?? {}) as Record<string, string>;
  const aliases = (get("aliases") as string[] | undefined) ?? [];
  const deletionInfo = (get("deletion") ?? null) as Row | null;
  const deletion = str(deletionInfo?.deletionDate);
  const daysLeft = deletionInfo ? (num(deletionInfo.daysLeft) ?? (deletion ? Math.max(0, Math.ceil((Date.parse(deletion) - now) / DAY_MS)) : 0)) : null;
  const chartData = useMemo(
    () => trend.map((t) => ({ x: str(pick(t, "day", "date")).slice(0, 10), requests: num(pick(t, "requests")) ?? 0, cost: num(pick(t, "cost")) ?? 0 })),
    [trend],
  );
  return (
    <div className="space-y-4">
      <div>
        <h2 className="break-all font-mono text-lg font-semibold text-slate-900" data-testid="key-arn">{str(get("keyArn", "arn"))}</h2>
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
            <Field label="Manager" value={str(get("keyManager"))} />
            <Field label="State" value={str(get("keyState"))} />
            <Field label="Spec" value={str(get("keySpec"))} />
            <Field label="Usage" value={str(get("keyUsage"))} />
            <Field label="Origin" value={str(get("origin"))} />
            <Field label="Multi-Region" value={get("multiRegion") ? str(get("multiRegionRole")) || "yes" : "no"} />
            <Field label="Account" value={str(get("accountId"))} />
            <Field label="Region" value={str(get("region"))} />
            <Field label="Created" value={str(get("creationDate")).slice(0, 10)} />
            <Field label="Rotation" value={rotation.enabled === true ? `on, every ${str(rotation.periodDays) || "365"} days` : rotation.enabled === false ? "off" : "not applicable"} />
            <Field label="Business unit" value={str(get("businessUnit")) || "(untagged)"} />
            <Field label="Last used" value={str(pick((get("usage") ?? {}) as Row, "lastUsedAt")).slice(0, 10)} />
          </dl>
        </Section>
        <Section title="Tags">
          {Object.keys(tags).length ? (
            <dl className="grid grid-cols-2 gap-2">
              {Object.entries(tags).map(([k, v]) => (
                <Field key={k} label={k} value={str(v)} />
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">No tags.</p>
          )}
        </Section>
        <Section title="Findings" testId="key-findings">
          <FindingBadges codes={findings.map((f) => str(f.code)).join(" ")} />
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {findings.map((f) => (
              <li key={str(f.code)}>
                <strong>{str(f.code)}</strong> ({str(f.severity)}) since {str(pick(f, "firstSeen")).slice(0, 10)}
              </li>
            ))}
          </ul>
        </Section>
      </div>
      <KeyCostSection cost={get("cost") as Row | undefined} />
      <Section title="Key policy (statements behind a finding are highlighted)">
        <PolicyView policy={get("policy")} findings={findings} />
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
      <DataTable title="Resources protected by this key" testId="key-resources" rows={resources} rowKey={(r) => str(pick(r, "resourceArn", "arn"))}
        columns={[textCol("name", "Name"), textCol("service", "Service"), textCol("bu", "Business unit", "businessUnit"), textCol("env", "Environment", "environment"), textCol("arn", "ARN", "resourceArn", "arn")]}
        emptyMessage="No storage resource references this key." />
      <Section title="Rotation history" testId="key-rotations">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Field label="Rotations so far" value={str(rotation.count)} />
          <Field label="Last rotated" value={str(rotation.lastRotatedAt).slice(0, 10)} />
          <Field label="Next rotation" value={str(rotation.nextRotationAt).slice(0, 10)} />
          <Field label="Period (days)" value={str(rotation.periodDays)} />
        </dl>
        {rotations.length ? (
          <DataTable title="Rotations" testId="key-rotation-list" rows={rotations} rowKey={(r) => str(pick(r, "rotationDate", "rotatedAt", "day"))}
            columns={[dayCol("date", "Rotated on", "rotationDate", "rotatedAt", "day"), textCol("type", "Type", "rotationType", "type")]} />
        ) : null}
      </Section>
    </div>
  );
}
