import type { Db } from "@/lib/db/client";
import type { Day } from "@/lib/store/types";

// Daily coverage counts from resource versions without visiting every (resource, day) pair:
// each version adds its counts on the day it starts and removes them on the day it ends; a
// running sum per dimension group gives each day's totals, carried forward over days without
// change. Work grows with versions and with (days × groups), not with resources × days.

const COVERAGE_DAILY = `
WITH v AS (
  SELECT greatest(valid_from, $1::date) AS s, least(valid_to, $2::date + 1) AS e,
    account_id, region, service, business_unit, environment, classification,
    (encryption_class = 'CUSTOMER_KMS')::int AS cmk,
    (size_bytes IS NOT NULL)::int AS sized,
    coalesce(size_bytes, 0) AS bytes,
    CASE WHEN encryption_class = 'CUSTOMER_KMS' THEN coalesce(size_bytes, 0) ELSE 0 END AS cmk_bytes,
    (non_compliant_reason = 'UNENCRYPTED')::int AS nc1, (non_compliant_reason = 'SSE_S3')::int AS nc2,
    (non_compliant_reason = 'AWS_MANAGED_KEY')::int AS nc3, (non_compliant_reason = 'KEY_UNUSABLE')::int AS nc4,
    (non_compliant_reason = 'UNKNOWN_KEY')::int AS nc5
  FROM storage_resource_version
  WHERE valid_from <= $2::date AND valid_to > $1::date
), events AS (
  SELECT s AS day, account_id, region, service, business_unit, environment, classification,
    1 AS res, cmk, sized, bytes, cmk_bytes, coalesce(nc1, 0) AS nc1, coalesce(nc2, 0) AS nc2, coalesce(nc3, 0) AS nc3, coalesce(nc4, 0) AS nc4, coalesce(nc5, 0) AS nc5
  FROM v
  UNION ALL
  SELECT e, account_id, region, service, business_unit, environment, classification,
    -1, -cmk, -sized, -bytes, -cmk_bytes, -coalesce(nc1, 0), -coalesce(nc2, 0), -coalesce(nc3, 0), -coalesce(nc4, 0), -coalesce(nc5, 0)
  FROM v WHERE e <= $2::date
), per_day AS (
  SELECT day, account_id, region, service, business_unit, environment, classification,
    sum(res) AS res, sum(cmk) AS cmk, sum(sized) AS sized, sum(bytes) AS bytes, sum(cmk_bytes) AS cmk_bytes,
    sum(nc1) AS nc1, sum(nc2) AS nc2, sum(nc3) AS nc3, sum(nc4) AS nc4, sum(nc5) AS nc5
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7
), running AS (
  SELECT day, lead(day, 1, $2::date + 1) OVER w AS next_day,
    account_id, region, service, business_unit, environment, classification,
    sum(res) OVER w AS res, sum(cmk) OVER w AS cmk, sum(sized) OVER w AS sized, sum(bytes) OVER w AS bytes,
    sum(cmk_bytes) OVER w AS cmk_bytes, sum(nc1) OVER w AS nc1, sum(nc2) OVER w AS nc2, sum(nc3) OVER w AS nc3,
    sum(nc4) OVER w AS nc4, sum(nc5) OVER w AS nc5
  FROM per_day
  WINDOW w AS (PARTITION BY account_id, region, service, business_unit, environment, classification ORDER BY day)
)
INSERT INTO coverage_daily (day, account_id, region, service, business_unit, environment, classification,
  resources, cmk_resources, sized_resources, total_bytes, cmk_bytes,
  nc_unencrypted, nc_sse_s3, nc_aws_managed_key, nc_key_unusable, nc_unknown_key)
SELECT d::date, account_id, region, service, business_unit, environment, classification,
  res, cmk, sized, bytes, cmk_bytes, nc1, nc2, nc3, nc4, nc5
FROM running CROSS JOIN LATERAL generate_series(day, next_day - 1, interval '1 day') AS d
WHERE res > 0`;

const COVERAGE_BU_DAILY = `
INSERT INTO coverage_bu_daily (day, business_unit, resources, cmk_resources, sized_resources, total_bytes, cmk_bytes,
  nc_unencrypted, nc_sse_s3, nc_aws_managed_key, nc_key_unusable, nc_unknown_key)
SELECT day, business_unit, sum(resources), sum(cmk_resources), sum(sized_resources), sum(total_bytes), sum(cmk_bytes),
  sum(nc_unencrypted), sum(nc_sse_s3), sum(nc_aws_managed_key), sum(nc_key_unusable), sum(nc_unknown_key)
FROM coverage_daily WHERE day BETWEEN $1::date AND $2::date
GROUP BY day, business_unit`;

/** Rebuilds the coverage rollups for the days [fromDay, toDay] in one transaction. */
export async function recomputeCoverage(db: Db, fromDay: Day, toDay: Day): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM coverage_daily WHERE day BETWEEN $1::date AND $2::date`, fromDay, toDay);
      await tx.$executeRawUnsafe(`DELETE FROM coverage_bu_daily WHERE day BETWEEN $1::date AND $2::date`, fromDay, toDay);
      await tx.$executeRawUnsafe(COVERAGE_DAILY, fromDay, toDay);
      await tx.$executeRawUnsafe(COVERAGE_BU_DAILY, fromDay, toDay);
    },
    { timeout: 1_800_000, maxWait: 60_000 },
  );
}
