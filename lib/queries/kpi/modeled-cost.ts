// Modeled KMS cost per key for one month (DOMAIN.md §6.4): key-months + rotation surcharge +
// requests × price, beside what was billed - per key for requests (Cost Explorer resource-level
// data, where present) and per business unit for the whole bill - with the variance.
import { buLabel } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { roundMoney, roundMoneyOrNull, sumMoney } from "@/lib/domain/money";
import { applyPriceOverrides } from "@/lib/domain/prices";
import { costVariance, modeledKeyCost, type CostVariance } from "@/lib/kpi/modeled-cost";
import { loadPolicySettings } from "@/lib/settings/load";
import { addDays, dayToDate } from "@/lib/store/days";
import type { Day } from "@/lib/store/types";
import { latestCostDay } from "./as-of";
import { keyRecordOf } from "./key-records";
import { dayOf, num } from "./sql";

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

export interface ModeledBuRow {
  businessUnit: string;
  modeled: number;
  billed: number;
  variance: CostVariance;
  /** Keys whose request volume is unknown: their requests are missing from `modeled`. */
  keysWithoutRequestData: number;
}

function monthPeriod(month: string, latest: Day): { start: Day; endExclusive: Day } {
  const start = `${month}-01`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const nextMonth = dayOf(new Date(Date.UTC(y, m, 1)));
  // A month still running ends after the latest day with cost data.
  const dataEnd = addDays(latest, 1);
  return { start, endExclusive: nextMonth < dataEnd ? nextMonth : dataEnd > start ? dataEnd : nextMonth };
}

export async function modeledCost(db: Db, query: ModeledCostQuery) {
  const latest = await latestCostDay(db);
  const month = query.month ?? latest?.slice(0, 7);
  if (!month || !latest) return { month: null, period: null, byBusinessUnit: [], total: 0, page: query.page, pageSize: query.pageSize, keys: [] as ModeledKeyRow[] };
  const { start, endExclusive } = monthPeriod(month, latest);
  const period = { start: dayToDate(start), end: dayToDate(endExclusive) };
  const [settings, versions, requests, billed] = await Promise.all([
    loadPolicySettings(db),
    db.kmsKeyVersion.findMany({ where: { validFrom: { lt: period.end }, validTo: { gt: period.start } }, orderBy: [{ keyArn: "asc" }, { validFrom: "asc" }] }),
    db.$queryRawUnsafe<{ key_arn: string; requests: string; cost: string }[]>(
      `SELECT key_arn, sum(requests)::text AS requests, sum(cost)::text AS cost FROM key_request_daily
       WHERE day >= $1::date AND day < $2::date GROUP BY key_arn`,
      start,
      endExclusive,
    ),
    db.$queryRawUnsafe<{ business_unit: string; cost: string }[]>(
      `SELECT business_unit, sum(unblended_cost)::text AS cost FROM kms_cost_daily WHERE day >= $1::date AND day < $2::date GROUP BY 1`,
      start,
      endExclusive,
    ),
  ]);
  const prices = applyPriceOverrides(settings.priceOverrides);
  // Requests come from the days with per-key rows only (resource-level data reaches back 14 days):
  // the response states how many days of the period that is.
  const requestDayRows = await db.$queryRawUnsafe<{ days: number }[]>(
    `SELECT count(DISTINCT day)::int AS days FROM key_request_daily WHERE day >= $1::date AND day < $2::date`,
    start,
    endExclusive,
  );
  const requestDays = { covered: requestDayRows[0]?.days ?? 0, period: Math.round((period.end.getTime() - period.start.getTime()) / 86_400_000) };
  const ceStatus = await db.dataSourceStatus.findUnique({ where: { source: "ce-resources" } });
  const perKeyAvailable = !ceStatus || ceStatus.available;
  const requestsByKey = new Map(requests.map((r) => [r.key_arn, { requests: num(r.requests), cost: num(r.cost) }]));

  // The latest version in the month describes the key; it stops being billed when it left the inventory.
  const latestByKey = new Map<string, (typeof versions)[number]>();
  // Start of each key's current uninterrupted PendingDeletion stretch: storage is billed up to it
  // (DescribeKey gives no waiting window for an ordinary PendingDeletion key).
  const pendingSinceByKey = new Map<string, Date>();
  for (const v of versions) {
    latestByKey.set(v.keyArn, v);
    if (v.keyState !== "PendingDeletion") pendingSinceByKey.delete(v.keyArn);
    else if (!pendingSinceByKey.has(v.keyArn)) pendingSinceByKey.set(v.keyArn, v.validFrom);
  }
  const rows: ModeledKeyRow[] = [];
  for (const v of latestByKey.values()) {
    const record = keyRecordOf({ ...v, policy: null }); // the cost model does not read the policy
    const observed = perKeyAvailable ? requestsByKey.get(v.keyArn) : undefined;
    const now = new Date(Math.min(v.validTo.getTime(), period.end.getTime()));
    const pendingSince = pendingSinceByKey.get(v.keyArn) ?? null;
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
  const billedByBu = new Map(billed.map((b) => [buLabel(b.business_unit), roundMoney(b.cost)]));
  const buNames = new Set([...billedByBu.keys(), ...rows.map((r) => r.businessUnit)]);
  const wanted = query.bu?.length ? new Set(query.bu.map(buLabel)) : null;
  const byBusinessUnit: ModeledBuRow[] = [...buNames].sort().flatMap((bu) => {
    if (wanted && !wanted.has(bu)) return [];
    const keys = rows.filter((r) => r.businessUnit === bu);
    const modeled = sumMoney(keys.map((r) => r.modeledTotal));
    const billedCost = billedByBu.get(bu) ?? 0;
    return [{ businessUnit: bu, modeled, billed: billedCost, variance: roundedVariance(costVariance(modeled, billedCost)), keysWithoutRequestData: keys.filter((r) => r.requests === null).length }];
  });
  const keyRows = rows.filter((r) => !wanted || wanted.has(r.businessUnit)).sort((a, b) => b.modeledTotal - a.modeledTotal || a.keyArn.localeCompare(b.keyArn));
  return {
    month,
    period: { start, endExclusive },
    perKeyRequestData: perKeyAvailable,
    requestDays,
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
