// GET /api/costs/by-bu: KMS cost per business unit or account, per day or month (DOMAIN.md §6.4),
// each month from its cost source. The query is lib/queries/kpi/cost-by-bu.ts (the overview, the
// chargeback and the showback pack read it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dateRangeParams, dimensionParams } from "@/lib/api/params";
import { COST_GROUPINGS, costByGroup } from "@/lib/queries/kpi/cost-by-bu";
import { latestBuTagKeyChange } from "@/lib/settings/bu-tag-history";

export const costsByBuEndpoint = defineEndpoint({
  route: "GET /api/costs/by-bu",
  access: "read",
  params: z.strictObject({
    groupBy: z.enum(COST_GROUPINGS, { error: `must be one of ${COST_GROUPINGS.join(", ")}` }).default("bu"),
    granularity: z.enum(["day", "month"], { error: "must be day or month" }).default("day"),
    ...dateRangeParams,
    account: dimensionParams.account,
    region: dimensionParams.region,
    bu: dimensionParams.bu,
  }),
  // Cost rows before this day keep the business-unit tag key they were fetched with.
  query: async (db, params) => ({ ...(await costByGroup(db, params)), businessUnitTagKeyChange: await latestBuTagKeyChange(db) }),
});
