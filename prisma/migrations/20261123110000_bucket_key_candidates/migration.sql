-- The current S3 buckets encrypted with SSE-KMS and no Bucket Key: the candidates of the Bucket
-- Key savings report (lib/queries/kpi/bucket-key-savings.ts reads them with these conditions as
-- literals, so the planner can match this partial index). Without it the report scanned every
-- version of every resource (1.2 million rows at organization scale) to find ~90,000 buckets.
CREATE INDEX "storage_resource_version_bucket_key_candidates_idx" ON "storage_resource_version"("key_arn")
  WHERE "valid_to" = '9999-12-31' AND "service" = 'S3' AND "sse_algorithm" = 'aws:kms' AND "bucket_key_enabled" = false;
