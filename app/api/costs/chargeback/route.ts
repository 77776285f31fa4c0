import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dimensionParams, parseQuery } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { chargebackPeriod, wholeMonths } from "@/lib/export/chargeback-params";
import { chargeback } from "@/lib/queries/kpi/chargeback";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  // A month or a day, as in the export: the months touching the range are whole either way.
  from: chargebackPeriod.optional(),
  to: chargebackPeriod.optional(),
  account: dimensionParams.account,
  region: dimensionParams.region,
  bu: dimensionParams.bu,
  // The same name and values as GET /api/export/chargeback.
  allocation: z.enum(["direct", "proportional"], { error: "must be direct or proportional" }).default("direct"),
});

function get(request: Request): Promise<Response> {
  return handle(async () => {
    const { allocation, from, to, ...q } = parseQuery(request, query);
    const months = wholeMonths(from, to);
    checkRange(months);
    return chargeback(db(), { ...q, ...months, method: allocation, scope: currentPrincipal().businessUnits ?? undefined });
  });
}

export const GET = withAccess("GET /api/costs/chargeback", get);
