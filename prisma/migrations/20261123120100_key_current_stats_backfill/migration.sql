-- Fills key_current_stats on a database that already holds snapshots, so the key list does not
-- show 0 resources for every key until the next rollup recompute (the query of
-- lib/rollups/key-stats.ts; an upsert, so it is also right where the table was already filled).
INSERT INTO "key_current_stats" ("key_arn", "resources")
SELECT "key_arn", count(*)::int FROM "storage_resource_version"
WHERE "valid_to" = '9999-12-31' AND "key_arn" IS NOT NULL
GROUP BY "key_arn"
ON CONFLICT ("key_arn") DO UPDATE SET "resources" = excluded."resources";
