// GET /api/resources: every in-scope resource as of one day, compliant or not, filterable by
// encryption class and compliance (lib/queries/kpi/in-scope-resources.ts). The coverage tiles link
// here: "not on a CMK" is every class but CUSTOMER_KMS, which is more than the non-compliant list.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { day, dimensionParams, pageParams, sortParam } from "@/lib/api/params";
import type { EncryptionClass } from "@/lib/domain/records";
import { COMPLIANCE, IN_SCOPE_SORTS, inScopeResources } from "@/lib/queries/kpi/in-scope-resources";

const CLASSES = ["NONE", "SSE_S3", "AWS_MANAGED_KMS", "CUSTOMER_KMS", "UNKNOWN"] as const satisfies readonly EncryptionClass[];

export const resourcesEndpoint = defineEndpoint({
  route: "GET /api/resources",
  access: "read",
  params: z.strictObject({
    day: day.optional(),
    ...dimensionParams,
    encryption: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(CLASSES, { error: `must be among ${CLASSES.join(", ")}` }))).optional(),
    compliance: z.enum(COMPLIANCE, { error: `must be one of ${COMPLIANCE.join(", ")}` }).optional(),
    search: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    sort: sortParam(IN_SCOPE_SORTS, "name"),
    ...pageParams,
  }),
  query: (db, { day: asOf, encryption, compliance, search, sort, page, pageSize, ...filters }) =>
    inScopeResources(db, { day: asOf, filters, encryption, compliance, search, sort, page, pageSize }),
  // Computed once per data generation and query, as the non-compliant list is.
  cache: "generation",
});
