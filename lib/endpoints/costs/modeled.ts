// GET /api/costs/modeled: modeled KMS cost per key for one month (DOMAIN.md §6.4): key-months + rotation surcharge +
// requests × price, beside what was billed, each side compared like for like (issue 13 item 11):
// - key storage: modeled key-months + rotation over the whole period vs the billed `KMS-Keys`
//   usage types (category KEYS) over the same period;
// - requests: per-key request volume exists only on the days with Cost Explorer resource-level
//   rows (14 days at most), so modeled requests are compared with the billed `KMS-Requests*`
//   cost (category REQUESTS) of exactly those days; no comparison without such days.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams, month as monthParam, pageParams } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { moneySql, roundMoney, roundMoneyOrNull, sumMoney } from "@/lib/domain/money";
import { applyPriceOverrides } from "@/lib/domain/prices";
import { costVariance, modeledKeyCost, pendingSinceOf, type CostVariance } from "@/lib/kpi/modeled-cost";
import { loadPolicySettings } from "@/lib/settings/load";
import { type Day, addDays, dayToDate, toDay } from "@/lib/domain/days";
import { latestCostDay } from "@/lib/queries/kpi/as-of";
import { costSourcesByMonth } from "@/lib/queries/kpi/cost-source";
import { keyRecordOf } from "@/lib/store/key-records";
import { num } from "@/lib/queries/kpi/sql";
import { buLabel } from "@/lib/domain/business-unit";

export interface ModeledCostQuery {
  /** YYYY-MM; default the month of the latest cost data. */
  month?: string;
  bu?: string[];
  page: number;
  pageSize: number;
}

export interface ModeledKeyRow {
  keyArn: string;
  aliases: string[];
  keyManager: string;
  keySpec: string;
  businessUnit: string;
  keyMonths: number;
  keyCost: number;
  rotationCost: number;
  requests: number | null;
  requestCost: number | null;
  modeledTotal: number;
  /** Request cost billed for the key (resource-level data); null when there is none. */
  billedRequestCost: number | null;
  requestVariance: CostVariance | null;
}

/** Billed beside modeled for the same usage over the same days. */
export interface BilledVsModeled {
  billed: number;
  /** Null ("no data", never 0 and a −100 % variance) when the inventory does not cover the period. */
  modeled: number | null;
  variance: CostVariance | null;
}

export interface ModeledBuRow {
  businessUnit: string;
  /** Whole period: billed KMS-Keys usage types vs modeled key-months + rotation surcharge. */
  keyStorage: BilledVsModeled;
  /** The days of requestDays only; null when no day of the period has per-key data. */
  requests: BilledVsModeled | null;
  /** Everything billed for the BU over the whole period (storage, requests, other usage types). */
  billedTotal: number;
  /** Keys whose request volume is unknown: their requests are missing from `requests.modeled`. */
  keysWithoutRequestData: number;
}

/** The days of the period with per-key request rows: what modeled and billed requests cover. */
export interface RequestDays {
  covered: number;
  period: number;
  /** First and last covered day; null when none. */
  from: Day | null;
  to: Day | null;
}

function monthPeriod(month: string, latest: Day): { start: Day; endExclusive: Day } {
  const start = `${month}-01`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const nextMonth = toDay(new Date(Date.UTC(y, m, 1)));
  // A month still running ends after the latest day with cost data.
  const dataEnd = addDays(latest, 1);
  return { start, endExclusive: nextMonth < dataEnd ? nextMonth : dataEnd > start ? dataEnd : nextMonth };
}

export async function modeledCost(db: Db, query: ModeledCostQuery) {
  const latest = await latestCostDay(db);
  const month = query.month ?? latest?.slice(0, 7);
  if (!month || !latest) {
    // No cost data at all: the same shape, every part empty.
    return { month: null, period: null, costSource: null, perKeyRequestData: false, requestDays: null, inventoryFrom: null, byBusinessUnit: [], total: 0, page: query.page, pageSize: query.pageSize, keys: [] as ModeledKeyRow[] };
  }
  const { start, endExclusive } = monthPeriod(month, latest);
  const period = { start: dayToDate(start), end: dayToDate(endExclusive) };
  const [settings, versions, requests, coveredDays, ceStatus, firstVersion] = await Promise.all([
    loadPolicySettings(db),
    db.kmsKeyVersion.findMany({ where: { validFrom: { lt: period.end }, validTo: { gt: period.start } }, orderBy: [{ keyArn: "asc" }, { validFrom: "asc" }] }),
    db.$queryRawUnsafe<{ key_arn: string; requests: string; cost: string }[]>(
      `SELECT key_arn, sum(requests)::text AS requests, sum(cost)::text AS cost FROM key_request_daily
       WHERE day >= $1::date AND day < $2::date GROUP BY key_arn`,
      start,
      endExclusive,
    ),
    // Requests come from the days with per-key rows only (resource-level data reaches back 14 days).
    db.$queryRawUnsafe<{ day: string }[]>(
      `SELECT DISTINCT day::text AS day FROM key_request_daily WHERE day >= $1::date AND day < $2::date ORDER BY 1`,
      start,
      endExclusive,
    ),
    db.dataSourceStatus.findUnique({ where: { source: "ce-resources" } }),
    db.kmsKeyVersion.aggregate({ _min: { validFrom: true } }),
  ]);
  // Modeling needs the key inventory of the whole period: a month before the first snapshot (cost
  // history reaches further back than the inventory) has billed cost and nothing to model.
  const inventoryFrom = firstVersion._min.validFrom ? toDay(firstVersion._min.validFrom) : null;
  const modeledCovered = inventoryFrom !== null && inventoryFrom <= start;
  const prices = applyPriceOverrides(settings.priceOverrides);
  const days = coveredDays.map((d) => d.day);
  const [billed, [costSource]] = await Promise.all([billedByBusinessUnit(db, start, endExclusive, days), costSourcesByMonth(db, start, start)]);
  const requestDays: RequestDays = {
    covered: days.length,
    period: Math.round((period.end.getTime() - period.start.getTime()) / 86_400_000),
    from: days[0] ?? null,
    to: days.at(-1) ?? null,
  };
  const perKeyAvailable = !ceStatus || ceStatus.available;
  const compareRequests = perKeyAvailable && days.length > 0;
  const requestsByKey = new Map(requests.map((r) => [r.key_arn, { requests: num(r.requests), cost: num(r.cost) }]));

  // The latest version in the month describes the key; it stops being billed when it left the inventory.
  const historyByKey = new Map<string, (typeof versions)[number][]>();
  for (const v of versions) {
    const history = historyByKey.get(v.keyArn);
    if (history) history.push(v);
    else historyByKey.set(v.keyArn, [v]);
  }
  const rows: ModeledKeyRow[] = [];
  for (const history of historyByKey.values()) {
    const v = history.at(-1)!;
    const record = keyRecordOf({ ...v, policy: null }); // the cost model does not read the policy
    const observed = perKeyAvailable ? requestsByKey.get(v.keyArn) : undefined;
    const now = new Date(Math.min(v.validTo.getTime(), period.end.getTime()));
    // Storage is billed up to the start of the current PendingDeletion stretch, if any.
    const pendingSince = pendingSinceOf(history);
    const cost = modeledKeyCost({ ...record, pendingSince }, { period, now, requests: observed?.requests ?? null, prices });
    if (record.keyManager === "AWS" && !observed) continue; // AWS managed keys only cost their requests
    rows.push({
      keyArn: v.keyArn,
      aliases: v.aliases,
      keyManager: v.keyManager,
      keySpec: v.keySpec,
      businessUnit: buLabel(v.businessUnit),
      keyMonths: cost.keyMonths,
      keyCost: cost.keyCost,
      rotationCost: cost.rotationCost,
      requests: observed?.requests ?? null,
      requestCost: cost.requestCost,
      modeledTotal: cost.total,
      billedRequestCost: observed?.cost ?? null,
      requestVariance: observed && cost.requestCost !== null ? costVariance(cost.requestCost, observed.cost) : null,
    });
  }
  const buNames = new Set([...billed.keys(), ...rows.map((r) => r.businessUnit)]);
  const wanted = query.bu?.length ? new Set(query.bu.map(buLabel)) : null;
  const byBusinessUnit: ModeledBuRow[] = [...buNames].sort().flatMap((bu) => {
    if (wanted && !wanted.has(bu)) return [];
    const keys = rows.filter((r) => r.businessUnit === bu);
    const b = billed.get(bu) ?? { keys: 0, requestsOnCoveredDays: 0, total: 0 };
    const modeledStorage = sumMoney(keys.map((r) => roundMoney(r.keyCost + r.rotationCost)));
    const modeledRequests = sumMoney(keys.map((r) => roundMoney(r.requestCost ?? 0)));
    return [{
      businessUnit: bu,
      keyStorage: billedVsModeled(b.keys, modeledCovered ? modeledStorage : null),
      requests: compareRequests ? billedVsModeled(b.requestsOnCoveredDays, modeledCovered ? modeledRequests : null) : null,
      billedTotal: b.total,
      keysWithoutRequestData: keys.filter((r) => r.requests === null).length,
    }];
  });
  const keyRows = rows.filter((r) => !wanted || wanted.has(r.businessUnit)).sort((a, b) => b.modeledTotal - a.modeledTotal || a.keyArn.localeCompare(b.keyArn));
  return {
    month,
    period: { start, endExclusive },
    /** Where the billed side comes from: the bill (final or provisional) or Cost Explorer. */
    costSource: costSource ?? null,
    perKeyRequestData: perKeyAvailable,
    requestDays,
    /** The first inventory day; modeled figures are null when it is after the period's start. */
    inventoryFrom,
    byBusinessUnit,
    total: keyRows.length,
    page: query.page,
    pageSize: query.pageSize,
    keys: keyRows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map(roundedKeyRow),
  };
}

// Modeled figures are floats (prices × quantities): rounded to 10 decimals at the edge, once the
// computation is done (lib/domain/money.ts). A BU's modeled cost is the exact sum of its keys' rounded figures.
const roundedVariance = (v: CostVariance): CostVariance => ({ ...v, absolute: roundMoney(v.absolute) });
function roundedKeyRow(r: ModeledKeyRow): ModeledKeyRow {
  return {
    ...r,
    keyCost: roundMoney(r.keyCost),
    rotationCost: roundMoney(r.rotationCost),
    requestCost: roundMoneyOrNull(r.requestCost),
    modeledTotal: roundMoney(r.modeledTotal),
    billedRequestCost: roundMoneyOrNull(r.billedRequestCost),
    requestVariance: r.requestVariance && roundedVariance(r.requestVariance),
  };
}

const billedVsModeled = (billed: number, modeled: number | null): BilledVsModeled => ({ billed, modeled, variance: modeled === null ? null : roundedVariance(costVariance(modeled, billed)) });

/**
 * Per BU label, summed in SQL numeric over usage (view kms_cost: the bill where imported, Cost
 * Explorer otherwise; the bill's credits, tax and corrections are not usage to model): the KMS-Keys usage types (key storage and rotation
 * surcharge) over the period, the request usage types on the covered days only, and everything.
 */
async function billedByBusinessUnit(db: Db, start: Day, endExclusive: Day, coveredDays: Day[]) {
  const rows = await db.$queryRawUnsafe<{ business_unit: string; keys: string; requests: string; total: string }[]>(
    `SELECT business_unit,
       ${moneySql(`sum(unblended_cost) FILTER (WHERE category = 'KEYS')`)} AS keys,
       ${moneySql(`sum(unblended_cost) FILTER (WHERE category = 'REQUESTS' AND day = ANY($3::date[]))`)} AS requests,
       ${moneySql(`sum(unblended_cost)`)} AS total
     FROM kms_cost WHERE day >= $1::date AND day < $2::date AND charge_kind = 'Usage' GROUP BY 1`,
    start,
    endExclusive,
    coveredDays,
  );
  return new Map(rows.map((r) => [buLabel(r.business_unit), { keys: roundMoney(r.keys), requestsOnCoveredDays: roundMoney(r.requests), total: roundMoney(r.total) }]));
}

export const modeledCostEndpoint = defineEndpoint({
  route: "GET /api/costs/modeled",
  access: "read",
  params: z.strictObject({ month: monthParam.optional(), bu: dimensionParams.bu, ...pageParams }),
  query: (db, params) => modeledCost(db, params),
});
