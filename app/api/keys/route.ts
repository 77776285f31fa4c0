import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { GenerationResponseCache } from "@/lib/api/generation-cache";
import { dimensionParams, pageParams, parseQuery, sortParam } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { KEY_SORTS, ROTATION_FILTERS, listKeys } from "@/lib/queries/kpi/keys";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const list = z.string().transform((s) => s.split(",").map((v) => v.trim())).pipe(z.array(z.string().min(1, "must not contain empty values")));
const query = z.strictObject({
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
  sort: sortParam(KEY_SORTS, "alias"),
  ...pageParams,
});

// A page is computed once per data generation and query (the keys and team pages ask the same).
const cache = new GenerationResponseCache(listKeys);

function get(request: Request): Promise<Response> {
  return handle(() => cache.response(db(), scopedFilters(parseQuery(request, query))));
}

export const GET = withAccess("GET /api/keys", get);
