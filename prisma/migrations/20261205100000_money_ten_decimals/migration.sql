-- Cost Explorer amounts have up to 10 decimals (0.0000003333 for a few requests); DECIMAL(18,8)
-- rounded them on insert. Widened to 10 decimals, 10 integer digits kept: existing values are
-- unchanged (they gain two trailing zeros).
ALTER TABLE "kms_cost_daily" ALTER COLUMN "unblended_cost" SET DATA TYPE DECIMAL(20,10);
ALTER TABLE "key_request_daily" ALTER COLUMN "cost" SET DATA TYPE DECIMAL(20,10);
ALTER TABLE "cost_bu_monthly" ALTER COLUMN "cost" SET DATA TYPE DECIMAL(20,10);
