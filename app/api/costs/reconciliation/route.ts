import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dimensionParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";
import { chargebackPeriod, wholeMonths } from "@/lib/export/chargeback-params";
import { costReconciliation } from "@/lib/queries/kpi/cost-reconciliation";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  // Whole months, as the chargeback: a month (2026-03) or a day standing for its month.
  from: chargebackPeriod.optional(),
  to: chargebackPeriod.optional(),
  bu: dimensionParams.bu,
});

function get(request: Request): Promise<Response> {
  return handle(async () => {
    const { from, to, bu } = parseQuery(request, query);
    const months = wholeMonths(from, to);
    checkRange(months);
    return costReconciliation(db(), scopedFilters({ ...months, bu }));
  });
}

export const GET = withAccess("GET /api/costs/reconciliation", get);
