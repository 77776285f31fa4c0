import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { auditPage, auditPageParams } from "@/lib/auth/audit-log";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** The audit log newest first, keyset-paged: pass nextCursor back as cursor for the next page. */
function get(request: Request): Promise<Response> {
  return handle(async () => {
    const { limit, ...filter } = parseQuery(request, z.strictObject(auditPageParams));
    return auditPage(db(), filter, limit);
  });
}

export const GET = withAccess("GET /api/admin/audit", get);
