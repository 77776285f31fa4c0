import pg from "pg";

export interface ExpectedOverview {
  asOf: string;
  coverageByCountPct: number;
  coverageByStoragePct: number;
  unknownSizePct: number;
  nonCompliant: number;
  customerManagedKeys: number;
  awsManagedKeys: number;
  costMonthToDate: number;
  costLastFullMonth: number;
}

/**
 * The home page's figures recomputed in plain SQL, independently of lib/queries, from the
 * database the server under test reads. null when no database URL is given to the test run.
 */
export async function expectedOverview(): Promise<ExpectedOverview | null> {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      WITH latest AS (SELECT max(day) AS day FROM coverage_bu_daily),
           cov AS (
             SELECT sum(resources) AS r, sum(cmk_resources) AS c, sum(sized_resources) AS s,
                    sum(total_bytes) AS tb, sum(cmk_bytes) AS cb,
                    sum(nc_unencrypted + nc_sse_s3 + nc_aws_managed_key + nc_key_unusable + nc_unknown_key) AS nc
             FROM coverage_bu_daily WHERE day = (SELECT day FROM latest)),
           keys AS (
             SELECT count(*) FILTER (WHERE key_manager = 'CUSTOMER') AS cmk,
                    count(*) FILTER (WHERE key_manager = 'AWS') AS aws
             FROM kms_key_version WHERE valid_to = DATE '9999-12-31'),
           cost_latest AS (SELECT max(day) AS day FROM kms_cost_daily)
      SELECT to_char((SELECT max(last_good_day) FROM scope_freshness), 'YYYY-MM-DD') AS as_of,
             round(100.0 * cov.c / cov.r, 1)::float8 AS by_count,
             round(100.0 * cov.cb / cov.tb, 1)::float8 AS by_storage,
             round(100.0 * (cov.r - cov.s) / cov.r, 1)::float8 AS unknown_size,
             cov.nc::int AS nc, keys.cmk::int AS cmk, keys.aws::int AS aws,
             (SELECT coalesce(sum(unblended_cost), 0) FROM kms_cost_daily
               WHERE day >= date_trunc('month', (SELECT day FROM cost_latest))
                 AND day <= (SELECT day FROM cost_latest))::float8 AS mtd,
             (SELECT coalesce(sum(unblended_cost), 0) FROM kms_cost_daily
               WHERE day >= date_trunc('month', (SELECT day FROM cost_latest)) - interval '1 month'
                 AND day < date_trunc('month', (SELECT day FROM cost_latest)))::float8 AS last_month
      FROM cov, keys`);
    const row = rows[0];
    return {
      asOf: row.as_of,
      coverageByCountPct: row.by_count,
      coverageByStoragePct: row.by_storage,
      unknownSizePct: row.unknown_size,
      nonCompliant: row.nc,
      customerManagedKeys: row.cmk,
      awsManagedKeys: row.aws,
      costMonthToDate: row.mtd,
      costLastFullMonth: row.last_month,
    };
  } finally {
    await client.end();
  }
}
