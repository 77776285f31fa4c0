import { handle, jsonResponse } from "@/lib/api/errors";
import { serve } from "@/lib/api/serve";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { withAccess } from "@/lib/auth/with-access";
import { importFailed, periodLine } from "@/lib/bill/import/summary";
import { importUpload } from "@/lib/bill/import/upload";
import { db } from "@/lib/db/client";
import { getBillImportsEndpoint } from "@/lib/endpoints/bill/imports";

export const dynamic = "force-dynamic";

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

export const GET = serve(getBillImportsEndpoint);
export const POST = withAccess("POST /api/bill/imports", post);
