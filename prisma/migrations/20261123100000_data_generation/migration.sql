-- Data generation: a counter that moves whenever anything the dashboard reads changes, so derived
-- responses (the overview) can be cached until the data under them changes (lib/db/generation.ts).
--
-- Every data-modifying statement on these tables takes a shared transaction-level advisory lock
-- (72707369, 1) and then draws the next value of data_generation_seq. A reader reads the sequence
-- first and then tries that lock exclusively: when the try succeeds, every transaction that drew a
-- value up to what it read has ended, so a response computed afterwards includes all of them, and
-- any later change draws a larger value. Shared locks do not conflict with each other: parallel
-- ingestion transactions are not serialized by this.
CREATE SEQUENCE "data_generation_seq";

CREATE FUNCTION "note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(72707369, 1);
  PERFORM nextval('data_generation_seq');
  RETURN NULL;
END
$$;

CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "account" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kms_key_version" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kms_key_usage" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "storage_resource_version" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kms_cost_daily" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_request_daily" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scope_freshness" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "data_source_status" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy_setting" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "coverage_interval" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "coverage_bu_daily" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cost_bu_monthly" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_finding" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_provisioning" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
