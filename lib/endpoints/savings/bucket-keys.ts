// GET /api/savings/bucket-keys: projected monthly savings of S3 Bucket Keys per SSE-KMS bucket
// (DOMAIN.md §6.5). The query is lib/queries/kpi/bucket-key-savings.ts (the overview's savings
// tile and the showback pack read it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams, pageParams } from "@/lib/api/params";
import { bucketKeySavingsReport } from "@/lib/queries/kpi/bucket-key-savings";

export const bucketKeySavingsEndpoint = defineEndpoint({
  route: "GET /api/savings/bucket-keys",
  access: "read",
  params: z.strictObject({
    bu: dimensionParams.bu,
    account: dimensionParams.account,
    region: dimensionParams.region,
    env: dimensionParams.env,
    service: dimensionParams.service,
    // One bucket's row: where the overview's top-buckets bar leads (issue 19).
    bucket: z.string().trim().min(1, "must not be empty").max(2048, "is longer than an ARN can be").optional(),
    ...pageParams,
  }),
  query: (db, params) => bucketKeySavingsReport(db, params),
});
