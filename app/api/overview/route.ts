import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { GenerationCache } from "@/lib/api/generation-cache";
import { parseQuery } from "@/lib/api/params";
import { scopedFilters, scopeKey } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { overview } from "@/lib/queries/kpi/overview";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

// The overview changes only when data or settings change: computed once per data generation,
// and per business-unit scope (a viewer never gets another scope's overview).
const caches = new Map<string, GenerationCache>();
const cacheOf = (key: string, bu: string[] | undefined) => caches.get(key) ?? caches.set(key, new GenerationCache((client) => overview(client, bu))).get(key)!;

function get(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return cacheOf(scopeKey(), scopedFilters({}).bu).response(db());
  });
}

export const GET = withAccess("GET /api/overview", get);
