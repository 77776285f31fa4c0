-- Each resource version stores the start of its current uninterrupted non-compliant stretch
-- (null when the version is compliant), so the non-compliant resources page reads a column and
-- an index instead of a correlated subquery per matching resource. A stretch survives a change
-- of reason and is broken by a compliant version or by a gap in which the resource did not exist.
-- lib/store/non-compliant-since.ts keeps it up to date with the same query as the backfill below.

-- AddColumn (nullable without default: no table rewrite)
ALTER TABLE "storage_resource_version" ADD COLUMN "non_compliant_since" DATE;

-- Backfill, gaps and islands: a non-compliant version starts a stretch unless the version just
-- before it (same resource) ends the day it begins and is non-compliant too; a version's since is
-- the latest stretch start up to it.
WITH flagged AS (
  SELECT id, resource_arn, valid_from, non_compliant_reason IS NOT NULL AS nc,
    CASE WHEN non_compliant_reason IS NOT NULL
          AND NOT coalesce(lag(valid_to) OVER w = valid_from AND lag(non_compliant_reason) OVER w IS NOT NULL, false)
         THEN valid_from END AS stretch_start
  FROM "storage_resource_version"
  WINDOW w AS (PARTITION BY resource_arn ORDER BY valid_from)
), stretched AS (
  SELECT id, CASE WHEN nc THEN max(stretch_start) OVER (PARTITION BY resource_arn ORDER BY valid_from) END AS since
  FROM flagged
)
UPDATE "storage_resource_version" AS v SET "non_compliant_since" = s.since
FROM stretched AS s WHERE v.id = s.id AND v."non_compliant_since" IS DISTINCT FROM s.since;

-- CreateIndex: partial indexes on the current non-compliant versions (a few hundred thousand
-- of the table's rows at organization scale). They serve the page's default sort (since), the
-- sort by name, and the business-unit filters and the total as index-only scans.
CREATE INDEX "storage_resource_version_nc_current_since_idx" ON "storage_resource_version"("non_compliant_since", "resource_arn")
  WHERE "non_compliant_reason" IS NOT NULL AND "valid_to" = '9999-12-31';
CREATE INDEX "storage_resource_version_nc_current_name_idx" ON "storage_resource_version"("name", "resource_arn")
  WHERE "non_compliant_reason" IS NOT NULL AND "valid_to" = '9999-12-31';
CREATE INDEX "storage_resource_version_nc_current_dims_idx" ON "storage_resource_version"("business_unit", "service", "non_compliant_reason", "valid_from")
  WHERE "non_compliant_reason" IS NOT NULL AND "valid_to" = '9999-12-31';

-- CreateIndex: the current versions' key ARNs, for counting each key's current resources with
-- index-only scans (the keys page's resources column and sort; users per key for Bucket Keys).
CREATE INDEX "storage_resource_version_current_key_arn_idx" ON "storage_resource_version"("key_arn")
  WHERE "valid_to" = '9999-12-31' AND "key_arn" IS NOT NULL;

-- Fresh statistics for the new column and indexes (the planner's choice of them depends on it).
ANALYZE "storage_resource_version";
