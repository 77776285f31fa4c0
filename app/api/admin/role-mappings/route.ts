import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { authConfig } from "@/lib/auth/config";
import { effectiveMappings } from "@/lib/auth/role-mappings";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** The effective group → role table: AUTH_ROLE_MAP entries and the admins' rows on top. */
function get(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return { items: await effectiveMappings(db(), authConfig().AUTH_ROLE_MAP) };
  });
}

export const GET = withAccess("GET /api/admin/role-mappings", get);
