-- The key list sorts by the modeled monthly cost (key-month + rotation surcharge), which reads
-- key_manager, key_state and rotation_count: rotation_count joins the list index so that sorting
-- 20,000 keys by it still reads the index only, not the heap (see 20261201010000_version_natural_keys).
DROP INDEX "kms_key_version_current_list_idx";

CREATE INDEX "kms_key_version_current_list_idx" ON "kms_key_version"("key_arn")
  INCLUDE ("key_id", "key_manager", "key_state", "key_spec", "origin", "account_id", "region",
           "business_unit", "environment", "rotation_enabled", "rotation_count", "creation_date", "aliases")
  WHERE "valid_to" = '9999-12-31';
