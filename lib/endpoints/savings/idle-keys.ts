// GET /api/savings/idle-keys: UNUSED and DISABLED_BILLED keys and what removing them saves a month
// (DOMAIN.md §6.6). The query is lib/queries/kpi/idle-key-savings.ts (the overview's savings tile
// and the showback pack read it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams, pageParams } from "@/lib/api/params";
import { idleKeySavingsReport } from "@/lib/queries/kpi/idle-key-savings";

export const idleKeySavingsEndpoint = defineEndpoint({
  route: "GET /api/savings/idle-keys",
  access: "read",
  params: z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, region: dimensionParams.region, env: dimensionParams.env, ...pageParams }),
  query: (db, params) => idleKeySavingsReport(db, params),
});
