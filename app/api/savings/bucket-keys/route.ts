import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { dimensionParams, pageParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { bucketKeySavingsReport } from "@/lib/queries/kpi/bucket-key-savings";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const query = z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, ...pageParams });

function get(request: Request): Promise<Response> {
  return handle(async () => bucketKeySavingsReport(db(), scopedFilters(parseQuery(request, query))));
}

export const GET = withAccess("GET /api/savings/bucket-keys", get);
