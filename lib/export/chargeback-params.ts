// Query parameters of GET /api/export/chargeback, the same names as GET /api/costs/chargeback
// (lib/endpoints/costs/chargeback.ts): the months touching the range are whole (a day is
// accepted and stands for its month), so the CSV and the JSON of the same range hold the same
// total. The CSV takes one account, region and BU; the JSON takes lists like every JSON endpoint.
import { toDay } from "@/lib/domain/days";
import { ALLOCATION_METHODS } from "./chargeback-rows";
import { z } from "zod";

/** A month (its whole) or a day (standing for its month): both chargeback endpoints take these. */
export const chargebackPeriod = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "must be a month (2026-03) or a day (2026-03-15)");

/** How untagged cost is charged, as x_AllocationMethod writes it; both chargeback endpoints take it. */
export const allocationParam = z.enum(ALLOCATION_METHODS, { error: "must be direct or proportional" }).default("direct");

/** The name of earlier versions (`reallocate=none|proportional`): a 400 that names its successor. */
export const renamedAllocationParams = {
  reallocate: z.never({ error: "was renamed allocation (direct or proportional)" }).optional(),
};

export const chargebackParamsSchema = z.strictObject({
  from: chargebackPeriod.optional(),
  to: chargebackPeriod.optional(),
  account: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id").optional(),
  region: z.string().min(1).max(32).optional(),
  bu: z.string().min(1).max(256).optional(),
  allocation: allocationParam,
  ...renamedAllocationParams,
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
  return toDay(d);
}

/** [first day, last day] of each calendar month overlapping fromDay..lastDay, clipped to them. */
export function monthsOf(fromDay: string, lastDay: string): [string, string][] {
  const out: [string, string][] = [];
  for (let start = fromDay; start <= lastDay; ) {
    const [y, m] = start.split("-").map(Number) as [number, number];
    const next = toDay(new Date(Date.UTC(y, m, 1)));
    const last = toDay(new Date(Date.UTC(y, m, 0)));
    out.push([start, last < lastDay ? last : lastDay]);
    start = next;
  }
  return out;
}

const NOT_A_PERIOD = "must be a month (2026-03) or a day (2026-03-15)";

/**
 * `from` and `to` as the first and last day of their months: the chargeback and the
 * reconciliation read whole months, so the range check compares months, not the days given.
 */
export const wholeMonthParams = {
  from: z.string().refine((p) => chargebackPeriod.safeParse(p).success && periodStart(p) !== null, NOT_A_PERIOD).transform((p) => periodStart(p)!).optional(),
  to: z.string().refine((p) => chargebackPeriod.safeParse(p).success && periodEnd(p) !== null, NOT_A_PERIOD).transform((p) => periodEnd(p)!).optional(),
};
