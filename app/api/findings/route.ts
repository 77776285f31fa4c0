import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { dimensionParams, pageParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";
import { listFindings } from "@/lib/queries/kpi/findings";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const codes = Object.keys(FINDING_SEVERITY) as [string, ...string[]];
const severities = ["critical", "high", "medium", "low"] as const;
const query = z.strictObject({
  code: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(codes, { error: `must be among ${codes.join(", ")}` }))).optional(),
  severity: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(severities, { error: `must be among ${severities.join(", ")}` }))).optional(),
  bu: dimensionParams.bu,
  account: dimensionParams.account,
  ...pageParams,
});

function get(request: Request): Promise<Response> {
  return handle(async () => listFindings(db(), scopedFilters(parseQuery(request, query))));
}

export const GET = withAccess("GET /api/findings", get);
