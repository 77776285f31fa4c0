-- The key list (lib/queries/kpi/keys.ts) at organization scale: 20,000 CMKs, 1,000,000 resources.
--
-- key_current_stats: per key, the figures of the current snapshot that cost one index probe per
-- key to compute live (resources: ~485,000 index entries to sort 20,000 keys by it). Rebuilt with
-- the other rollups (lib/rollups/key-stats.ts); a key without a row has none.
CREATE TABLE "key_current_stats" (
    "key_arn" TEXT NOT NULL,
    "resources" INTEGER NOT NULL,

    CONSTRAINT "key_current_stats_pkey" PRIMARY KEY ("key_arn")
);

CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_current_stats" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();

-- Every column the list filters, searches or sorts on, for the current versions only: the list
-- reads this index (7 MB) instead of the heap (68 MB, rows made wide by the key policy) and
-- fetches heap rows for the 50 keys of the page only. The query repeats the predicate literally.
CREATE INDEX "kms_key_version_current_list_idx" ON "kms_key_version"("key_arn")
  INCLUDE ("id", "key_id", "key_manager", "key_state", "key_spec", "origin", "account_id", "region",
           "business_unit", "environment", "rotation_enabled", "creation_date", "aliases")
  WHERE "valid_to" = '9999-12-31';
