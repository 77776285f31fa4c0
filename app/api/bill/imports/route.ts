import { handle, jsonResponse } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { withAccess } from "@/lib/auth/with-access";
import { billImportsQuery, listBillImports } from "@/lib/bill/import/imports-list";
import { importFailed, periodLine } from "@/lib/bill/import/summary";
import { importUpload } from "@/lib/bill/import/upload";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

function get(request: Request): Promise<Response> {
  return handle(async () => listBillImports(db(), parseQuery(request, billImportsQuery)));
}

/** Imports uploaded export files (docs/api.md): 200 with each period's outcome, 422 when a period failed. */
function post(request: Request): Promise<Response> {
  return handle(async () => {
    const principal = currentPrincipal();
    const summary = await importUpload(db(), request, principal.name);
    const periods = summary.periods.map((p) => ({ ...p, summary: periodLine(p) }));
    await audit(db(), principal, "bill.import", { target: summary.source, after: periods.map((p) => ({ period: p.period, status: p.status, importId: p.importId, message: p.message })) });
    if (importFailed(summary)) {
      const failed = periods.find((p) => p.status === "FAILED")!;
      return jsonResponse({ error: { code: "import_failed", message: failed.message }, source: summary.source, periods }, 422);
    }
    return { source: summary.source, periods };
  });
}

export const GET = withAccess("GET /api/bill/imports", get);
export const POST = withAccess("POST /api/bill/imports", post);
