import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { dataFreshness } from "@/lib/queries/kpi/freshness";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

function get(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return dataFreshness(db());
  });
}

export const GET = withAccess("GET /api/freshness", get);
