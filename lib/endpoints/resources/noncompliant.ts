// GET /api/resources/noncompliant: the non-compliant resources of one day (DOMAIN.md §6.2), who,
// why and since when, filterable and paged (the query is lib/queries/kpi/noncompliant-resources.ts:
// the weekly digest reads it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { day, dimensionParams, pageParams, sortParam } from "@/lib/api/params";
import { NON_COMPLIANT_REASONS, type NonCompliantReason } from "@/lib/kpi/compliance";
import { NONCOMPLIANT_SORTS, nonCompliantResources } from "@/lib/queries/kpi/noncompliant-resources";

const reasons = NON_COMPLIANT_REASONS as [NonCompliantReason, ...NonCompliantReason[]];

export const noncompliantResourcesEndpoint = defineEndpoint({
  route: "GET /api/resources/noncompliant",
  access: "read",
  params: z.strictObject({
    day: day.optional(),
    ...dimensionParams,
    reason: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(reasons, { error: `must be among ${reasons.join(", ")}` }))).optional(),
    search: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    sort: sortParam(NONCOMPLIANT_SORTS, "since"),
    ...pageParams,
  }),
  query: (db, { day: asOf, reason, search, sort, page, pageSize, ...filters }) => nonCompliantResources(db, { day: asOf, filters, reason, search, sort, page, pageSize }),
  // A page is computed once per data generation and query: the resources and business unit pages ask the same.
  cache: "generation",
});
