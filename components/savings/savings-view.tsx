"use client";

import Link from "next/link";
import { formatInteger, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { ApiTable } from "@/components/tables/api-table";
import { countColumn, keyName, keyNameColumn, labelColumn, labelsColumn, textColumn, usdColumn } from "@/components/tables/columns";
import { TruncatedCell } from "@/components/tables/truncated-cell";
import { ENCRYPTION_CLASS_LABELS, FINDING_LABELS, KEY_STATE_LABELS } from "@/lib/domain/labels";
import type { Column } from "@/components/tables/table-model";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { bucketKeySavingsEndpoint } from "@/lib/endpoints/savings/bucket-keys";
import type { idleKeySavingsEndpoint } from "@/lib/endpoints/savings/idle-keys";
import { KeyLink } from "@/components/keys/key-link";
import { attributionLabel } from "./attribution-labels";
import { requestDataText } from "./request-data-text";
import { ComplianceCostTable } from "./compliance-cost-table";
import { ActiveListFilters, useListFilterParams, type ListFilter } from "@/components/filters/list-filters";
import type { FilterName } from "@/components/filters/filter-params";

type Bucket = ResponseOf<typeof bucketKeySavingsEndpoint>["items"][number];
type IdleKey = ResponseOf<typeof idleKeySavingsEndpoint>["items"][number];

const bucketColumns: Column<Bucket>[] = [
  textColumn("name", "Bucket", (r: Bucket) => r.name),
  textColumn("bu", "Business unit", (r: Bucket) => r.businessUnit),
  textColumn("account", "Account", (r: Bucket) => r.accountId),
  labelColumn("class", "Encryption", (r: Bucket) => r.encryptionClass, ENCRYPTION_CLASS_LABELS),
  textColumn("basis", "Attribution", (r: Bucket) => attributionLabel(r.basis)),
  countColumn("requests", "KMS requests / month", (r: Bucket) => r.monthlyRequests),
  usdColumn("savings", "Projected savings (USD / month)", (r: Bucket) => r.monthlySavings),
  // Onward to the key's page (issue 19 item 1), by its id; the ARN on hover and copy and in the CSV.
  { ...textColumn("key", "Key", (r: Bucket) => r.keyArn ?? ""), cell: (r: Bucket) => (r.keyArn ? <TruncatedCell full={r.keyArn} copyLabel="key ARN"><KeyLink keyArn={r.keyArn} label={keyName({ aliases: [], keyArn: r.keyArn })} /></TruncatedCell> : NO_VALUE) },
];

const idleColumns: Column<IdleKey>[] = [
  // Its aliases, or its key id when it has none (never blank), linked onward; the ARN on hover and copy.
  { ...keyNameColumn<IdleKey>("key", "Key"), cell: (r: IdleKey) => <TruncatedCell full={r.keyArn} copyLabel="key ARN"><KeyLink keyArn={r.keyArn} label={keyName(r, ", ")} /></TruncatedCell> },
  labelsColumn("reason", "Why", (r: IdleKey) => r.codes, FINDING_LABELS),
  labelColumn("state", "State", (r: IdleKey) => r.keyState, KEY_STATE_LABELS),
  textColumn("bu", "Business unit", (r: IdleKey) => r.businessUnit),
  textColumn("account", "Account", (r: IdleKey) => r.accountId),
  usdColumn("savings", "Savings (USD / month)", (r: IdleKey) => r.monthlySavings),
];

/** Unknown is not $0: "no data (N buckets)" when no bucket has data; a partial sum says what it leaves out. */
function savingsTotalText(amount: number | null | undefined, missing: number): string {
  if (amount === null || amount === undefined) return missing > 0 ? `no data (${formatInteger(missing)} buckets)` : "—";
  return missing > 0 ? `${formatUsd(amount)} (${formatInteger(missing)} buckets without data not included)` : formatUsd(amount);
}

const FILTERS: readonly FilterName[] = ["account", "region", "bu", "env"];

/** One bucket's row (the overview's top-buckets bar): /savings?bucket=<ARN>, shown by its name. */
const BUCKET_FILTERS: readonly ListFilter[] = [{ param: "bucket", label: "Bucket", describe: (arn) => arn.replace(/^arn:aws[\w-]*:s3:::/, "") }];

export function SavingsView() {
  const { filters } = useFilters();
  const params = { ...filtersToApiParams(filters, FILTERS), pageSize: 500 };
  const bucket = useListFilterParams(BUCKET_FILTERS);
  const buckets = useEndpoint<typeof bucketKeySavingsEndpoint>("/api/savings/bucket-keys", { ...params, ...bucket });
  const idle = useEndpoint<typeof idleKeySavingsEndpoint>("/api/savings/idle-keys", params);
  const b = buckets.data;
  const noData = b?.totals.noData ?? 0;
  const data = b?.perKeyRequestData;
  return (
    <div className="space-y-6">
      <FilterBar only={FILTERS} />
      <section aria-labelledby="assumptions" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="savings-assumptions">
        <h2 id="assumptions" className="text-base font-semibold">S3 Bucket Keys: assumptions</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-4">
          <div><dt className="text-xs uppercase text-slate-500">Expected request reduction</dt><dd className="text-2xl font-semibold" data-testid="savings-reduction">{b ? `${(b.reduction * 100).toFixed(0)}%` : "—"}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Projected savings, exact</dt><dd className="text-2xl font-semibold" data-testid="savings-exact">{savingsTotalText(b?.totals.exact, noData)}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Projected savings, estimated</dt><dd className="text-2xl font-semibold" data-testid="savings-estimated">{savingsTotalText(b?.totals.estimated, noData)}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Buckets without request data</dt><dd className="text-2xl font-semibold">{formatInteger(noData)}</dd></div>
        </dl>
        <p className="mt-3 text-sm text-slate-600">
          Request price: the key&apos;s request price from the price table. Per-key request data: <span data-testid="request-data-state">{requestDataText(data)}</span>.
          Change the reduction or the prices in <Link href="/settings" className="text-sky-800 underline">Settings</Link>.
        </p>
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">
          {(b?.caveats ?? []).map((c) => <li key={c}>{c}</li>)}
        </ul>
      </section>
      <h2 className="text-lg font-semibold">Bucket Key candidates</h2>
      <ActiveListFilters filters={BUCKET_FILTERS} />
      <ApiTable query={buckets} select={(data) => data.items} title="Bucket Key candidates" columns={bucketColumns} testId="bucket-keys-table" rowKey={["resourceArn"]} initialSort={{ id: "savings", direction: "desc" }} emptyMessage="No SSE-KMS bucket without a Bucket Key." />
      <h2 className="text-lg font-semibold">Unused and disabled keys</h2>
      <ApiTable query={idle} select={(data) => data.items} title="Unused and disabled keys" columns={idleColumns} testId="idle-keys-table" rowKey={["keyArn"]} emptyMessage="No unused or disabled customer managed key." />
      <ComplianceCostTable />
    </div>
  );
}
