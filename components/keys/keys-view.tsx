"use client";

import Link from "next/link";
import type { keysEndpoint } from "@/lib/endpoints/keys";
import { FilterBar } from "@/components/filters/filter-bar";
import { ActiveListFilters, useListFilterParams } from "@/components/filters/list-filters";
import { KEY_LIST_FILTERS } from "./key-list-filters";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { arnExportColumn, countColumn, dayColumn, keyName, keyNameColumn, labelColumn, textColumn, usdColumn } from "@/components/tables/columns";
import { KEY_MANAGER_LABELS, KEY_STATE_LABELS } from "@/lib/domain/labels";
import { ServerTable, type RowOf, type ServerColumn } from "@/components/tables/server-table";
import type { Column, SortState } from "@/components/tables/table-model";
import type { ResponseOf } from "@/lib/api/endpoint";
import { TruncatedCell } from "@/components/tables/truncated-cell";
import { FindingBadges } from "./finding-badges";
import { KeyListFilterControls } from "./key-list-filter-controls";

const FILTERS = ["account", "region", "bu", "env"] as const;

type Key = RowOf<typeof keysEndpoint>;

const findingsOf = (k: Key) => k.findings.join(" ");

/** sortField: the API's sort for the column (docs/api.md); a column without one is not sortable. */
export const KEY_COLUMNS: readonly ServerColumn<Key>[] = [
  {
    ...keyNameColumn<Key>("key", "Key"),
    // The API sorts by the first alias; keys without an alias come last.
    sortField: "alias",
    cell: (k) => (
      <TruncatedCell full={k.keyArn} copyLabel="key ARN">
        {/* No prefetch: 50 visible links would be 50 server renders of key pages per table page. */}
        <Link href={`/keys/${encodeURIComponent(k.keyArn)}`} prefetch={false} className="font-medium text-sky-800 underline-offset-2 hover:underline">
          {keyName(k, ", ", true)}
        </Link>
      </TruncatedCell>
    ),
  },
  // Priorities (hideBelow): what a narrow window drops first; the CSV and the key page keep all.
  { ...textColumn("account", "Account", (k: Key) => k.accountId), sortField: "account", hideBelow: "lg", nowrap: true },
  { ...textColumn("region", "Region", (k: Key) => k.region), hideBelow: "md", nowrap: true },
  // Customer managed first, then by alias (the API's default sort).
  { ...labelColumn("manager", "Manager", (k: Key) => k.keyManager, KEY_MANAGER_LABELS), sortField: "manager" },
  { ...labelColumn("state", "State", (k: Key) => k.keyState, KEY_STATE_LABELS), sortField: "state" },
  { ...textColumn("spec", "Spec", (k: Key) => k.keySpec), sortField: "spec", hideBelow: "2xl", nowrap: true },
  { ...textColumn("origin", "Origin", (k: Key) => k.origin), hideBelow: "2xl" },
  { ...dayColumn("created", "Created", (k: Key) => k.creationDate), sortField: "created", hideBelow: "2xl" },
  // Rotation applies to symmetric AWS_KMS keys only: blank for the others (null).
  { ...textColumn("rotation", "Rotation", (k: Key) => (k.rotationEnabled === null ? "" : k.rotationEnabled ? "on" : "off")), hideBelow: "2xl" },
  // The API sorts by the number of findings: most first is the useful first click.
  { id: "findings", header: "Findings", value: findingsOf, cell: (k) => <FindingBadges codes={findingsOf(k)} />, sortField: "findings", sortFirst: "desc" },
  { ...textColumn("bu", "Business unit", (k: Key) => k.businessUnit), sortField: "bu" },
  { ...textColumn("env", "Environment", (k: Key) => k.environment), hideBelow: "2xl" },
  { ...countColumn("resources", "Resources", (k: Key) => k.resources), sortField: "resources" },
  // "—" when the key has no per-key cost rows: unknown, not free. Request charges only, over the
  // days of the last 30 that have resource-level data (API costWindow.daysWithData, 14 at most).
  { ...usdColumn("cost", "Request cost, days with per-key data (USD)", (k: Key) => k.cost30d), sortField: "cost" },
  // The key's own lines of the imported bill (storage + rotation + requests) in the API's billMonth; "—" when the bill does not have it.
  { ...usdColumn("billed", "Billed, from the bill (USD/month)", (k: Key) => k.billedMonthlyCost), hideBelow: "2xl" },
  // The rest of a key's bill, which no per-key Cost Explorer data gives: $1 per key-month plus the
  // rotation surcharge in the key's current state (API modeledMonthlyCost, DOMAIN.md §2).
  { ...usdColumn("modeled", "Key storage + rotation, modeled (USD/month)", (k: Key) => k.modeledMonthlyCost), sortField: "modeled" },
];

/** The file also carries the full ARN, which the table only links to. */
const KEY_EXPORT_COLUMNS: readonly Column<Key>[] = [...KEY_COLUMNS, arnExportColumn("arn", (k: Key) => k.keyArn)];

/** What the two cost columns hold: the days the request cost covers (API costWindow), and that the modeled column excludes requests. */
function costNote({ costWindow: w, billMonth: bill }: ResponseOf<typeof keysEndpoint>): string {
  const requests = w
    ? `Request cost: requests only, billed on the ${w.daysWithData} day(s) with per-key Cost Explorer data between ${w.from} and ${w.to}.`
    : "Request cost: no per-key Cost Explorer data (resource-level data not enabled or not fetched yet).";
  const billed = bill
    ? ` Billed: the key's own lines of the imported bill for ${bill.month.slice(0, 7)} (${bill.billStatus}), storage + rotation + requests.`
    : " Billed: no imported bill.";
  return `${requests} Key storage + rotation: modeled from the price table for one month in the key's current state, requests not included.${billed}`;
}

/** The API's default: customer managed keys first (100+ alias/aws/* keys filled page one sorted by alias). */
export const KEY_DEFAULT_SORT: SortState = { id: "manager", direction: "asc" };

export function KeysView() {
  const { filters } = useFilters();
  const listFilters = useListFilterParams(KEY_LIST_FILTERS);
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <ActiveListFilters filters={KEY_LIST_FILTERS} />
      <ServerTable<typeof keysEndpoint>
        title="KMS keys"
        testId="keys-table"
        path="/api/keys"
        filterParams={{ ...filtersToApiParams(filters, FILTERS), ...listFilters }}
        toolbar={<KeyListFilterControls />}
        columns={KEY_COLUMNS}
        exportColumns={KEY_EXPORT_COLUMNS}
        defaultSort={KEY_DEFAULT_SORT}
        rowKey={(k) => k.keyArn}
        searchPlaceholder="Alias, ARN or key id"
        note={costNote}
        emptyMessage="No keys for these filters: clear a filter, or run an ingestion."
      />
    </div>
  );
}
