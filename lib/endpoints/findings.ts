// GET /api/findings: current key findings with their key, filterable and paged (the query is
// lib/queries/kpi/findings.ts: the rollups and the weekly digest read it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams, pageParams } from "@/lib/api/params";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";
import { listFindings } from "@/lib/queries/kpi/findings";

const codes = Object.keys(FINDING_SEVERITY) as [string, ...string[]];
const severities = ["critical", "high", "medium", "low"] as const;

export const findingsEndpoint = defineEndpoint({
  route: "GET /api/findings",
  access: "read",
  params: z.strictObject({
    code: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(codes, { error: `must be among ${codes.join(", ")}` }))).optional(),
    severity: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(severities, { error: `must be among ${severities.join(", ")}` }))).optional(),
    bu: dimensionParams.bu,
    account: dimensionParams.account,
    ...pageParams,
  }),
  query: listFindings,
});
