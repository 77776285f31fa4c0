// Every in-scope resource as of one day, compliant or not, filterable by encryption class: the rows
// behind the coverage figures (DOMAIN.md §6.1). "Not on a CMK" (every class but CUSTOMER_KMS) is
// what keeps coverage from 100 %; it is not the non-compliant list, since a resource the policy
// does not require a CMK for lowers coverage while staying compliant.
import type { Db } from "@/lib/db/client";
import type { EncryptionClass } from "@/lib/domain/records";
import type { SqlParams } from "./sql";
import { type ResourceListQuery, type ResourcePage, listResourcePage } from "./resource-page";

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

export interface InScopeResourcesQuery extends ResourceListQuery {
  encryption?: EncryptionClass[];
  compliance?: Compliance;
  sort: { field: InScopeSort; descending: boolean };
}

export async function inScopeResources(db: Db, query: InScopeResourcesQuery): Promise<ResourcePage> {
  const { field, descending } = query.sort;
  const direction = `${descending ? "DESC" : "ASC"}${NULLABLE_SORTS.has(field) ? " NULLS LAST" : ""}`;
  const own = (params: SqlParams) => [
    ...(query.encryption?.length ? [`v.encryption_class = ANY(${params.add(query.encryption)}::"EncryptionClass"[])`] : []),
    ...(query.compliance ? [`v.non_compliant_reason IS ${query.compliance === "noncompliant" ? "NOT NULL" : "NULL"}`] : []),
  ];
  return listResourcePage(db, query, own, `${SORT_COLUMNS[field]} ${direction}`);
}
