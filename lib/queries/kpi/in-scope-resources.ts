// Every in-scope resource as of one day, compliant or not, filterable by encryption class: the rows
// behind the coverage figures (DOMAIN.md §6.1). "Not on a CMK" (every class but CUSTOMER_KMS) is
// what keeps coverage from 100 %; it is not the non-compliant list, since a resource the policy
// does not require a CMK for lowers coverage while staying compliant.
import type { Db } from "@/lib/db/client";
import type { EncryptionClass } from "@/lib/domain/records";
import { latestCoverageDay, latestSnapshotDay } from "./as-of";
import { SqlParams } from "./sql";
import { type Day } from "@/lib/domain/days";
import { type DimensionFilters } from "@/lib/domain/dimensions";
import { type ResourcePage, listConditions, readResourcePage, validOn } from "./resource-page";

export const IN_SCOPE_SORTS = ["name", "encryption", "reason", "bu", "account", "service", "size", "since"] as const;
export type InScopeSort = (typeof IN_SCOPE_SORTS)[number];

export const COMPLIANCE = ["compliant", "noncompliant"] as const;
export type Compliance = (typeof COMPLIANCE)[number];

const SORT_COLUMNS: Record<InScopeSort, string> = {
  name: "v.name",
  // The enum's own order: weakest class first (NONE, SSE_S3, AWS_MANAGED_KMS, CUSTOMER_KMS, UNKNOWN).
  encryption: "v.encryption_class",
  reason: "v.non_compliant_reason::text",
  bu: "v.business_unit",
  account: "v.account_id",
  service: "v.service::text",
  size: "v.size_bytes",
  since: "v.non_compliant_since",
};
/** Compliant rows have no reason and no since; sizes may be unknown. Nulls go last either way. */
const NULLABLE_SORTS: ReadonlySet<InScopeSort> = new Set(["reason", "size", "since"]);

export interface InScopeResourcesQuery {
  day?: Day;
  filters: DimensionFilters;
  encryption?: EncryptionClass[];
  compliance?: Compliance;
  /** Case-insensitive substring of the name or ARN. */
  search?: string;
  sort: { field: InScopeSort; descending: boolean };
  page: number;
  pageSize: number;
}

export async function inScopeResources(db: Db, query: InScopeResourcesQuery): Promise<ResourcePage> {
  const day = query.day ?? (await latestCoverageDay(db)) ?? (await latestSnapshotDay(db));
  if (!day) return { day: null, total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const params = new SqlParams();
  const conditions = [...(await validOn(db, day, params)), ...listConditions(query.filters, query.search, params)];
  if (query.encryption?.length) conditions.push(`v.encryption_class = ANY(${params.add(query.encryption)}::"EncryptionClass"[])`);
  if (query.compliance) conditions.push(`v.non_compliant_reason IS ${query.compliance === "noncompliant" ? "NOT NULL" : "NULL"}`);
  const { field, descending } = query.sort;
  const direction = `${descending ? "DESC" : "ASC"}${NULLABLE_SORTS.has(field) ? " NULLS LAST" : ""}`;
  return readResourcePage(db, { day, conditions, params, orderBy: `${SORT_COLUMNS[field]} ${direction}`, page: query.page, pageSize: query.pageSize });
}
