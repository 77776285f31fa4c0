import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { dimensionParams, pageParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { bucketKeySavingsReport } from "@/lib/queries/kpi/bucket-key-savings";

export const dynamic = "force-dynamic";

const query = z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, ...pageParams });

export function GET(request: Request): Promise<Response> {
  return handle(async () => bucketKeySavingsReport(db(), scopedFilters(parseQuery(request, query))));
}
