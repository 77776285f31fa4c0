// Non-compliant resources as of one day (DOMAIN.md §6.2), read from the resource versions: who,
// why, and since when - the start of the current uninterrupted non-compliant stretch, which
// survives a change of reason (SSE_S3 → AWS_MANAGED_KEY is still non-compliant) but not a
// compliant version or a gap in which the resource did not exist.
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import { latestCoverageDay, latestSnapshotDay } from "./as-of";
import { SqlParams } from "./sql";
import { type Day } from "@/lib/domain/days";
import { type DimensionFilters } from "@/lib/domain/dimensions";
import { type ListedResource, type ResourcePage, listConditions, readResourcePage, validOn } from "./resource-page";

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

export interface NonCompliantResourcesQuery {
  day?: Day;
  filters: DimensionFilters;
  reason?: NonCompliantReason[];
  /** Case-insensitive substring of the name or ARN. */
  search?: string;
  sort: { field: NonCompliantSort; descending: boolean };
  page: number;
  pageSize: number;
}

/** A listed resource that is non-compliant: its reason and since are always set. */
export type NonCompliantResource = ListedResource & { reason: NonCompliantReason; since: Day };

export type NonCompliantResourcesPage = ResourcePage<NonCompliantResource>;

export async function nonCompliantResources(db: Db, query: NonCompliantResourcesQuery): Promise<NonCompliantResourcesPage> {
  const day = query.day ?? (await latestCoverageDay(db)) ?? (await latestSnapshotDay(db));
  if (!day) return { day: null, total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const params = new SqlParams();
  const conditions = [...(await validOn(db, day, params)), `v.non_compliant_reason IS NOT NULL`, ...listConditions(query.filters, query.search, params)];
  if (query.reason?.length) conditions.push(`v.non_compliant_reason = ANY(${params.add(query.reason)}::"NonCompliantReason"[])`);
  const { field, descending } = query.sort;
  const direction = descending ? (NULLABLE_SORTS.has(field) ? "DESC NULLS LAST" : "DESC") : "ASC";
  const page = await readResourcePage(db, { day, conditions, params, orderBy: `${SORT_COLUMNS[field]} ${direction}`, page: query.page, pageSize: query.pageSize });
  // Every row has non_compliant_reason set, and non_compliant_since with it (non-compliant-since.ts).
  return page as NonCompliantResourcesPage;
}
