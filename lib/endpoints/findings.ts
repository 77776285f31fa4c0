// GET /api/findings: current key findings with their key, filterable and paged, each with its
// evidence in plain language and the fix (the query is lib/queries/kpi/findings.ts: the rollups
// and the weekly digest read it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams, pageParams, sortParam } from "@/lib/api/params";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";
import { FINDING_SORTS, listFindings } from "@/lib/queries/kpi/findings";

const codes = Object.keys(FINDING_SEVERITY) as [string, ...string[]];
export const severities = ["critical", "high", "medium", "low"] as const;

/** The filters of the findings list, shared with its summary (GET /api/findings/summary). */
export const findingFilterParams = {
  code: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(codes, { error: `must be among ${codes.join(", ")}` }))).optional(),
  severity: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(severities, { error: `must be among ${severities.join(", ")}` }))).optional(),
  bu: dimensionParams.bu,
  account: dimensionParams.account,
  region: dimensionParams.region,
  env: dimensionParams.env,
};

export const findingsEndpoint = defineEndpoint({
  route: "GET /api/findings",
  access: "read",
  params: z.strictObject({
    ...findingFilterParams,
    search: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    sort: sortParam(FINDING_SORTS, "severity"),
    ...pageParams,
  }),
  query: listFindings,
});
