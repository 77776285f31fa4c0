// The columns of the two resource lists on /resources: the non-compliant resources (the default)
// and every in-scope resource by encryption class (the coverage tiles' rows). The shared columns
// read the wider row of GET /api/resources (reason and since may be null), so both lists use them.
import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import type { resourcesEndpoint } from "@/lib/endpoints/resources/list";
import { formatBytes, formatSince, NO_VALUE } from "@/lib/domain/format";
import { arnExportColumn, dayColumn, labelColumn, resourceNameColumn, textColumn } from "@/components/tables/columns";
import { codeLabel, ENCRYPTION_CLASS_LABELS, REASON_LABELS, STORAGE_SERVICE_LABELS } from "@/lib/domain/labels";
import type { RowOf, ServerColumn } from "@/components/tables/server-table";
import { ResourceKeyCell } from "@/components/keys/key-link";
import type { Column, SortState } from "@/components/tables/table-model";

type Listed = RowOf<typeof resourcesEndpoint>;
type NonCompliant = RowOf<typeof noncompliantResourcesEndpoint>;

/** Sizes travel as decimal strings (bigints); null when unknown. */
const size: ServerColumn<Listed> = {
  id: "size",
  header: "Size",
  value: (r) => (r.sizeBytes === null ? null : Number(r.sizeBytes)),
  cell: (r) => (r.sizeBytes === null ? NO_VALUE : formatBytes(BigInt(r.sizeBytes))),
  align: "right",
  sortField: "size",
};

// sortField: the API's sort for the column (docs/api.md); a column without one is not sortable.
// The name, its ARN on hover and copy (ARNs made rows four lines tall); the ARN stays in the CSV.
const name: ServerColumn<Listed> = { ...resourceNameColumn("name", "Resource", (r: Listed) => r.name, (r) => r.resourceArn), sortField: "name" };
const service: ServerColumn<Listed> = { ...labelColumn("service", "Service", (r: Listed) => r.service, STORAGE_SERVICE_LABELS), sortField: "service" };
const bu: ServerColumn<Listed> = { ...textColumn("bu", "Business unit", (r: Listed) => r.businessUnit), sortField: "bu" };
// Priorities (hideBelow): what a narrow window drops first; the CSV keeps every column.
const owner: ServerColumn<Listed> = { ...textColumn("owner", "Owner", (r: Listed) => r.owner), hideBelow: "2xl" };
const env: ServerColumn<Listed> = { ...textColumn("env", "Environment", (r: Listed) => r.environment), hideBelow: "2xl" };
const account: ServerColumn<Listed> = { ...textColumn("account", "Account", (r: Listed) => r.accountId), sortField: "account", hideBelow: "lg", nowrap: true };
const region: ServerColumn<Listed> = { ...textColumn("region", "Region", (r: Listed) => r.region), hideBelow: "md", nowrap: true };
// Onward to the key behind the resource (an AWS managed or unusable key, or its CMK).
const key: ServerColumn<Listed> = { id: "key", header: "Key", value: (r) => r.keyArn, cell: (r) => <ResourceKeyCell keyArn={r.keyArn} reason={r.reason} /> };
const since: ServerColumn<Listed> = {
  ...dayColumn("since", "Non-compliant since", (r: Listed) => r.since ?? ""),
  cell: (r) => (r.since === null ? NO_VALUE : formatSince(r.since, r.sinceHistoryStart)),
  sortField: "since",
};
/** Who, where, how large, which key and since when: the same after the first columns in both lists. */
const REST: readonly ServerColumn<Listed>[] = [bu, owner, env, account, region, size, key, since, arnExportColumn("arn", (r: Listed) => r.resourceArn)];

export const NONCOMPLIANT_COLUMNS: readonly ServerColumn<NonCompliant>[] = [
  name,
  service,
  { ...labelColumn("reason", "Reason", (r: NonCompliant) => r.reason, REASON_LABELS), sortField: "reason" },
  ...REST,
];

/** The API's default: longest non-compliant first. */
export const NONCOMPLIANT_DEFAULT_SORT: SortState = { id: "since", direction: "asc" };

/** Compliant rows say so: the list of every resource holds both. */
const COMPLIANT = "Compliant";

export const IN_SCOPE_COLUMNS: readonly ServerColumn<Listed>[] = [
  name,
  service,
  { ...labelColumn("encryption", "Encryption", (r: Listed) => r.encryptionClass, ENCRYPTION_CLASS_LABELS), sortField: "encryption" },
  {
    id: "reason",
    header: "Compliance",
    value: (r) => r.reason ?? COMPLIANT,
    cell: (r) => (r.reason === null ? <span className="text-slate-600">{r.requiresCmk ? COMPLIANT : `${COMPLIANT} (no CMK required)`}</span> : <span title={r.reason}>{codeLabel(REASON_LABELS, r.reason)}</span>),
    sortField: "reason",
  },
  ...REST,
];

/** The API's default: by name. */
export const IN_SCOPE_DEFAULT_SORT: SortState = { id: "name", direction: "asc" };

/** The file carries the exact size in bytes, with the unit in its header (the page shows GiB/TiB). */
export function exportColumns<R extends Listed>(columns: readonly ServerColumn<R>[]): readonly Column<R>[] {
  return columns.map((c) => (c.id === "size" ? { id: "size", header: "Size (bytes)", value: (r: R) => r.sizeBytes } : c));
}
