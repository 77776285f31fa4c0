// Daily coverage and non-compliance counts from the rollups, optionally split by one dimension.
// Reads coverage_bu_daily (small, one row per day and business unit) when the cut is by business
// unit only or none, and expands coverage_interval (full grain, validity intervals) otherwise:
// both hold the same counts (lib/rollups/coverage.ts).
import type { Db } from "@/lib/db/client";
import { NON_COMPLIANT_REASONS, type NonCompliantReason } from "@/lib/kpi/compliance";
import { latestCoverageDay, resolveRange } from "./as-of";
import { DIMENSION_COLUMNS, SqlParams, dimensionConditions, whereClause } from "./sql";
import { type Day, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { type DimensionFilters } from "@/lib/domain/dimensions";

export type GroupDimension = keyof typeof DIMENSION_COLUMNS;
export const GROUP_DIMENSIONS = Object.keys(DIMENSION_COLUMNS) as [GroupDimension, ...GroupDimension[]];

export interface RollupCounts {
  resources: number;
  cmkResources: number;
  sizedResources: number;
  totalBytes: bigint;
  cmkBytes: bigint;
  nonCompliantByReason: Record<NonCompliantReason, number>;
}

export interface RollupPoint extends RollupCounts {
  day: Day;
  /** Value of the groupBy dimension ("" = untagged); null without groupBy. */
  group: string | null;
}

export interface RollupQuery {
  from: Day;
  to: Day;
  filters: DimensionFilters;
  groupBy?: GroupDimension;
}

const NC_COLUMNS: Record<NonCompliantReason, string> = {
  UNENCRYPTED: "nc_unencrypted",
  SSE_S3: "nc_sse_s3",
  AWS_MANAGED_KEY: "nc_aws_managed_key",
  KEY_UNUSABLE: "nc_key_unusable",
  UNKNOWN_KEY: "nc_unknown_key",
};

export function rollupTableFor(query: Pick<RollupQuery, "filters" | "groupBy">): "coverage_bu_daily" | "coverage_interval" {
  const buOnly = Object.entries(query.filters).every(([name, values]) => name === "bu" || !values?.length);
  return buOnly && (query.groupBy === undefined || query.groupBy === "bu") ? "coverage_bu_daily" : "coverage_interval";
}

interface Row {
  day: Date;
  grp: string | null;
  resources: number;
  cmk_resources: number;
  sized_resources: number;
  total_bytes: string;
  cmk_bytes: string;
  [nc: string]: unknown;
}

const COUNT_COLUMNS = ["resources", "cmk_resources", "sized_resources", "total_bytes", "cmk_bytes", ...Object.values(NC_COLUMNS)];

/**
 * The filtered intervals as one row per (day, group): the counts change only where an interval
 * starts or ends, so sum those changes per day and carry the running total forward.
 */
function intervalDays(group: string, conditions: string[], from: string, to: string): string {
  const counts = COUNT_COLUMNS.join(", ");
  return `WITH i AS (
      SELECT greatest(valid_from, ${from}::date) AS s, least(valid_to, ${to}::date + 1) AS e, ${group} AS grp, ${counts}
      FROM coverage_interval ${whereClause([`valid_from <= ${to}::date`, `valid_to > ${from}::date`, ...conditions])}
    ), changes AS (
      SELECT s AS day, grp, ${counts} FROM i
      UNION ALL
      SELECT e, grp, ${COUNT_COLUMNS.map((c) => `-${c}`).join(", ")} FROM i WHERE e <= ${to}::date
    ), per_day AS (
      SELECT day, grp, ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(", ")} FROM changes GROUP BY day, grp
    ), runs AS (
      SELECT day, lead(day, 1, ${to}::date + 1) OVER w AS next_day, grp, ${COUNT_COLUMNS.map((c) => `sum(${c}) OVER w AS ${c}`).join(", ")}
      FROM per_day WINDOW w AS (PARTITION BY grp ORDER BY day)
    )
    SELECT d::date AS day, grp, ${counts}
    FROM runs CROSS JOIN LATERAL generate_series(day, next_day - 1, interval '1 day') AS d WHERE resources > 0`;
}

export async function rollupSeries(db: Db, query: RollupQuery): Promise<RollupPoint[]> {
  const table = rollupTableFor(query);
  const params = new SqlParams();
  const from = params.add(query.from);
  const to = params.add(query.to);
  const dims = dimensionConditions(query.filters, params);
  const group = query.groupBy ? `${DIMENSION_COLUMNS[query.groupBy]}${query.groupBy === "service" ? "::text" : ""}` : "NULL::text";
  const source =
    table === "coverage_bu_daily"
      ? `SELECT day, ${group} AS grp, ${COUNT_COLUMNS.join(", ")} FROM coverage_bu_daily ${whereClause([`day BETWEEN ${from}::date AND ${to}::date`, ...dims])}`
      : intervalDays(group, dims, from, to);
  const ncSums = NON_COMPLIANT_REASONS.map((r) => `sum(${NC_COLUMNS[r]})::int AS ${NC_COLUMNS[r]}`).join(", ");
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT day, grp, sum(resources)::int AS resources, sum(cmk_resources)::int AS cmk_resources,
       sum(sized_resources)::int AS sized_resources, sum(total_bytes)::text AS total_bytes, sum(cmk_bytes)::text AS cmk_bytes, ${ncSums}
     FROM (${source}) AS days
     GROUP BY day, grp ORDER BY day, grp`,
    ...params.values,
  );
  return rows.map((row) => ({
    day: toDay(row.day),
    group: query.groupBy ? (row.grp ?? "") : null,
    resources: row.resources,
    cmkResources: row.cmk_resources,
    sizedResources: row.sized_resources,
    totalBytes: BigInt(row.total_bytes),
    cmkBytes: BigInt(row.cmk_bytes),
    nonCompliantByReason: Object.fromEntries(NON_COMPLIANT_REASONS.map((r) => [r, Number(row[NC_COLUMNS[r]])])) as Record<NonCompliantReason, number>,
  }));
}

export interface RangedSeries<P> {
  from: Day | null;
  to: Day | null;
  source: "coverage_bu_daily" | "coverage_interval";
  points: P[];
}

/**
 * The rollup series over the requested range (default: the 30 days up to the latest rollup day),
 * each point shaped by `toPoint`; business-unit groups carry their display label.
 */
export async function rangedRollupSeries<P>(
  db: Db,
  query: Omit<RollupQuery, "from" | "to"> & { from?: Day; to?: Day },
  toPoint: (point: RollupPoint, group: string | null) => P,
): Promise<RangedSeries<P>> {
  const source = rollupTableFor(query);
  const range = resolveRange(query, await latestCoverageDay(db), 30);
  if (!range) return { from: null, to: null, source, points: [] };
  const points = await rollupSeries(db, { ...query, ...range });
  return {
    ...range,
    source,
    points: points.map((p) => toPoint(p, p.group === null ? null : query.groupBy === "bu" ? buLabel(p.group) : p.group)),
  };
}
