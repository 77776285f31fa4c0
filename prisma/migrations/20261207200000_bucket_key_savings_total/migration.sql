-- The Bucket Key savings totals per business unit, account and basis, written with
-- bucket_key_savings by the rollup step: the overview's tile summed ~90,000 stored rows on every
-- first request after a data change (~25 ms of its ~200 ms at 1,000,000 resources, BENCHMARKS.md);
-- the totals of any business-unit or account filter are now a sum of a few hundred rows.
CREATE TABLE "bucket_key_savings_total" (
    "business_unit" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "buckets" INTEGER NOT NULL,
    "monthly_savings" DECIMAL(30,10),

    CONSTRAINT "bucket_key_savings_total_pkey" PRIMARY KEY ("business_unit","account_id","basis")
);

CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bucket_key_savings_total" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();

-- An upgraded database: the totals of the savings already stored.
INSERT INTO "bucket_key_savings_total" ("business_unit", "account_id", "basis", "buckets", "monthly_savings")
SELECT "business_unit", "account_id", "basis", count(*)::int, sum("monthly_savings")
FROM "bucket_key_savings" GROUP BY 1, 2, 3;
