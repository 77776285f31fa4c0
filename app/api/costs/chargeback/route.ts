import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { chargeback } from "@/lib/queries/kpi/chargeback";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  ...dateRangeParams,
  account: dimensionParams.account,
  reallocate: z.enum(["none", "proportional"], { error: "must be none or proportional" }).default("none"),
});

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { reallocate, ...q } = parseQuery(request, query);
    checkRange(q);
    return chargeback(db(), { ...q, method: reallocate, scope: currentPrincipal().businessUnits ?? undefined });
  });
}
