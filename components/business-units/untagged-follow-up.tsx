"use client";

import Link from "next/link";
import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import { UNTAGGED } from "@/lib/domain/business-unit";
import { formatInteger } from "@/lib/domain/format";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { dayColumn, textColumn } from "@/components/tables/columns";
import { DataTable } from "@/components/tables/data-table";
import type { RowOf } from "@/components/tables/server-table";
import { QueryBoundary } from "@/components/tables/states";
import { resourcesLink, type Carried } from "@/components/overview/drill-links";

// "(untagged)" is not a team: nobody owns its scorecard. Its resources are a follow-up list for
// whoever sets the business-unit tag, with the way to the full list on the Resources page. Both
// follow the bar's account, region, environment and service (`dims`), as the counts do.

type Resource = RowOf<typeof noncompliantResourcesEndpoint>;
const COLUMNS = [
  textColumn("name", "Resource", (r: Resource) => r.name),
  textColumn("account", "Account", (r: Resource) => r.accountId),
  textColumn("reason", "Reason", (r: Resource) => r.reason),
  textColumn("owner", "Owner", (r: Resource) => r.owner),
  dayColumn("since", "Since", (r: Resource) => r.since),
];

export function UntaggedFollowUp({ counts, dims }: { counts: { resources: number; nonCompliant: number } | null; dims: Carried }) {
  const resources = useEndpoint<typeof noncompliantResourcesEndpoint>("/api/resources/noncompliant", { ...dims, bu: UNTAGGED, pageSize: 10, sort: "since" });
  if (!counts) return null;
  return (
    <section aria-labelledby="untagged-follow-up" className="space-y-2" data-testid="untagged-follow-up">
      <h2 id="untagged-follow-up" className="text-lg font-semibold">Follow-up: resources without a business unit</h2>
      <p className="text-sm text-slate-700">
        <span data-testid="untagged-counts">{formatInteger(counts.resources)} in-scope resources carry no business-unit tag, {formatInteger(counts.nonCompliant)} of them non-compliant</span>:
        not a team, they need an owner first.{" "}
        <Link href={resourcesLink({ businessUnit: "" }, dims)} data-testid="untagged-link" className="text-sky-800 underline">All untagged non-compliant resources</Link>
      </p>
      <QueryBoundary query={resources} label="Loading untagged resources">
        {(page) => <DataTable title="Untagged non-compliant resources, longest first" testId="untagged-table" rows={page.items} rowKey={(r) => r.resourceArn} columns={COLUMNS} />}
      </QueryBoundary>
    </section>
  );
}
