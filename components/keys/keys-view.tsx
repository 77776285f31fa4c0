"use client";

import Link from "next/link";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { KEYS_ENDPOINT } from "@/components/hooks/queries/endpoints";
import { pick, str, type Row } from "@/components/hooks/queries/types";
import { isolateText } from "@/components/tables/bidi";
import { boolCol, countCol, dayCol, textCol, usdCol } from "@/components/tables/columns";
import { ServerTable, type ServerColumn } from "@/components/tables/server-table";
import type { Column, SortState } from "@/components/tables/table-model";
import { FindingBadges } from "./finding-badges";

const FILTERS = ["account", "region", "bu", "env"] as const;

function keyArn(r: Row): string {
  return str(pick(r, "keyArn", "arn"));
}

function findingsOf(r: Row): string {
  const f = pick(r, "findings", "findingCodes");
  if (Array.isArray(f)) return f.map((x) => (typeof x === "string" ? x : str((x as Row).code))).join(" ");
  return str(f);
}

/** Shown with each alias isolated (issue 14 item 14): an override in one alias cannot reorder the next; sort, search and CSV keep the raw text. */
function keyLabel(r: Row, separator: string, isolate = false): string {
  const aliases = pick(r, "aliases");
  const shown = (a: unknown) => (isolate ? isolateText(str(a)) : str(a));
  return Array.isArray(aliases) && aliases.length ? aliases.map(shown).join(separator) : str(pick(r, "keyId", "keyArn"));
}

/** sortField: the API's sort for the column (docs/api.md); a column without one is not sortable. */
export const KEY_COLUMNS: readonly ServerColumn[] = [
  {
    id: "key",
    header: "Key",
    // The API sorts by the first alias; keys without an alias come last.
    sortField: "alias",
    value: (r) => keyLabel(r, " "),
    cell: (r) => (
      // No prefetch: 50 visible links would be 50 server renders of key pages per table page.
      <Link href={`/keys/${encodeURIComponent(keyArn(r))}`} prefetch={false} className="font-medium text-sky-800 underline-offset-2 hover:underline">
        {keyLabel(r, ", ", true)}
      </Link>
    ),
  },
  { ...textCol("account", "Account", "accountId"), sortField: "account" },
  textCol("region", "Region"),
  textCol("manager", "Manager", "keyManager"),
  { ...textCol("state", "State", "keyState"), sortField: "state" },
  { ...textCol("spec", "Spec", "keySpec"), sortField: "spec" },
  textCol("origin", "Origin"),
  { ...dayCol("created", "Created", "creationDate"), sortField: "created" },
  boolCol("rotation", "Rotation", "on", "off", "rotationEnabled"),
  // The API sorts by the number of findings: most first is the useful first click.
  { id: "findings", header: "Findings", value: findingsOf, cell: (r) => <FindingBadges codes={findingsOf(r)} />, sortField: "findings", sortFirst: "desc" },
  { ...textCol("bu", "Business unit", "businessUnit"), sortField: "bu" },
  textCol("env", "Environment", "environment"),
  { ...countCol("resources", "Resources", "resources", "resourceCount"), sortField: "resources" },
  // "—" when the key has no per-key cost rows: unknown, not free. Request charges only, over the
  // days of the last 30 that have resource-level data (API costWindow.daysWithData, 14 at most).
  { ...usdCol("cost", "Request cost, days with per-key data (USD)", "cost30d"), sortField: "cost" },
  // The rest of a key's bill, which no per-key Cost Explorer data gives: $1 per key-month plus the
  // rotation surcharge in the key's current state (API modeledMonthlyCost, DOMAIN.md §2).
  // The key's own lines of the imported bill (storage + rotation + requests) in the API's billMonth; "—" when the bill does not have it.
  usdCol("billed", "Billed, from the bill (USD/month)", "billedMonthlyCost"),
  { ...usdCol("modeled", "Key storage + rotation, modeled (USD/month)", "modeledMonthlyCost"), sortField: "modeled" },
];

/** The file also carries the full ARN, which the table only links to. */
const KEY_EXPORT_COLUMNS: readonly Column<Row>[] = [...KEY_COLUMNS, { id: "arn", header: "ARN", value: keyArn }];

/** What the two cost columns hold: the days the request cost covers (API costWindow), and that the modeled column excludes requests. */
function costNote(data: Row): string {
  const w = (data.costWindow ?? null) as Row | null;
  const requests = w
    ? `Request cost: requests only, billed on the ${str(w.daysWithData)} day(s) with per-key Cost Explorer data between ${str(w.from)} and ${str(w.to)}.`
    : "Request cost: no per-key Cost Explorer data (resource-level data not enabled or not fetched yet).";
  const bill = (data.billMonth ?? null) as Row | null;
  const billed = bill
    ? ` Billed: the key's own lines of the imported bill for ${str(bill.month).slice(0, 7)} (${str(bill.billStatus)}), storage + rotation + requests.`
    : " Billed: no imported bill.";
  return `${requests} Key storage + rotation: modeled from the price table for one month in the key's current state, requests not included.${billed}`;
}

/** The API's default. */
export const KEY_DEFAULT_SORT: SortState = { id: "alias", direction: "asc" };

export function KeysView() {
  const { filters } = useFilters();
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <ServerTable
        title="KMS keys"
        testId="keys-table"
        endpoint={KEYS_ENDPOINT}
        filterParams={filtersToApiParams(filters, FILTERS)}
        columns={KEY_COLUMNS}
        exportColumns={KEY_EXPORT_COLUMNS}
        defaultSort={KEY_DEFAULT_SORT}
        rowKey={keyArn}
        searchPlaceholder="Alias, ARN or key id"
        note={(data) => costNote(data as unknown as Row)}
        emptyMessage="No keys for these filters: clear a filter, or run an ingestion."
      />
    </div>
  );
}
