-- The key detail page shows a key's policy document, stored once per distinct document in
-- kms_key_policy: like every table the dashboard reads, a change there moves the data generation
-- (20261123100000_data_generation), so no response cached for an older generation can show it
-- stale. tests/integration/schema-data-change.test.ts lists the tables exempt from this rule.
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kms_key_policy" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
