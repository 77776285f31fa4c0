-- A transaction may defer its data generation (lib/db/generation.ts, deferDataGeneration): the
-- settings recompute rewrites the whole history in one transaction that readers do not see until
-- it commits, so the responses cached for the current generation stay right until then. Drawing
-- (and taking the shared lock) on every statement made the generation move and read "in flight"
-- for the minutes the recompute ran, so every overview request recomputed the previous figures
-- from scratch while competing with the recompute. A deferring transaction sets
-- kms_finops.defer_data_generation locally and draws once, right before it commits.
CREATE OR REPLACE FUNCTION "note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kms_finops.defer_data_generation', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(72707369, 1);
  PERFORM nextval('data_generation_seq');
  RETURN NULL;
END
$$;
