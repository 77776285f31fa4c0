import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/params";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";
import { renderShowbackPack } from "@/lib/reports/showback";
import { monthParam } from "@/lib/reports/showback-data";
import { renderBaseUrl } from "@/lib/reports/render-url";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const query = z.strictObject({ month: monthParam });

/**
 * The showback pack's PDF for a month, rendered in the request (10–16 s measured on the busy 2-core
 * test machine: Chromium starts, prints the print page, stops; one render at a time per server).
 * A job would add a polling UI for no gain: the pack is small and asked for once a month. The chargeback CSV of the month is
 * /api/export/chargeback?from=<month>&to=<month>, linked beside the button.
 */
function get(request: Request): Promise<Response> {
  return handle(async () => {
    const { month } = parseQuery(request, query);
    const pack = await renderShowbackPack(db(), month, renderBaseUrl(new URL(request.url).origin), { csv: false });
    return new Response(new Uint8Array(pack.pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pack.pdfName}"`,
        "cache-control": "no-store",
        "x-render-ms": String(pack.ms),
      },
    });
  });
}

export const GET = withAccess("GET /api/reports/showback", get);
