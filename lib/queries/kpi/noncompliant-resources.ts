// Non-compliant resources as of one day (DOMAIN.md §6.2), read from the resource versions: who,
// why, and since when - the start of the current uninterrupted non-compliant stretch, which
// survives a change of reason (SSE_S3 → AWS_MANAGED_KEY is still non-compliant) but not a
// compliant version or a gap in which the resource did not exist.
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import { latestCoverageDay, latestSnapshotDay } from "./as-of";
import { SqlParams, dimensionConditions, whereClause } from "./sql";
import { type Day, OPEN_END, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { type DimensionFilters } from "@/lib/domain/dimensions";

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
  /**
   * since is the first day of history: the resource was already non-compliant when the first
   * snapshot was taken, so the stretch began that day or earlier (the page says "before <day>").
   */
  sinceHistoryStart: boolean;
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
}

export async function nonCompliantResources(db: Db, query: NonCompliantResourcesQuery): Promise<NonCompliantResourcesPage> {
  const day = query.day ?? (await latestCoverageDay(db)) ?? (await latestSnapshotDay(db));
  if (!day) return { day: null, total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const params = new SqlParams();
  const conditions = [...(await validOn(db, day, params)), `v.non_compliant_reason IS NOT NULL`];
  const { service, ...otherFilters } = query.filters;
  conditions.push(...dimensionConditions(otherFilters, params, "v"));
  // Enum columns compared as enums (values are validated), not as text: an index on them applies.
  if (service?.length) conditions.push(`v.service = ANY(${params.add(service)}::"StorageService"[])`);
  if (query.reason?.length) conditions.push(`v.non_compliant_reason = ANY(${params.add(query.reason)}::"NonCompliantReason"[])`);
  if (query.search) {
    const pattern = params.add(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(v.name ILIKE ${pattern} OR v.resource_arn ILIKE ${pattern})`);
  }
  const { field, descending } = query.sort;
  const direction = descending ? (NULLABLE_SORTS.has(field) ? "DESC NULLS LAST" : "DESC") : "ASC";
  const filterValues = [...params.values];
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  // The page and the total run side by side on two connections: the page stops after
  // offset + limit rows of an index in sort order, the count reads a narrow index only.
  const [rows, counted, historyStart] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(
      `SELECT v.resource_arn, v.name, v.account_id, v.region, v.service::text AS service,
         v.non_compliant_reason::text AS non_compliant_reason, v.encryption_class::text AS encryption_class, v.key_arn,
         v.key_state, v.business_unit, v.environment, v.classification, v.application, v.owner, v.size_bytes,
         v.non_compliant_since AS since
       FROM storage_resource_version v ${whereClause(conditions)}
       ORDER BY ${SORT_COLUMNS[field]} ${direction}, v.resource_arn LIMIT ${limit} OFFSET ${offset}`,
      ...params.values,
    ),
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM storage_resource_version v ${whereClause(conditions)}`, ...filterValues),
    firstCoverageDay(db),
  ]);
  const total = counted[0]?.n ?? 0;
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
      since: toDay(r.since),
      sinceHistoryStart: historyStart !== null && toDay(r.since) <= historyStart,
    })),
  };
}

/** The first day with coverage rollups, i.e. of the first snapshot (an index lookup: the key starts with day). */
async function firstCoverageDay(db: Db): Promise<Day | null> {
  const row = await db.coverageBuDaily.findFirst({ orderBy: { day: "asc" }, select: { day: true } });
  return row ? toDay(row.day) : null;
}

/**
 * "Valid on `day`" (valid_from <= day < valid_to) in the form the partial indexes on current
 * non-compliant versions (migration 20261123090000) can serve. On or after the last day any
 * version ended, the versions valid on `day` are the current ones that started by then; on or
 * after the last start, all current ones (no condition left to check outside the index).
 */
async function validOn(db: Db, day: Day, params: SqlParams): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ after_ends: boolean; after_starts: boolean }[]>(
    `SELECT coalesce((SELECT max(valid_to) FROM storage_resource_version WHERE valid_to < '${OPEN_END}'::date) <= $1::date, true) AS after_ends,
       coalesce((SELECT max(valid_from) FROM storage_resource_version WHERE valid_to = '${OPEN_END}'::date) <= $1::date, true) AS after_starts`,
    day,
  );
  const { after_ends: afterEnds = false, after_starts: afterStarts = false } = rows[0] ?? {};
  if (afterEnds && afterStarts) return [`v.valid_to = '${OPEN_END}'::date`];
  const d = params.add(day);
  return afterEnds ? [`v.valid_to = '${OPEN_END}'::date`, `v.valid_from <= ${d}::date`] : [`v.valid_from <= ${d}::date`, `v.valid_to > ${d}::date`];
}
