// The overview's KPIs computed straight from the snapshot tables, without rollups: the inventory
// as of each day of the 13-month window (valid_from <= d < valid_to) aggregated per day and per
// BU in one pass (grouping sets), KMS cost per BU and month from kms_cost_daily, and the key and
// cost tiles. This is the comparison figure for the rollup-based /api/overview.
import pg from "pg";

const COVERAGE = `
SELECT d::date AS day, v.business_unit, GROUPING(v.business_unit) AS org,
       count(*) AS resources,
       count(*) FILTER (WHERE v.encryption_class = 'CUSTOMER_KMS') AS cmk_resources,
       count(v.size_bytes) AS sized_resources,
       coalesce(sum(v.size_bytes), 0) AS total_bytes,
       coalesce(sum(v.size_bytes) FILTER (WHERE v.encryption_class = 'CUSTOMER_KMS'), 0) AS cmk_bytes,
       count(*) FILTER (WHERE v.non_compliant_reason = 'UNENCRYPTED') AS nc_unencrypted,
       count(*) FILTER (WHERE v.non_compliant_reason = 'SSE_S3') AS nc_sse_s3,
       count(*) FILTER (WHERE v.non_compliant_reason = 'AWS_MANAGED_KEY') AS nc_aws_managed_key,
       count(*) FILTER (WHERE v.non_compliant_reason = 'KEY_UNUSABLE') AS nc_key_unusable,
       count(*) FILTER (WHERE v.non_compliant_reason = 'UNKNOWN_KEY') AS nc_unknown_key
FROM generate_series($1::date, $2::date, interval '1 day') d
JOIN storage_resource_version v ON v.valid_from <= d::date AND v.valid_to > d::date
GROUP BY GROUPING SETS ((d), (d, v.business_unit))
ORDER BY 1, 3 DESC, 2`;

const COST_MONTHLY = `
SELECT date_trunc('month', day)::date AS month, business_unit, category, sum(unblended_cost) AS cost
FROM kms_cost_daily WHERE day >= date_trunc('month', $1::date) AND day <= $2::date
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

const KEY_TILES = `
SELECT key_manager, key_state, count(*) AS n FROM kms_key_version WHERE valid_to = '9999-12-31' GROUP BY 1, 2`;

const COST_TILES = `
SELECT coalesce(sum(unblended_cost) FILTER (WHERE day >= date_trunc('month', $1::date)), 0) AS mtd,
       coalesce(sum(unblended_cost) FILTER (WHERE day < date_trunc('month', $1::date)), 0) AS last_month
FROM kms_cost_daily WHERE day >= date_trunc('month', $1::date) - interval '1 month' AND day <= $1::date`;

export interface SnapshotKpis {
  coverageRows: number;
  lastDayResources: number;
  costRows: number;
}

/** Runs the four queries concurrently on `pool` (as /api/overview runs its own). */
export async function snapshotKpis(pool: pg.Pool, window: { from: string; to: string; costTo: string }): Promise<SnapshotKpis> {
  const [coverage, cost] = await Promise.all([
    pool.query<{ day: string; org: number; resources: string }>(COVERAGE, [window.from, window.to]),
    pool.query(COST_MONTHLY, [window.from, window.costTo]),
    pool.query(KEY_TILES),
    pool.query(COST_TILES, [window.costTo]),
  ]);
  const orgRows = coverage.rows.filter((r) => Number(r.org) === 1);
  return { coverageRows: coverage.rows.length, lastDayResources: Number(orgRows.at(-1)?.resources ?? 0), costRows: cost.rowCount ?? 0 };
}
