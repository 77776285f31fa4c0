-- Bucket Key savings per candidate bucket, priced in the rollup step (lib/rollups/bucket-key-savings.ts)
-- instead of on the first request after each ingestion: ~90,000 buckets read and priced in JS took
-- ~1-4 s at 1,000,000 resources (BENCHMARKS.md), which the first viewer of the overview waited for.
CREATE TABLE "bucket_key_savings" (
    "resource_arn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "business_unit" TEXT NOT NULL,
    "key_arn" TEXT,
    "encryption_class" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "monthly_requests" DOUBLE PRECISION,
    "request_source" TEXT,
    "monthly_savings" DECIMAL(30,10),

    CONSTRAINT "bucket_key_savings_pkey" PRIMARY KEY ("resource_arn")
);

CREATE INDEX "bucket_key_savings_position_idx" ON "bucket_key_savings"("position");
CREATE INDEX "bucket_key_savings_business_unit_position_idx" ON "bucket_key_savings"("business_unit", "position");
CREATE INDEX "bucket_key_savings_account_id_position_idx" ON "bucket_key_savings"("account_id", "position");

CREATE TABLE "bucket_key_savings_basis" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "reduction" DOUBLE PRECISION NOT NULL,
    "per_key_request_data" JSON NOT NULL,

    CONSTRAINT "bucket_key_savings_basis_pkey" PRIMARY KEY ("id")
);

CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bucket_key_savings" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bucket_key_savings_basis" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();

-- A database that already holds an inventory gets its savings priced by the worker (a starting
-- worker queues a recompute request no job serves, lib/settings/recompute-status.ts), as after a
-- settings save: until then the savings read as not computed yet.
INSERT INTO "settings_recompute" ("id", "state", "requested_version", "pending", "requested_at")
SELECT 1, 'QUEUED', 1, ARRAY['savings'], now() WHERE EXISTS (SELECT 1 FROM "storage_resource_version")
ON CONFLICT ("id") DO UPDATE SET "state" = 'QUEUED', "requested_version" = "settings_recompute"."requested_version" + 1,
  "pending" = ARRAY(SELECT DISTINCT unnest("settings_recompute"."pending" || EXCLUDED."pending") ORDER BY 1),
  "requested_at" = now(), "started_at" = NULL, "finished_at" = NULL, "error" = NULL;
