-- The full-grain coverage rollup becomes validity intervals (see schema.prisma CoverageInterval):
-- one row per group and day grew with groups × days. Its data is derived, so it is rebuilt by
-- the next rollup recompute rather than converted.

-- DropTable
DROP TABLE "coverage_daily";

-- CreateTable
CREATE TABLE "coverage_interval" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "service" "StorageService" NOT NULL,
    "business_unit" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "resources" INTEGER NOT NULL,
    "cmk_resources" INTEGER NOT NULL,
    "sized_resources" INTEGER NOT NULL,
    "total_bytes" BIGINT NOT NULL,
    "cmk_bytes" BIGINT NOT NULL,
    "nc_unencrypted" INTEGER NOT NULL,
    "nc_sse_s3" INTEGER NOT NULL,
    "nc_aws_managed_key" INTEGER NOT NULL,
    "nc_key_unusable" INTEGER NOT NULL,
    "nc_unknown_key" INTEGER NOT NULL,

    CONSTRAINT "coverage_interval_pkey" PRIMARY KEY ("account_id","region","service","business_unit","environment","classification","valid_from")
);

-- CreateIndex
CREATE INDEX "coverage_interval_valid_to_valid_from_idx" ON "coverage_interval"("valid_to", "valid_from");
CREATE INDEX "coverage_interval_business_unit_valid_to_idx" ON "coverage_interval"("business_unit", "valid_to");
