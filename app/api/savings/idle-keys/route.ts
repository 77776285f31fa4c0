import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { dimensionParams, pageParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { idleKeySavingsReport } from "@/lib/queries/kpi/idle-key-savings";

export const dynamic = "force-dynamic";

const query = z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, ...pageParams });

export function GET(request: Request): Promise<Response> {
  return handle(async () => idleKeySavingsReport(db(), scopedFilters(parseQuery(request, query))));
}
