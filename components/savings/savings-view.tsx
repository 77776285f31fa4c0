"use client";

import Link from "next/link";
import { formatInteger, formatUsd } from "@/lib/domain/format";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useBucketKeySavingsQuery, useIdleKeysQuery } from "@/components/hooks/queries/endpoints";
import { num, str, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { countCol, textCol, usdCol } from "@/components/tables/columns";
import { attributionLabel } from "./attribution-labels";

const bucketColumns = [
  textCol("name", "Bucket", "name"),
  textCol("bu", "Business unit", "businessUnit"),
  textCol("account", "Account", "accountId"),
  textCol("class", "Encryption", "encryptionClass"),
  { ...textCol("basis", "Attribution", "basis"), value: (r: Row) => attributionLabel(str(r.basis)) },
  countCol("requests", "KMS requests / month", "monthlyRequests"),
  usdCol("savings", "Projected savings (USD / month)", "monthlySavings"),
  textCol("key", "Key", "keyArn"),
];

const idleColumns = [
  textCol("key", "Key", "aliases", "keyArn"),
  textCol("reason", "Why", "codes"),
  textCol("state", "State", "keyState"),
  textCol("bu", "Business unit", "businessUnit"),
  textCol("account", "Account", "accountId"),
  usdCol("savings", "Savings (USD / month)", "monthlySavings", "monthlyCost", "savings"),
];

/** Unknown is not $0: "no data (N buckets)" when no bucket has data; a partial sum says what it leaves out. */
function savingsTotalText(value: unknown, noData: unknown): string {
  const missing = num(noData) ?? 0;
  const amount = num(value);
  if (amount === null) return missing > 0 ? `no data (${formatInteger(missing)} buckets)` : "—";
  return missing > 0 ? `${formatUsd(amount)} (${formatInteger(missing)} buckets without data not included)` : formatUsd(amount);
}

export function SavingsView() {
  const { filters } = useFilters();
  const params = { ...filtersToApiParams(filters, ["account", "bu"]), pageSize: 500 };
  const buckets = useBucketKeySavingsQuery(params);
  const idle = useIdleKeysQuery(params);
  const b = (buckets.data ?? null) as Row | null;
  const totals = (b?.totals ?? {}) as Row;
  const data = (b?.perKeyRequestData ?? {}) as Row;
  return (
    <div className="space-y-6">
      <FilterBar only={["account", "bu"]} />
      <section aria-labelledby="assumptions" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="savings-assumptions">
        <h2 id="assumptions" className="text-base font-semibold">S3 Bucket Keys: assumptions</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-4">
          <div><dt className="text-xs uppercase text-slate-500">Expected request reduction</dt><dd className="text-2xl font-semibold" data-testid="savings-reduction">{num(b?.reduction) === null ? "—" : `${(num(b?.reduction)! * 100).toFixed(0)}%`}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Projected savings, exact</dt><dd className="text-2xl font-semibold" data-testid="savings-exact">{savingsTotalText(totals.exact, totals.noData)}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Projected savings, estimated</dt><dd className="text-2xl font-semibold" data-testid="savings-estimated">{savingsTotalText(totals.estimated, totals.noData)}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Buckets without request data</dt><dd className="text-2xl font-semibold">{formatInteger(num(totals.noData) ?? 0)}</dd></div>
        </dl>
        <p className="mt-3 text-sm text-slate-600">
          Request price: the key&apos;s request price from the price table. Per-key request data: {data.available ? `available (${str(data.days)} days)` : `not available${data.message ? ` — ${str(data.message)}` : ""}`}.
          Change the reduction or the prices in <Link href="/settings" className="text-sky-800 underline">Settings</Link>.
        </p>
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">
          {(Array.isArray(b?.caveats) ? (b!.caveats as string[]) : []).map((c) => <li key={c}>{c}</li>)}
        </ul>
      </section>
      <h2 className="text-lg font-semibold">Bucket Key candidates</h2>
      <ApiTable query={buckets} title="Bucket Key candidates" columns={bucketColumns} testId="bucket-keys-table" rowKey={["resourceArn"]} initialSort={{ id: "savings", direction: "desc" }} emptyMessage="No SSE-KMS bucket without a Bucket Key." />
      <h2 className="text-lg font-semibold">Unused and disabled keys</h2>
      <ApiTable query={idle} title="Unused and disabled keys" columns={idleColumns} testId="idle-keys-table" rowKey={["keyArn"]} emptyMessage="No unused or disabled customer managed key." />
    </div>
  );
}
