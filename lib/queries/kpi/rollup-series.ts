// Daily coverage and non-compliance counts from the rollups, optionally split by one dimension.
// Reads coverage_bu_daily (small) when the cut is by business unit only or none, and
// coverage_daily (full grain) otherwise: both hold the same counts (lib/rollups/coverage.ts).
import type { DimensionFilters } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { NON_COMPLIANT_REASONS, type NonCompliantReason } from "@/lib/kpi/compliance";
import type { Day } from "@/lib/store/types";
import { DIMENSION_COLUMNS, SqlParams, dayOf, dimensionConditions, whereClause } from "./sql";

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

export function rollupTableFor(query: Pick<RollupQuery, "filters" | "groupBy">): "coverage_bu_daily" | "coverage_daily" {
  const buOnly = Object.entries(query.filters).every(([name, values]) => name === "bu" || !values?.length);
  return buOnly && (query.groupBy === undefined || query.groupBy === "bu") ? "coverage_bu_daily" : "coverage_daily";
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

export async function rollupSeries(db: Db, query: RollupQuery): Promise<RollupPoint[]> {
  const table = rollupTableFor(query);
  const params = new SqlParams();
  const conditions = [`day BETWEEN ${params.add(query.from)}::date AND ${params.add(query.to)}::date`, ...dimensionConditions(query.filters, params)];
  const group = query.groupBy ? `${DIMENSION_COLUMNS[query.groupBy]}${query.groupBy === "service" ? "::text" : ""}` : "NULL::text";
  const ncSums = NON_COMPLIANT_REASONS.map((r) => `sum(${NC_COLUMNS[r]})::int AS ${NC_COLUMNS[r]}`).join(", ");
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT day, ${group} AS grp, sum(resources)::int AS resources, sum(cmk_resources)::int AS cmk_resources,
       sum(sized_resources)::int AS sized_resources, sum(total_bytes)::text AS total_bytes, sum(cmk_bytes)::text AS cmk_bytes, ${ncSums}
     FROM ${table} ${whereClause(conditions)}
     GROUP BY day, grp ORDER BY day, grp`,
    ...params.values,
  );
  return rows.map((row) => ({
    day: dayOf(row.day),
    group: query.groupBy ? (row.grp ?? "") : null,
    resources: row.resources,
    cmkResources: row.cmk_resources,
    sizedResources: row.sized_resources,
    totalBytes: BigInt(row.total_bytes),
    cmkBytes: BigInt(row.cmk_bytes),
    nonCompliantByReason: Object.fromEntries(NON_COMPLIANT_REASONS.map((r) => [r, Number(row[NC_COLUMNS[r]])])) as Record<NonCompliantReason, number>,
  }));
}
