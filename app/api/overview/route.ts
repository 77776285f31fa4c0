import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { GenerationCache } from "@/lib/api/generation-cache";
import { parseQuery } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { overview } from "@/lib/queries/kpi/overview";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

// The overview changes only when data or settings change: computed once per data generation.
const cache = new GenerationCache(overview);

function get(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return cache.response(db());
  });
}

export const GET = withAccess("GET /api/overview", get);
