// Non-compliant resources as of one day (DOMAIN.md §6.2), read from the resource versions: who,
// why, and since when - the start of the current uninterrupted non-compliant stretch, which
// survives a change of reason (SSE_S3 → AWS_MANAGED_KEY is still non-compliant) but not a
// compliant version or a gap in which the resource did not exist.
import { buLabel, type DimensionFilters } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import type { Day } from "@/lib/store/types";
import { latestCoverageDay, latestSnapshotDay } from "./as-of";
import { SqlParams, dayOf, dimensionConditions, whereClause } from "./sql";

export const NONCOMPLIANT_SORTS = ["since", "name", "reason", "bu", "account", "service", "size"] as const;
export type NonCompliantSort = (typeof NONCOMPLIANT_SORTS)[number];

const SORT_COLUMNS: Record<NonCompliantSort, string> = {
  since: "since",
  name: "name",
  reason: "non_compliant_reason",
  bu: "business_unit",
  account: "account_id",
  service: "service",
  size: "size_bytes",
};

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

export interface NonCompliantResource {
  resourceArn: string;
  name: string;
  accountId: string;
  region: string;
  service: string;
  reason: NonCompliantReason;
  encryptionClass: string;
  keyArn: string | null;
  keyState: string | null;
  businessUnit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
  sizeBytes: bigint | null;
  since: Day;
}

export interface NonCompliantResourcesPage {
  day: Day | null;
  total: number;
  page: number;
  pageSize: number;
  items: NonCompliantResource[];
}

interface Row {
  resource_arn: string;
  name: string;
  account_id: string;
  region: string;
  service: string;
  non_compliant_reason: NonCompliantReason;
  encryption_class: string;
  key_arn: string | null;
  key_state: string | null;
  business_unit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
  size_bytes: bigint | null;
  since: Date;
  total: number;
}

export async function nonCompliantResources(db: Db, query: NonCompliantResourcesQuery): Promise<NonCompliantResourcesPage> {
  const day = query.day ?? (await latestCoverageDay(db)) ?? (await latestSnapshotDay(db));
  if (!day) return { day: null, total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const params = new SqlParams();
  const d = params.add(day);
  const conditions = [`v.valid_from <= ${d}::date`, `v.valid_to > ${d}::date`, `v.non_compliant_reason IS NOT NULL`, ...dimensionConditions(query.filters, params, "v")];
  if (query.reason?.length) conditions.push(`v.non_compliant_reason::text = ANY(${params.add(query.reason)}::text[])`);
  if (query.search) {
    const pattern = params.add(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(v.name ILIKE ${pattern} OR v.resource_arn ILIKE ${pattern})`);
  }
  const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.descending ? "DESC" : "ASC"} NULLS LAST, resource_arn`;
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  // A stretch starts at a non-compliant version with no non-compliant version ending the day it
  // begins; the latest such start up to the current version is where its stretch began.
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH current AS (
       SELECT v.*, (SELECT max(s.valid_from) FROM storage_resource_version s
          WHERE s.resource_arn = v.resource_arn AND s.valid_from <= v.valid_from AND s.non_compliant_reason IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM storage_resource_version p WHERE p.resource_arn = s.resource_arn
                            AND p.valid_to = s.valid_from AND p.non_compliant_reason IS NOT NULL)) AS since
       FROM storage_resource_version v ${whereClause(conditions)}
     )
     SELECT resource_arn, name, account_id, region, service::text AS service, non_compliant_reason::text AS non_compliant_reason,
       encryption_class::text AS encryption_class, key_arn, key_state, business_unit, environment, classification,
       application, owner, size_bytes, since, (count(*) OVER ())::int AS total
     FROM current ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    ...params.values,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: still report how many there are.
    const counted = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM storage_resource_version v ${whereClause(conditions)}`,
      ...params.values.slice(0, params.values.length - 2),
    );
    total = counted[0]?.n ?? 0;
  }
  return {
    day,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      resourceArn: r.resource_arn,
      name: r.name,
      accountId: r.account_id,
      region: r.region,
      service: r.service,
      reason: r.non_compliant_reason,
      encryptionClass: r.encryption_class,
      keyArn: r.key_arn,
      keyState: r.key_state,
      businessUnit: buLabel(r.business_unit),
      environment: r.environment,
      classification: r.classification,
      application: r.application,
      owner: r.owner,
      sizeBytes: r.size_bytes,
      since: dayOf(r.since),
    })),
  };
}
