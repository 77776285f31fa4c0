import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { dataFreshness } from "@/lib/queries/kpi/freshness";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return dataFreshness(db());
  });
}
