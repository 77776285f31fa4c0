// GET /api/costs/unit-cost: KMS cost per TiB of CMK-protected storage, per business unit and
// month — a FOCUS-style unit cost (a cost ÷ a usage quantity).
// - Cost: the BU-month's net KMS cost (usage plus an imported bill's credits, tax, corrections and
//   adjustments), as the Costs page's showback rows and the chargeback's BilledCost (allocation
//   direct) show it: the same costByBu, each month from its cost source. A BU without cost in a
//   month that holds cost costs $0 there.
// - Storage: bytes of the BU's in-scope resources whose class is CUSTOMER_KMS, over resources of
//   known size (DOMAIN.md §6.1 "by storage"), from the coverage rollups. A month's storage is the
//   average over its days with data, the days the coverage rollup holds any business unit: CMK
//   bytes that double mid-month count at their day-weighted mean, a day the BU held none counts
//   0, days before the first inventory or after the latest are not data (a running month
//   averages its days so far). TiB = 2^40 bytes.
// - costPerTiB = cost ÷ average CMK TiB; null ("no data") where the BU had no CMK storage of
//   known size that month: never a division by zero.
// Resources of unknown size are left out of the bytes; unknownSizePct says how much of the BU's
// storage is unknown, as coverage by storage does.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import type { Db } from "@/lib/db/client";
import { buLabel } from "@/lib/domain/business-unit";
import { type Day, toDay } from "@/lib/domain/days";
import { roundMoney } from "@/lib/domain/money";
import { monthFilterParams } from "./month-filters";
import { costByBu } from "@/lib/queries/kpi/cost-by-bu";
import type { BillStatus, CostSource } from "@/lib/queries/kpi/cost-source";
import { rollupSeries } from "@/lib/queries/kpi/rollup-series";

const TIB = 2 ** 40;

export interface UnitCostRow {
  /** First day of the month. */
  month: Day;
  businessUnit: string;
  /** Net KMS cost of the BU-month (USD, 10 decimals), the chargeback's direct BilledCost. */
  cost: number;
  costSource: CostSource;
  billStatus: BillStatus | null;
  /** "bill (final)", "bill (provisional)" or "Cost Explorer", as the Costs page prints it. */
  sourceLabel: string;
  /** Average CMK-protected storage over the month's days with data, TiB (6 decimals). */
  cmkTiB: number;
  daysWithData: number;
  /** The BU's in-scope resource-days of unknown size ÷ its resource-days × 100; null without resources. */
  unknownSizePct: number | null;
  /** USD per TiB-month of CMK storage; null without CMK storage of known size. */
  costPerTiB: number | null;
}

/** One BU-month of the coverage rollup, summed over its days. */
interface StorageMonth {
  cmkByteDays: bigint;
  resourceDays: number;
  unsizedResourceDays: number;
}

const monthOf = (day: Day): Day => `${day.slice(0, 7)}-01`;
const keyOf = (month: Day, businessUnit: string) => `${month}|${businessUnit}`;

/** Days with data per month: days the coverage rollup holds, for every BU and filter alike. */
async function daysWithData(db: Db, from: Day, to: Day): Promise<Map<Day, number>> {
  const rows = await db.$queryRawUnsafe<{ month: Date; days: number }[]>(
    `SELECT date_trunc('month', day)::date AS month, count(DISTINCT day)::int AS days
     FROM coverage_bu_daily WHERE day BETWEEN $1::date AND $2::date GROUP BY 1`,
    from,
    to,
  );
  return new Map(rows.map((r) => [toDay(r.month), r.days]));
}

export const unitCostEndpoint = defineEndpoint({
  route: "GET /api/costs/unit-cost",
  access: "read",
  params: z.strictObject({
    // A month or a day, as for the chargeback: the months touching the range are whole.
    ...monthFilterParams,
  }),
  query: async (db, { from, to, ...filters }) => {
    const costs = await costByBu(db, { granularity: "month", from, to, ...filters });
    if (!costs.from || !costs.to) return { from: null, to: null, rows: [] as UnitCostRow[] };
    const [days, storageDays] = await Promise.all([daysWithData(db, costs.from, costs.to), rollupSeries(db, { from: costs.from, to: costs.to, filters, groupBy: "bu" })]);
    const storage = new Map<string, StorageMonth>();
    for (const p of storageDays) {
      const key = keyOf(monthOf(p.day), buLabel(p.group ?? ""));
      const s = storage.get(key) ?? { cmkByteDays: 0n, resourceDays: 0, unsizedResourceDays: 0 };
      s.cmkByteDays += p.cmkBytes;
      s.resourceDays += p.resources;
      s.unsizedResourceDays += p.resources - p.sizedResources;
      storage.set(key, s);
    }
    // Every BU-month with cost or storage, in the months that hold cost: one without cost data
    // has nothing to divide.
    const cost = new Map(costs.rows.map((r) => [keyOf(r.period, r.businessUnit), r.net]));
    const months = new Map(costs.sources.map((s) => [s.month, s]));
    const keys = [...new Set([...cost.keys(), ...storage.keys()])].filter((k) => months.has(k.slice(0, 10))).sort();
    const rows = keys.map((key): UnitCostRow => {
      const month = key.slice(0, 10);
      const source = months.get(month)!;
      const s = storage.get(key);
      const n = days.get(month) ?? 0;
      const net = cost.get(key) ?? 0;
      const byteDays = Number(s?.cmkByteDays ?? 0n);
      return {
        month,
        businessUnit: key.slice(11),
        cost: net,
        costSource: source.source,
        billStatus: source.billStatus,
        sourceLabel: source.label,
        cmkTiB: n ? Number((byteDays / n / TIB).toFixed(6)) : 0,
        daysWithData: n,
        unknownSizePct: s?.resourceDays ? (s.unsizedResourceDays / s.resourceDays) * 100 : null,
        costPerTiB: byteDays > 0 ? roundMoney((net * n * TIB) / byteDays) : null,
      };
    });
    return { from: costs.from, to: costs.to, rows };
  },
});
