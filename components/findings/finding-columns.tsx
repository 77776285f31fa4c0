// The findings table's columns: what a person needs to act on a finding in one row — how bad,
// what, on which key (a link onward), the evidence in words, the fix, and since when.
import type { findingsEndpoint } from "@/lib/endpoints/findings";
import { dayColumn, textColumn } from "@/components/tables/columns";
import type { RowOf, ServerColumn } from "@/components/tables/server-table";
import type { Column } from "@/components/tables/table-model";
import { KeyLink, keyIdOf } from "@/components/keys/key-link";
import { SeverityBadge } from "./severity-badge";

export type FindingRow = RowOf<typeof findingsEndpoint>;

const keyLabel = (f: FindingRow) => (f.aliases.length ? f.aliases.join(", ") : keyIdOf(f.keyArn));

/** sortField: the API's sort (docs/api.md GET /api/findings); the others are not sortable. */
export const FINDING_COLUMNS: readonly ServerColumn<FindingRow>[] = [
  // Ascending "severity" is worst first, the API's default and the useful first click.
  { id: "severity", header: "Severity", value: (f) => f.severity, cell: (f) => <SeverityBadge severity={f.severity} />, sortField: "severity", sortFirst: "asc" },
  { ...textColumn("code", "Finding", (f: FindingRow) => f.code), sortField: "code" },
  { id: "key", header: "Key", value: keyLabel, cell: (f) => <KeyLink keyArn={f.keyArn} label={keyLabel(f)} /> },
  { id: "evidence", header: "Evidence", value: (f) => f.evidenceText, cell: (f) => <span className="block min-w-[16rem] max-w-xl break-words">{f.evidenceText}</span> },
  { id: "fix", header: "Fix", value: (f) => f.fix, cell: (f) => <span className="block min-w-[12rem] max-w-sm">{f.fix}</span> },
  { ...dayColumn("since", "Since", (f: FindingRow) => f.firstSeen), sortField: "since" },
  { ...textColumn("bu", "Business unit", (f: FindingRow) => f.businessUnit ?? ""), sortField: "bu" },
  { ...textColumn("account", "Account", (f: FindingRow) => f.accountId ?? ""), sortField: "account" },
  textColumn("region", "Region", (f) => f.region ?? ""),
];

/** The file also carries the full key ARN, which the table only links to. */
export const FINDING_EXPORT_COLUMNS: readonly Column<FindingRow>[] = [...FINDING_COLUMNS, { id: "arn", header: "Key ARN", value: (f) => f.keyArn }];
