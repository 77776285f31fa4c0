// GET /api/mttp: mean time to provision (DOMAIN.md §6.7) for the CMKs created in a period (the
// query is lib/queries/kpi/mttp.ts: the overview's tile reads it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dateRangeParams, dimensionParams } from "@/lib/api/params";
import { mttpReport } from "@/lib/queries/kpi/mttp";

export const mttpEndpoint = defineEndpoint({
  route: "GET /api/mttp",
  access: "read",
  /** from/to bound the keys' creation day. */
  params: z.strictObject({ ...dateRangeParams, bu: dimensionParams.bu }),
  query: mttpReport,
});
