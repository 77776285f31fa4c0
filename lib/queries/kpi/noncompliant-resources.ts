// Non-compliant resources as of one day (DOMAIN.md §6.2), read from the resource versions: who,
// why, and since when - the start of the current uninterrupted non-compliant stretch, which
// survives a change of reason (SSE_S3 → AWS_MANAGED_KEY is still non-compliant) but not a
// compliant version or a gap in which the resource did not exist.
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import { type Day } from "@/lib/domain/days";
import { type ListedResource, type ResourceListQuery, type ResourcePage, listResourcePage } from "./resource-page";

export const NONCOMPLIANT_SORTS = ["since", "name", "reason", "bu", "account", "service", "size"] as const;
export type NonCompliantSort = (typeof NONCOMPLIANT_SORTS)[number];

const SORT_COLUMNS: Record<NonCompliantSort, string> = {
  since: "v.non_compliant_since",
  name: "v.name",
  // Enum columns sort by their text, as the API always did (not by the enum's declaration order).
  reason: "v.non_compliant_reason::text",
  bu: "v.business_unit",
  account: "v.account_id",
  service: "v.service::text",
  size: "v.size_bytes",
};
/**
 * Sort columns that may hold nulls among the listed rows. The others are never null there (since
 * is set on every non-compliant version), so their descending order needs no NULLS LAST: without
 * it a backward scan of an index on the column matches the order.
 */
const NULLABLE_SORTS: ReadonlySet<NonCompliantSort> = new Set(["size"]);

export interface NonCompliantResourcesQuery extends ResourceListQuery {
  reason?: NonCompliantReason[];
  sort: { field: NonCompliantSort; descending: boolean };
}

/** A listed resource that is non-compliant: its reason and since are always set. */
export type NonCompliantResource = ListedResource & { reason: NonCompliantReason; since: Day };

export type NonCompliantResourcesPage = ResourcePage<NonCompliantResource>;

export async function nonCompliantResources(db: Db, query: NonCompliantResourcesQuery): Promise<NonCompliantResourcesPage> {
  const { field, descending } = query.sort;
  const direction = descending ? (NULLABLE_SORTS.has(field) ? "DESC NULLS LAST" : "DESC") : "ASC";
  const page = await listResourcePage(
    db,
    query,
    (params) => [`v.non_compliant_reason IS NOT NULL`, ...(query.reason?.length ? [`v.non_compliant_reason = ANY(${params.add(query.reason)}::"NonCompliantReason"[])`] : [])],
    `${SORT_COLUMNS[field]} ${direction}`,
  );
  // Every row has non_compliant_reason set, and non_compliant_since with it (non-compliant-since.ts).
  return page as NonCompliantResourcesPage;
}
