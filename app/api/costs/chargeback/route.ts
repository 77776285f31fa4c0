import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { chargeback } from "@/lib/queries/kpi/chargeback";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  ...dateRangeParams,
  account: dimensionParams.account,
  region: dimensionParams.region,
  bu: dimensionParams.bu,
  // The same name and values as GET /api/export/chargeback.
  allocation: z.enum(["direct", "proportional"], { error: "must be direct or proportional" }).default("direct"),
});

function get(request: Request): Promise<Response> {
  return handle(async () => {
    const { allocation, ...q } = parseQuery(request, query);
    checkRange(q);
    return chargeback(db(), { ...q, method: allocation, scope: currentPrincipal().businessUnits ?? undefined });
  });
}

export const GET = withAccess("GET /api/costs/chargeback", get);
