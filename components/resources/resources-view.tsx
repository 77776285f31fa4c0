"use client";

import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useAllNoncompliantResourcesQuery } from "@/components/hooks/queries/endpoints";
import { ApiTable } from "@/components/tables/api-table";
import { dayCol, textCol } from "@/components/tables/columns";

const columns = [
  textCol("name", "Resource", "name", "resourceArn"),
  textCol("service", "Service"),
  textCol("reason", "Reason", "reason", "nonCompliantReason"),
  textCol("bu", "Business unit", "businessUnit"),
  textCol("owner", "Owner"),
  textCol("env", "Environment", "environment"),
  textCol("account", "Account", "accountId"),
  textCol("region", "Region"),
  dayCol("since", "Non-compliant since", "since", "nonCompliantSince", "validFrom"),
  textCol("arn", "ARN", "resourceArn", "arn"),
];

export function ResourcesView() {
  const { filters } = useFilters();
  const query = useAllNoncompliantResourcesQuery(filtersToApiParams(filters, ["account", "region", "bu", "env"]));
  return (
    <div className="space-y-4">
      <FilterBar only={["account", "region", "bu", "env"]} />
      <ApiTable query={query} title="Non-compliant resources" columns={columns} testId="resources-table" rowKey={["resourceArn", "arn"]} initialSort={{ id: "since", direction: "asc" }} emptyMessage="No non-compliant resource for these filters." />
    </div>
  );
}
