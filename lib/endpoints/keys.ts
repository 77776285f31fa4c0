// GET /api/keys: the key inventory as of the latest snapshot, filterable, searchable, sortable and
// paged (the query is lib/queries/kpi/keys.ts: the demo and the key cost read it too).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams, pageParams, sortParam } from "@/lib/api/params";
import { KEY_SORTS, ROTATION_FILTERS, listKeys } from "@/lib/queries/kpi/keys";

const list = z.string().transform((s) => s.split(",").map((v) => v.trim())).pipe(z.array(z.string().min(1, "must not contain empty values")));

export const keysEndpoint = defineEndpoint({
  route: "GET /api/keys",
  access: "read",
  params: z.strictObject({
    manager: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(["CUSTOMER", "AWS"], { error: "must be CUSTOMER or AWS" }))).optional(),
    state: list.optional(),
    spec: list.optional(),
    origin: list.optional(),
    rotation: z.enum(ROTATION_FILTERS, { error: `must be one of ${ROTATION_FILTERS.join(", ")}` }).optional(),
    finding: list.optional(),
    bu: dimensionParams.bu,
    env: dimensionParams.env,
    account: dimensionParams.account,
    region: dimensionParams.region,
    search: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    sort: sortParam(KEY_SORTS, "manager"),
    ...pageParams,
  }),
  query: listKeys,
  // A page is computed once per data generation and query: the keys and business unit pages ask the same.
  cache: "generation",
});
