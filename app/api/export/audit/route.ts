// The audit log as a CSV download, same filter as GET /api/admin/audit (all pages), streamed:
// Postgres writes the CSV (COPY ... TO STDOUT) and the bytes go straight into the response.
import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { auditCopySql, auditFilterParams } from "@/lib/auth/audit-log";
import { withAccess } from "@/lib/auth/with-access";
import { openCopyConnection } from "@/lib/db/copy";
import { csvFileName } from "@/lib/export/csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function get(request: Request): Promise<Response> {
  return handle(async () => {
    const sql = auditCopySql(parseQuery(request, z.strictObject(auditFilterParams)));
    const conn = await openCopyConnection();
    try {
      const body = await conn.copyOut(sql);
      return new Response(body, {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${csvFileName("audit-log")}"`, "cache-control": "no-store" },
      });
    } finally {
      conn.release();
    }
  });
}

export const GET = withAccess("GET /api/export/audit", get);
