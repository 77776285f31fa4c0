// Chargeback CSV in FOCUS column names, streamed: Postgres writes the CSV itself
// (COPY (SELECT ...) TO STDOUT, lib/export/chargeback-sql.ts) and the bytes go straight into the
// response, so a million-row export costs no per-row work in Node and a bounded buffer of memory.
// The allocation method is chosen by ?allocation= and written on every row (x_AllocationMethod).
import { type NextRequest } from "next/server";
import { currentPrincipal } from "@/lib/auth/context";
import { openCopyConnection } from "@/lib/db/copy";
import { copySequence } from "@/lib/db/copy-sequence";
import { chargebackParamsSchema, monthsOf, periodEnd, periodStart } from "@/lib/export/chargeback-params";
import { sharesFromTotals } from "@/lib/export/chargeback-rows";
import { costDayRange, taggedMonthTotals, type ChargebackQuery } from "@/lib/export/chargeback-source";
import { DATE_STYLE_SQL, directCopySql, proportionalCopySql } from "@/lib/export/chargeback-sql";
import { db } from "@/lib/db/client";
import { latestBuTagKeyChange } from "@/lib/settings/bu-tag-history";
import { withAccess } from "@/lib/auth/with-access";
import { UNTAGGED } from "@/lib/domain/business-unit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A month of the large estate is ~50 MB of CSV: the month running ahead buffers up to this much. */
const AHEAD_BYTES = 64 << 20;

function badRequest(message: string): Response {
  return Response.json({ error: { code: "bad_request", message } }, { status: 400 });
}

async function get(request: NextRequest): Promise<Response> {
  const parsed = chargebackParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".");
    return badRequest(issue.code === "unrecognized_keys" ? `Unknown parameter ${name}` : `Parameter ${name} ${issue.message}`);
  }
  const params = parsed.data;
  const conn = await openCopyConnection();
  // For the range and the shares only; released before the COPYs, each of which takes its own.
  try {
    const range = params.from && params.to ? null : await costDayRange(conn);
    // Whole months, as /api/costs/chargeback reads them.
    const fromDay = periodStart(params.from ?? range?.from ?? "1970-01-01");
    const toDay = periodEnd(params.to ?? range?.to ?? "1970-01-01");
    if (!fromDay) return badRequest(`Parameter from is not a calendar month or day: ${params.from}`);
    if (!toDay) return badRequest(`Parameter to is not a calendar month or day: ${params.to}`);
    if (params.from && params.to && params.from > params.to) return badRequest(`Parameter from (${params.from}) is after to (${params.to})`);

    const buFilter = params.bu === undefined ? undefined : params.bu === UNTAGGED ? "" : params.bu;
    const query: ChargebackQuery = { fromDay, toDay, accountId: params.account, region: params.region, businessUnit: buFilter, scope: currentPrincipal().businessUnits ?? undefined };
    // Shares are computed once for the whole range, before any byte is sent.
    const shares = params.allocation === "proportional" ? sharesFromTotals(await taggedMonthTotals(conn, query)) : null;
    conn.release();
    // One statement per calendar month, the next formatted by Postgres while the current is sent.
    const statements = monthsOf(fromDay, toDay).map(([from, to], i) => {
      const part = { ...query, fromDay: from, toDay: to };
      // Reallocation needs the untagged rows whatever BU is asked for: the output is filtered instead.
      return shares ? proportionalCopySql(part, shares, params.bu, i === 0) : directCopySql(part, i === 0);
    });
    // x_BusinessUnit of rows before this day comes from the previous business-unit tag key.
    const keyChange = await latestBuTagKeyChange(db());
    const body = await copySequence(statements, { setup: DATE_STYLE_SQL, aheadBytes: AHEAD_BYTES });
    const name = `kms-chargeback-${fromDay.slice(0, 7)}-to-${toDay.slice(0, 7)}-${params.allocation}.csv`;
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
        "x-allocation-method": params.allocation,
        ...(keyChange ? { "x-business-unit-tag-key-since": `${keyChange.key} ${keyChange.since}` } : {}),
      },
    });
  } finally {
    conn.release();
  }
}

export const GET = withAccess("GET /api/export/chargeback", get);
