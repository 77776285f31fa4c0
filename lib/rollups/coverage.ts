import type { Db } from "@/lib/db/client";
import { type Day } from "@/lib/domain/days";

// Coverage counts per group over time, from resource versions, without visiting every
// (resource, day) pair: each version adds its counts on the day it starts and removes them on
// the day it ends; a running sum per group gives the counts from each change to the next.
// Those runs are stored as intervals at full grain (coverage_interval) and expanded to days for
// the per-business-unit table the unfiltered charts read (coverage_bu_daily).

const COUNTS = ["res", "cmk", "sized", "bytes", "cmk_bytes", "nc1", "nc2", "nc3", "nc4", "nc5"] as const;

/** Runs of constant counts per group over [$1, $2]: (group..., day, next_day, counts...). */
function countRuns(groupColumns: readonly string[]): string {
  const groups = groupColumns.join(", ");
  const negated = COUNTS.map((c) => `-${c}`).join(", ");
  return `
WITH v AS (
  SELECT greatest(valid_from, $1::date) AS s, least(valid_to, $2::date + 1) AS e, ${groups},
    1 AS res,
    (encryption_class = 'CUSTOMER_KMS')::int AS cmk,
    (size_bytes IS NOT NULL)::int AS sized,
    coalesce(size_bytes, 0) AS bytes,
    CASE WHEN encryption_class = 'CUSTOMER_KMS' THEN coalesce(size_bytes, 0) ELSE 0 END AS cmk_bytes,
    coalesce((non_compliant_reason = 'UNENCRYPTED')::int, 0) AS nc1,
    coalesce((non_compliant_reason = 'SSE_S3')::int, 0) AS nc2,
    coalesce((non_compliant_reason = 'AWS_MANAGED_KEY')::int, 0) AS nc3,
    coalesce((non_compliant_reason = 'KEY_UNUSABLE')::int, 0) AS nc4,
    coalesce((non_compliant_reason = 'UNKNOWN_KEY')::int, 0) AS nc5
  FROM storage_resource_version
  WHERE valid_from <= $2::date AND valid_to > $1::date
), events AS (
  SELECT s AS day, ${groups}, ${COUNTS.join(", ")} FROM v
  UNION ALL
  SELECT e, ${groups}, ${negated} FROM v WHERE e <= $2::date
), per_day AS (
  SELECT day, ${groups}, ${COUNTS.map((c) => `sum(${c}) AS ${c}`).join(", ")}
  FROM events GROUP BY day, ${groups}
), runs AS (
  SELECT day, lead(day, 1, $2::date + 1) OVER w AS next_day, ${groups},
    ${COUNTS.map((c) => `sum(${c}) OVER w AS ${c}`).join(", ")}
  FROM per_day
  WINDOW w AS (PARTITION BY ${groups} ORDER BY day)
)`;
}

const FULL_GRAIN = ["account_id", "region", "service", "business_unit", "environment", "classification"] as const;
const COUNT_COLUMNS = "resources, cmk_resources, sized_resources, total_bytes, cmk_bytes, nc_unencrypted, nc_sse_s3, nc_aws_managed_key, nc_key_unusable, nc_unknown_key";

const INSERT_INTERVALS = `${countRuns(FULL_GRAIN)}
INSERT INTO coverage_interval (${FULL_GRAIN.join(", ")}, valid_from, valid_to, ${COUNT_COLUMNS})
SELECT ${FULL_GRAIN.join(", ")}, day, next_day, ${COUNTS.join(", ")} FROM runs WHERE res > 0`;

const INSERT_BU_DAILY = `${countRuns(["business_unit"])}
INSERT INTO coverage_bu_daily (day, business_unit, ${COUNT_COLUMNS})
SELECT d::date, business_unit, ${COUNTS.join(", ")}
FROM runs CROSS JOIN LATERAL generate_series(day, next_day - 1, interval '1 day') AS d
WHERE res > 0`;

/** Rebuilds the coverage rollups for the days [fromDay, toDay] in one transaction. */
export async function recomputeCoverage(db: Db, fromDay: Day, toDay: Day): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // Intervals reaching across the range keep their parts before and after it; the part
      // inside is recomputed.
      await tx.$executeRawUnsafe(
        `INSERT INTO coverage_interval (${FULL_GRAIN.join(", ")}, valid_from, valid_to, ${COUNT_COLUMNS})
         SELECT ${FULL_GRAIN.join(", ")}, $1::date + 1, valid_to, ${COUNT_COLUMNS}
         FROM coverage_interval WHERE valid_from <= $1::date AND valid_to > $1::date + 1`,
        toDay,
      );
      await tx.$executeRawUnsafe(`DELETE FROM coverage_interval WHERE valid_from BETWEEN $1::date AND $2::date`, fromDay, toDay);
      await tx.$executeRawUnsafe(`UPDATE coverage_interval SET valid_to = $1::date WHERE valid_from < $1::date AND valid_to > $1::date`, fromDay);
      await tx.$executeRawUnsafe(INSERT_INTERVALS, fromDay, toDay);
      await tx.$executeRawUnsafe(`DELETE FROM coverage_bu_daily WHERE day BETWEEN $1::date AND $2::date`, fromDay, toDay);
      await tx.$executeRawUnsafe(INSERT_BU_DAILY, fromDay, toDay);
    },
    { timeout: 1_800_000, maxWait: 60_000 },
  );
}
