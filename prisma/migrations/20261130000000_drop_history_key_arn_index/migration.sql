-- Every reader of storage_resource_version.key_arn asks for current versions (key detail, key
-- stats, findings, Bucket Key savings), which the partial index
-- storage_resource_version_current_key_arn_idx serves. The full (key_arn, valid_to) index over all
-- history was never read, and it was one of the six index inserts every new resource version pays:
-- ~13% of the COPY time of a first snapshot (bench/store.ts, BENCHMARKS.md "Store throughput").
DROP INDEX IF EXISTS "storage_resource_version_key_arn_valid_to_idx";
