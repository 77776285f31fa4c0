-- Version tables are keyed by (entity ARN, valid_from), which was already unique, instead of a
-- surrogate id nothing outside the store used: a first snapshot of an account-region writes
-- 60,000 versions, and the id cost each one a sequence value and an entry in one more index
-- (~13 % of the resource COPY, bench/store.ts, BENCHMARKS.md "Store throughput"), plus 8 bytes
-- of heap and an index on every version of the history. The unique index becomes the primary key
-- as it is (no rebuild).

-- kms_key_version. Dropping id drops the key list index (it includes id); recreated without it.
ALTER TABLE "kms_key_version" DROP CONSTRAINT "kms_key_version_pkey";
ALTER TABLE "kms_key_version" DROP COLUMN "id";
ALTER TABLE "kms_key_version" ADD CONSTRAINT "kms_key_version_pkey" PRIMARY KEY USING INDEX "kms_key_version_key_arn_valid_from_key";

-- The key list's index (see 20261123120000_key_list): every column the list filters, searches or
-- sorts on, for the current versions only; the page joins back by key_arn.
CREATE INDEX "kms_key_version_current_list_idx" ON "kms_key_version"("key_arn")
  INCLUDE ("key_id", "key_manager", "key_state", "key_spec", "origin", "account_id", "region",
           "business_unit", "environment", "rotation_enabled", "creation_date", "aliases")
  WHERE "valid_to" = '9999-12-31';

-- storage_resource_version
ALTER TABLE "storage_resource_version" DROP CONSTRAINT "storage_resource_version_pkey";
ALTER TABLE "storage_resource_version" DROP COLUMN "id";
ALTER TABLE "storage_resource_version" ADD CONSTRAINT "storage_resource_version_pkey" PRIMARY KEY USING INDEX "storage_resource_version_resource_arn_valid_from_key";
