-- Initial schema, written by hand to match prisma/schema.prisma
-- (tests/integration/schema-matches.test.ts checks every model round-trips).

-- CreateEnum
CREATE TYPE "KeyManager" AS ENUM ('CUSTOMER', 'AWS');
CREATE TYPE "EncryptionClass" AS ENUM ('NONE', 'SSE_S3', 'AWS_MANAGED_KMS', 'CUSTOMER_KMS', 'UNKNOWN');
CREATE TYPE "StorageService" AS ENUM ('S3', 'EBS', 'RDS', 'AURORA');
CREATE TYPE "NonCompliantReason" AS ENUM ('UNENCRYPTED', 'SSE_S3', 'AWS_MANAGED_KEY', 'KEY_UNUSABLE', 'UNKNOWN_KEY');
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');
CREATE TYPE "RunTrigger" AS ENUM ('SCHEDULE', 'CLI', 'UI', 'DEMO');
CREATE TYPE "CostCategory" AS ENUM ('KEYS', 'REQUESTS', 'OTHER');
CREATE TYPE "KeyUsageStatus" AS ENUM ('USED', 'NEVER_USED', 'UNKNOWN');

-- CreateTable
CREATE TABLE "account" (
    "account_id" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "organizational_unit" TEXT NOT NULL,
    "email" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("account_id")
);

CREATE TABLE "kms_key_version" (
    "id" BIGSERIAL NOT NULL,
    "key_arn" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL DEFAULT '9999-12-31'::date,
    "content_hash" TEXT NOT NULL,
    "key_manager" "KeyManager" NOT NULL,
    "key_state" TEXT NOT NULL,
    "key_spec" TEXT NOT NULL,
    "key_usage" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "multi_region" BOOLEAN NOT NULL,
    "multi_region_role" TEXT,
    "primary_key_arn" TEXT,
    "creation_date" TIMESTAMPTZ(3) NOT NULL,
    "deletion_date" TIMESTAMPTZ(3),
    "pending_window_days" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT[],
    "tags" JSONB NOT NULL DEFAULT '{}',
    "policy" JSONB,
    "policy_error" TEXT,
    "rotation_enabled" BOOLEAN,
    "rotation_period_days" INTEGER,
    "rotation_count" INTEGER,
    "last_rotated_at" TIMESTAMPTZ(3),
    "business_unit" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "kms_key_version_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "kms_key_usage" (
    "key_arn" TEXT NOT NULL,
    "status" "KeyUsageStatus" NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "last_operation" TEXT,
    "tracking_start_date" TIMESTAMPTZ(3),
    "observed_day" DATE NOT NULL,

    CONSTRAINT "kms_key_usage_pkey" PRIMARY KEY ("key_arn")
);

CREATE TABLE "storage_resource_version" (
    "id" BIGSERIAL NOT NULL,
    "resource_arn" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "service" "StorageService" NOT NULL,
    "name" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL DEFAULT '9999-12-31'::date,
    "content_hash" TEXT NOT NULL,
    "size_bytes" BIGINT,
    "encryption_class" "EncryptionClass" NOT NULL,
    "sse_algorithm" TEXT,
    "key_ref" TEXT,
    "key_arn" TEXT,
    "key_state" TEXT,
    "bucket_key_enabled" BOOLEAN,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "business_unit" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',
    "classification" TEXT NOT NULL DEFAULT '',
    "application" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "requires_cmk" BOOLEAN NOT NULL DEFAULT false,
    "non_compliant_reason" "NonCompliantReason",

    CONSTRAINT "storage_resource_version_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "kms_cost_daily" (
    "day" DATE NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "business_unit" TEXT NOT NULL,
    "cost_center" TEXT NOT NULL,
    "usage_type" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "category" "CostCategory" NOT NULL,
    "unblended_cost" DECIMAL(18,8) NOT NULL,
    "usage_quantity" DECIMAL(20,4) NOT NULL,
    "run_id" UUID,

    CONSTRAINT "kms_cost_daily_pkey" PRIMARY KEY ("day","account_id","business_unit","cost_center","usage_type")
);

CREATE TABLE "key_request_daily" (
    "key_arn" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "requests" BIGINT NOT NULL,
    "cost" DECIMAL(18,8) NOT NULL,

    CONSTRAINT "key_request_daily_pkey" PRIMARY KEY ("key_arn","day")
);

CREATE TABLE "ingestion_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "trigger" "RunTrigger" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "snapshot_day" DATE NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "scope" JSONB NOT NULL DEFAULT '{}',
    "units_total" INTEGER NOT NULL DEFAULT 0,
    "kms_requests" INTEGER NOT NULL DEFAULT 0,
    "cost_explorer_requests" INTEGER NOT NULL DEFAULT 0,
    "other_requests" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "ingestion_run_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ingestion_unit" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'inventory',
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "worker_id" TEXT,
    "keys_count" INTEGER NOT NULL DEFAULT 0,
    "resources_count" INTEGER NOT NULL DEFAULT 0,
    "api_requests" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "ingestion_unit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ingestion_warning" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "account_id" VARCHAR(12),
    "region" TEXT,
    "source" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "resource_arn" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingestion_warning_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "scope_freshness" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "last_good_day" DATE NOT NULL,
    "last_run_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scope_freshness_pkey" PRIMARY KEY ("account_id","region","source")
);

CREATE TABLE "data_source_status" (
    "source" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_source_status_pkey" PRIMARY KEY ("source")
);

CREATE TABLE "policy_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_setting_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "coverage_daily" (
    "day" DATE NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "service" "StorageService" NOT NULL,
    "business_unit" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
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

    CONSTRAINT "coverage_daily_pkey" PRIMARY KEY ("day","account_id","region","service","business_unit","environment","classification")
);

CREATE TABLE "coverage_bu_daily" (
    "day" DATE NOT NULL,
    "business_unit" TEXT NOT NULL,
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

    CONSTRAINT "coverage_bu_daily_pkey" PRIMARY KEY ("day","business_unit")
);

CREATE TABLE "cost_bu_monthly" (
    "month" DATE NOT NULL,
    "business_unit" TEXT NOT NULL,
    "category" "CostCategory" NOT NULL,
    "cost" DECIMAL(18,8) NOT NULL,

    CONSTRAINT "cost_bu_monthly_pkey" PRIMARY KEY ("month","business_unit","category")
);

CREATE TABLE "key_finding" (
    "key_arn" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "first_seen" DATE NOT NULL,

    CONSTRAINT "key_finding_pkey" PRIMARY KEY ("key_arn","code")
);

CREATE TABLE "key_provisioning" (
    "key_arn" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "compliant_on" DATE,

    CONSTRAINT "key_provisioning_pkey" PRIMARY KEY ("key_arn")
);

-- CreateIndex
CREATE INDEX "kms_key_version_valid_to_valid_from_idx" ON "kms_key_version"("valid_to", "valid_from");
CREATE INDEX "kms_key_version_account_id_region_valid_to_idx" ON "kms_key_version"("account_id", "region", "valid_to");
CREATE UNIQUE INDEX "kms_key_version_key_arn_valid_from_key" ON "kms_key_version"("key_arn", "valid_from");
CREATE INDEX "storage_resource_version_valid_to_valid_from_idx" ON "storage_resource_version"("valid_to", "valid_from");
CREATE INDEX "storage_resource_version_key_arn_valid_to_idx" ON "storage_resource_version"("key_arn", "valid_to");
CREATE INDEX "storage_resource_version_account_id_region_valid_to_idx" ON "storage_resource_version"("account_id", "region", "valid_to");
CREATE UNIQUE INDEX "storage_resource_version_resource_arn_valid_from_key" ON "storage_resource_version"("resource_arn", "valid_from");
CREATE INDEX "kms_cost_daily_business_unit_day_idx" ON "kms_cost_daily"("business_unit", "day");
CREATE INDEX "key_request_daily_day_idx" ON "key_request_daily"("day");
CREATE INDEX "ingestion_run_requested_at_idx" ON "ingestion_run"("requested_at");
CREATE UNIQUE INDEX "ingestion_unit_run_id_account_id_region_kind_key" ON "ingestion_unit"("run_id", "account_id", "region", "kind");
CREATE INDEX "ingestion_warning_run_id_idx" ON "ingestion_warning"("run_id");
CREATE INDEX "coverage_daily_business_unit_day_idx" ON "coverage_daily"("business_unit", "day");
CREATE INDEX "key_finding_code_idx" ON "key_finding"("code");
CREATE INDEX "key_provisioning_created_at_idx" ON "key_provisioning"("created_at");

-- AddForeignKey
ALTER TABLE "ingestion_unit" ADD CONSTRAINT "ingestion_unit_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingestion_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingestion_warning" ADD CONSTRAINT "ingestion_warning_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingestion_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
