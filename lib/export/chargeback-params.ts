// Query parameters of GET /api/export/chargeback, the same as GET /api/costs/chargeback: the
// months touching the range are whole (a day is accepted and stands for its month), so the CSV
// and the JSON of the same range hold the same total.
import { z } from "zod";
import { badRequest } from "@/lib/domain/errors";

/** A month (its whole) or a day (standing for its month): both chargeback endpoints take these. */
export const chargebackPeriod = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "must be a month (2026-03) or a day (2026-03-15)");

export const chargebackParamsSchema = z.strictObject({
  from: chargebackPeriod.optional(),
  to: chargebackPeriod.optional(),
  account: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id").optional(),
  region: z.string().min(1).max(32).optional(),
  bu: z.string().min(1).max(256).optional(),
  allocation: z.enum(["direct", "proportional"], { message: "must be direct or proportional" }).default("direct"),
});

export type ChargebackParams = z.output<typeof chargebackParamsSchema>;

function valid(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

/** First day of the month of a period. */
export function periodStart(p: string): string | null {
  if (p.length === 10 && !valid(p)) return null;
  const day = `${p.slice(0, 7)}-01`;
  return valid(day) ? day : null;
}

/** Last day of the month of a period. */
export function periodEnd(p: string): string | null {
  if (p.length === 10 && !valid(p)) return null;
  const month = p.slice(0, 7);
  if (!valid(`${month}-01`)) return null;
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** [first day, last day] of each calendar month overlapping fromDay..toDay, clipped to them. */
export function monthsOf(fromDay: string, toDay: string): [string, string][] {
  const out: [string, string][] = [];
  for (let start = fromDay; start <= toDay; ) {
    const [y, m] = start.split("-").map(Number) as [number, number];
    const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push([start, last < toDay ? last : toDay]);
    start = next;
  }
  return out;
}

/** The first and last day of the whole months of `from` and `to` (each optional); a 400 naming the bad one. */
export function wholeMonths(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const fromDay = from === undefined ? undefined : periodStart(from);
  const toDay = to === undefined ? undefined : periodEnd(to);
  if (fromDay === null) throw badRequest("from: must be a month (2026-03) or a day (2026-03-15)");
  if (toDay === null) throw badRequest("to: must be a month (2026-03) or a day (2026-03-15)");
  return { from: fromDay, to: toDay };
}
