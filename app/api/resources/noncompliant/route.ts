import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { GenerationResponseCache } from "@/lib/api/generation-cache";
import { day, dimensionParams, pageParams, parseQuery, sortParam } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { NON_COMPLIANT_REASONS } from "@/lib/kpi/compliance";
import { NONCOMPLIANT_SORTS, nonCompliantResources } from "@/lib/queries/kpi/noncompliant-resources";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const reasons = NON_COMPLIANT_REASONS as unknown as [string, ...string[]];
const query = z.strictObject({
  day: day.optional(),
  ...dimensionParams,
  reason: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(reasons, { error: `must be among ${reasons.join(", ")}` })))
    .optional(),
  search: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  sort: sortParam(NONCOMPLIANT_SORTS, "since"),
  ...pageParams,
});

// A page is computed once per data generation and query (the resources and team pages ask the same).
const cache = new GenerationResponseCache((client, { day: asOf, reason, search, sort, page, pageSize, ...filters }: z.infer<typeof query>) =>
  nonCompliantResources(client, {
    day: asOf,
    filters,
    reason: reason as (typeof NON_COMPLIANT_REASONS)[number][] | undefined,
    search,
    sort,
    page,
    pageSize,
  }),
);

function get(request: Request): Promise<Response> {
  return handle(() => cache.response(db(), scopedFilters(parseQuery(request, query))));
}

export const GET = withAccess("GET /api/resources/noncompliant", get);
