// One page of resource versions valid on a day, with its total: what the non-compliant list
// (noncompliant-resources.ts) and the list of every in-scope resource (in-scope-resources.ts)
// share. Each adds its own conditions and sort; the filters, the search, the columns read and the
// "valid on a day" form the partial indexes can serve are the same.
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import { SqlParams, dimensionConditions, whereClause } from "./sql";
import { latestCoverageDay, latestSnapshotDay } from "./as-of";
import { type Day, OPEN_END, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { type DimensionFilters } from "@/lib/domain/dimensions";

export interface ListedResource {
  resourceArn: string;
  name: string;
  accountId: string;
  region: string;
  service: string;
  /** Null when the resource is compliant. */
  reason: NonCompliantReason | null;
  encryptionClass: string;
  keyArn: string | null;
  keyState: string | null;
  businessUnit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
  requiresCmk: boolean;
  sizeBytes: bigint | null;
  /** Start of the current non-compliant stretch; null when compliant. */
  since: Day | null;
  /**
   * since is the first day of history: the resource was already non-compliant when the first
   * snapshot was taken, so the stretch began that day or earlier (the page says "before <day>").
   */
  sinceHistoryStart: boolean;
}

export interface ResourcePage<R extends ListedResource = ListedResource> {
  day: Day | null;
  total: number;
  page: number;
  pageSize: number;
  items: R[];
}

interface Row {
  resource_arn: string;
  name: string;
  account_id: string;
  region: string;
  service: string;
  non_compliant_reason: NonCompliantReason | null;
  encryption_class: string;
  key_arn: string | null;
  key_state: string | null;
  business_unit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
  requires_cmk: boolean;
  size_bytes: bigint | null;
  since: Date | null;
}

/** The filters and search every resource list takes, as conditions on alias v. */
export function listConditions(filters: DimensionFilters, search: string | undefined, params: SqlParams): string[] {
  const { service, ...otherFilters } = filters;
  const conditions = dimensionConditions(otherFilters, params, "v");
  // Enum columns compared as enums (values are validated), not as text: an index on them applies.
  if (service?.length) conditions.push(`v.service = ANY(${params.add(service)}::"StorageService"[])`);
  if (search) {
    const pattern = params.add(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(v.name ILIKE ${pattern} OR v.resource_arn ILIKE ${pattern})`);
  }
  return conditions;
}

/** What every resource list is asked: a day (default: the latest coverage day), the bar's filters, a search, a page. */
export interface ResourceListQuery {
  day?: Day;
  filters: DimensionFilters;
  /** Case-insensitive substring of the name or ARN. */
  search?: string;
  page: number;
  pageSize: number;
}

/**
 * One page of a resource list: the versions valid on the day under the shared filters and search,
 * plus the list's `own` conditions (bound through the same params), in `orderBy`.
 */
export async function listResourcePage(db: Db, query: ResourceListQuery, own: (params: SqlParams) => string[], orderBy: string): Promise<ResourcePage> {
  const day = query.day ?? (await latestCoverageDay(db)) ?? (await latestSnapshotDay(db));
  if (!day) return { day: null, total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const params = new SqlParams();
  const conditions = [...(await validOn(db, day, params)), ...listConditions(query.filters, query.search, params), ...own(params)];
  return readResourcePage(db, { day, conditions, params, orderBy, page: query.page, pageSize: query.pageSize });
}

/**
 * Below this many matching rows a page is read by filtering first and sorting what matched (a
 * bitmap over the filters, then a sort of at most this many rows: tens of milliseconds). Above it,
 * walking an index in sort order until the page is full is what stays fast. Left to itself the
 * planner walks the order index for a narrow filter too, assuming matches are spread evenly along
 * it: one business unit's resources share a name prefix, so the walk crossed ~900,000 others
 * before reaching them (2.2 s at organization scale, BENCHMARKS.md "Paged lists").
 */
const FILTER_FIRST_BELOW = 50_000;

/** The columns a page shows or sorts by, as stored (the filtered rows, before their sort). */
const RAW_COLUMNS = `v.resource_arn, v.name, v.account_id, v.region, v.service, v.non_compliant_reason, v.encryption_class, v.key_arn, v.key_state,
  v.business_unit, v.environment, v.classification, v.application, v.owner, v.requires_cmk, v.size_bytes, v.non_compliant_since`;

/**
 * The page in `orderBy` (the resource ARN breaks ties, so pages never overlap) and the total. The
 * total comes first (an index-only count) because it decides how the page is read.
 */
export async function readResourcePage(
  db: Db,
  query: { day: Day; conditions: string[]; params: SqlParams; orderBy: string; page: number; pageSize: number },
  /** Tests read one page both ways and compare them. */
  filterFirstBelow = FILTER_FIRST_BELOW,
): Promise<ResourcePage> {
  const { conditions, params } = query;
  const filterValues = [...params.values];
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  const [counted, historyStart] = await Promise.all([
    db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM storage_resource_version v ${whereClause(conditions)}`, ...filterValues),
    firstCoverageDay(db),
  ]);
  const total = counted[0]?.n ?? 0;
  const columns = `v.resource_arn, v.name, v.account_id, v.region, v.service::text AS service,
         v.non_compliant_reason::text AS non_compliant_reason, v.encryption_class::text AS encryption_class, v.key_arn,
         v.key_state, v.business_unit, v.environment, v.classification, v.application, v.owner, v.requires_cmk, v.size_bytes,
         v.non_compliant_since AS since`;
  const page = `ORDER BY ${query.orderBy}, v.resource_arn LIMIT ${limit} OFFSET ${offset}`;
  // MATERIALIZED keeps the planner from folding the filter back into an ordered index walk.
  const sql =
    total < filterFirstBelow
      ? `WITH v AS MATERIALIZED (SELECT ${RAW_COLUMNS} FROM storage_resource_version v ${whereClause(conditions)}) SELECT ${columns} FROM v ${page}`
      : `SELECT ${columns} FROM storage_resource_version v ${whereClause(conditions)} ${page}`;
  const rows = total === 0 ? [] : await db.$queryRawUnsafe<Row[]>(sql, ...params.values);
  return {
    day: query.day,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => {
      const since = r.since ? toDay(r.since) : null;
      return {
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
        requiresCmk: r.requires_cmk,
        sizeBytes: r.size_bytes,
        since,
        sinceHistoryStart: since !== null && historyStart !== null && since <= historyStart,
      };
    }),
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
export async function validOn(db: Db, day: Day, params: SqlParams): Promise<string[]> {
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
