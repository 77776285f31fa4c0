// GET /api/admin/audit: the audit log newest first, keyset-paged (pass nextCursor back as
// cursor). The same filter as the CSV download (GET /api/export/audit), lib/auth/audit-log.ts.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { auditPage, auditPageParams } from "@/lib/auth/audit-log";

export const auditEndpoint = defineEndpoint({
  route: "GET /api/admin/audit",
  access: "admin",
  params: z.strictObject(auditPageParams),
  query: (db, { limit, ...filter }) => auditPage(db, filter, limit),
});
