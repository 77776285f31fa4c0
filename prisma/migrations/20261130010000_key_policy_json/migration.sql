-- The key policy as json (the document's text, validated) instead of jsonb. Nothing queries inside
-- a policy in SQL: it is read whole, for the key detail page and the policy findings. jsonb
-- converted every ~1 kB console-style policy into its binary form on insert: 12 µs a key, a third
-- of what Postgres spends on a new key version (bench/store.ts, BENCHMARKS.md "Store throughput").
-- json also keeps the statements' fields in the order AWS returned them, as the console shows them.
ALTER TABLE "kms_key_version" ALTER COLUMN "policy" TYPE JSON USING "policy"::json;
