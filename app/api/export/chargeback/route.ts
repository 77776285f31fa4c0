// Chargeback CSV in FOCUS column names, streamed: rows are read in keyset batches and written
// as they come, so a million-row export keeps one batch in memory. The allocation method is
// chosen by ?allocation= and written on every row (x_AllocationMethod).
import { stringify } from "csv-stringify/sync";
import { type NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { CHARGEBACK_COLUMNS, sharesFromTotals, toChargebackRecords, UNTAGGED, type MonthShares } from "@/lib/export/chargeback-rows";
import { chargebackParamsSchema, periodEnd, periodStart } from "@/lib/export/chargeback-params";
import { costDailyBatches, costDayRange, taggedMonthTotals, type ChargebackQuery } from "@/lib/export/chargeback-source";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function badRequest(message: string): Response {
  return Response.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 });
}

export async function GET(request: NextRequest): Promise<Response> {
  const parsed = chargebackParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".");
    return badRequest(issue.code === "unrecognized_keys" ? `Unknown parameter ${name}` : `Parameter ${name} ${issue.message}`);
  }
  const params = parsed.data;
  const client = db();
  const range = await costDayRange(client);
  const fromDay = params.from ? periodStart(params.from) : (range?.from ?? "1970-01-01");
  const toDay = params.to ? periodEnd(params.to) : (range?.to ?? "1970-01-01");
  if (!fromDay) return badRequest(`Parameter from is not a calendar month or day: ${params.from}`);
  if (!toDay) return badRequest(`Parameter to is not a calendar month or day: ${params.to}`);
  if (fromDay > toDay) return badRequest(`Parameter from (${params.from}) is after to (${params.to})`);

  const buFilter = params.bu === undefined ? undefined : params.bu === UNTAGGED ? "" : params.bu;
  const proportional = params.allocation === "proportional";
  const query: ChargebackQuery = {
    fromDay,
    toDay,
    accountId: params.account,
    region: params.region,
    // Reallocation needs the untagged rows whatever BU is asked for: filter the output instead.
    businessUnit: proportional ? undefined : buFilter,
  };
  const shares: MonthShares = proportional ? sharesFromTotals(await taggedMonthTotals(client, query)) : new Map();
  const keep = proportional && params.bu !== undefined ? (bu: string) => bu === params.bu : () => true;

  const batches = costDailyBatches(client, query);
  const encoder = new TextEncoder();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    // pull() runs when the consumer wants more: one batch per pull is the backpressure.
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(stringify([CHARGEBACK_COLUMNS as unknown as string[]])));
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const records = next.value.flatMap((row) => toChargebackRecords(row, params.allocation, shares)).filter((r) => keep(r.x_BusinessUnit));
        if (records.length > 0) controller.enqueue(encoder.encode(stringify(records, { columns: [...CHARGEBACK_COLUMNS] })));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const name = `kms-chargeback-${fromDay.slice(0, 7)}-to-${toDay.slice(0, 7)}-${params.allocation}.csv`;
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-allocation-method": params.allocation,
    },
  });
}
