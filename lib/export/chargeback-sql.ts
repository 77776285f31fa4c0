// The chargeback CSV as one COPY statement: Postgres formats every column, so Node only forwards
// bytes. COPY takes no bind parameters, so every value is either validated upstream (days,
// account id) or quoted with pg's escapeLiteral. The output is byte-for-byte what the former
// JS mapping + csv-stringify wrote:
// - empty text is written as NULL, because COPY CSV quotes an empty string ("") and
//   csv-stringify did not;
// - proportional parts reproduce the JS float arithmetic exactly (IEEE doubles in float8,
//   Math.round, Number#toFixed), so split amounts still add up to the row's cost;
// - money is written at Cost Explorer's precision without padding (trim_scale: 0.3, not
//   0.3000000000), as the table CSVs and the JSON write it (lib/domain/money.ts).
import { escapeLiteral } from "pg";
import { COST_FIRST_DAY, COST_LAST_DAY } from "@/lib/queries/kpi/cost-source";
import { ALLOCATION_LABELS, CHARGEBACK_COLUMNS, KMS_SERVICE_NAME, type MonthShares } from "./chargeback-rows";
import type { ChargebackQuery } from "./chargeback-source";
import { UNTAGGED } from "@/lib/domain/business-unit";

type Column = (typeof CHARGEBACK_COLUMNS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACCOUNT = /^\d{12}$/;

/** WHERE clause on kms_cost c; the business-unit filter only when given. */
export function whereSql(q: ChargebackQuery): string {
  if (!DAY.test(q.fromDay) || !DAY.test(q.toDay)) throw new Error(`not a day: ${q.fromDay} / ${q.toDay}`);
  const parts = [`c.day >= '${q.fromDay}'::date`, `c.day <= '${q.toDay}'::date`];
  if (q.accountId) {
    if (!ACCOUNT.test(q.accountId)) throw new Error(`not an account id: ${q.accountId}`);
    parts.push(`c.account_id = '${q.accountId}'`);
  }
  if (q.region) parts.push(`c.region = ${escapeLiteral(q.region)}`);
  if (q.businessUnit !== undefined) parts.push(`c.business_unit = ${escapeLiteral(q.businessUnit)}`);
  if (q.scope) parts.push(`c.business_unit = ANY(${textArray(q.scope)})`);
  return parts.join(" AND ");
}

/** Row order within a day: a bill line is unique by resource and charge too (constant for Cost Explorer rows). */
const ROW_ORDER = `c.account_id, c.business_unit, c.cost_center, c.usage_type, c.region, c.resource_id, c.charge_category, c.charge_class`;

/**
 * The session setting the COPY needs: dates are written by the date type's own output, ISO
 * YYYY-MM-DD (cheaper than to_char, and computed once per day anyway, see dayLoop).
 */
export const DATE_STYLE_SQL = `SET datestyle = 'ISO, YMD'`;
/**
 * A text cell a spreadsheet would run as a formula (leading =, +, -, @, tab or CR: tag values and
 * account names come from every account of the organization) gets a leading ', as the table
 * exports do (lib/export/csv.ts). Only text columns go through it: numbers stay numbers.
 */
export function safeText(expr: string): string {
  return `CASE WHEN ${expr} ~ E'^[=+@\\t\\r-]' THEN '''' || ${expr} ELSE ${expr} END`;
}
/** FOCUS 1.x dates are ISO 8601 UTC date-times: 2026-03-01T00:00:00Z. */
const isoDateTime = (day: string) => `to_char(${day}, 'YYYY-MM-DD"T00:00:00Z"')`;
const BU_RAW = `CASE WHEN c.business_unit = '' THEN ${escapeLiteral(UNTAGGED)} ELSE c.business_unit END`;
const BU_LABEL = safeText(BU_RAW);
const DIRECT_METHOD = `CASE WHEN c.business_unit = '' THEN ${escapeLiteral(ALLOCATION_LABELS.unallocated)} ELSE ${escapeLiteral(ALLOCATION_LABELS.tagged)} END`;

/** The columns in CHARGEBACK_COLUMNS order over the day loop (d, c); `over` replaces the per-method ones. */
function selectList(over: Partial<Record<Column, string>>): string {
  const base: Record<Column, string> = {
    BillingPeriodStart: `d.billing_start`,
    BillingPeriodEnd: `d.billing_end`,
    ChargePeriodStart: `d.day_start`,
    ChargePeriodEnd: `d.next_day`,
    SubAccountId: `nullif(c.account_id, '')`,
    SubAccountName: safeText(`nullif(c.account_name, '')`),
    RegionId: safeText(`nullif(c.region, '')`),
    ServiceName: escapeLiteral(KMS_SERVICE_NAME),
    ChargeCategory: `c.charge_category`,
    ConsumedQuantity: `c.usage_quantity`,
    ConsumedUnit: `CASE c.category WHEN 'KEYS' THEN 'Keys' WHEN 'REQUESTS' THEN 'Requests' END`,
    BilledCost: `trim_scale(c.unblended_cost)`,
    BillingCurrency: `'USD'`,
    x_BusinessUnit: BU_LABEL,
    x_UsageType: safeText(`nullif(c.usage_type, '')`),
    x_CostCategory: `c.category`,
    x_AllocationMethod: DIRECT_METHOD,
    x_AllocationShare: `'1'`,
    ChargeClass: `nullif(c.charge_class, '')`,
    ResourceId: safeText(`nullif(c.resource_id, '')`),
    x_CostSource: `c.cost_source`,
  };
  return CHARGEBACK_COLUMNS.map((name) => `${over[name] ?? base[name]} AS "${name}"`).join(",\n  ");
}

function copy(select: string, header: boolean): string {
  return `COPY (${select}) TO STDOUT (FORMAT csv${header ? ", HEADER" : ""})`;
}

/**
 * The export's skeleton: the rows are read day by day (a nested loop
 * over the days, each an index range scan on the primary key, which gives the order within the
 * day), so the four date columns are computed once per day instead of once per row: they were
 * the dearest expressions. The days are bounded by the data's own first and last day (an
 * index lookup each), so a wide requested range costs no empty probes. The outer ORDER BY fixes
 * the day order without a sort (the day list is sorted); within a day the lateral's ORDER BY
 * holds because a nested loop emits each day's rows as the lateral yields them.
 */
function dayLoop(q: ChargebackQuery, select: string, inner: string, header: boolean): string {
  return copy(`SELECT ${select}
FROM (
  SELECT g.day::date AS day, ${isoDateTime("g.day")} AS day_start, ${isoDateTime("g.day + interval '1 day'")} AS next_day,
         ${isoDateTime("date_trunc('month', g.day)")} AS billing_start,
         ${isoDateTime("date_trunc('month', g.day) + interval '1 month'")} AS billing_end, date_trunc('month', g.day)::date AS month
  FROM generate_series(greatest('${q.fromDay}'::date, ${COST_FIRST_DAY})::timestamp,
                       least('${q.toDay}'::date, ${COST_LAST_DAY})::timestamp, interval '1 day') AS g(day)
  ORDER BY 1
  OFFSET 0 -- a fence: computed here once per day, not re-evaluated per row
) d
CROSS JOIN LATERAL (
  ${inner}
) c
ORDER BY d.day`, header);
}

/** Direct allocation: one output row per cost row. `header`: the CSV header line first. */
export function directCopySql(q: ChargebackQuery, header = true): string {
  return dayLoop(
    q,
    selectList({}),
    `SELECT c.*, a.name AS account_name FROM kms_cost c LEFT JOIN account a ON a.account_id = c.account_id
  WHERE c.day = d.day AND ${whereSql(q)}
  ORDER BY ${ROW_ORDER}`,
    header,
  );
}

/** Math.round(x) for a float8 x: nearest integer, halves up (towards +∞). */
function jsRound(x: string): string {
  return `(floor(${x}) + CASE WHEN ${x} - floor(${x}) >= 0.5 THEN 1 ELSE 0 END)`;
}

/**
 * Number#toFixed(4) of a float8 `y` whose IEEE fields are in lateral `bits`: toFixed rounds the
 * double's exact binary value (not its shortest decimal form), halves away from zero, so the
 * value is rebuilt exactly as m·2^e in numeric: for e < 0, m·5^k / 10^k with k = −e.
 */
function jsToFixed4(y: string): string {
  const m = `(CASE WHEN bits.e = 0 THEN bits.f ELSE bits.f + 4503599627370496 END)::numeric`;
  const e = `(CASE WHEN bits.e = 0 THEN 1 ELSE bits.e END - 1075)`;
  const scaled = `CASE WHEN ${e} >= 0 THEN trunc(${m} * (2::numeric ^ ${e}) * 10000)
    ELSE div(2 * ${m} * (5::numeric ^ (-${e})) * 10000 + (10::numeric ^ (-${e})), 2 * (10::numeric ^ (-${e}))) END`;
  return `(CASE WHEN ${y} < 0 THEN '-' ELSE '' END || ((${scaled}) * 0.0001)::text)`;
}

/** A constant text[] / float8[] literal, each element quoted. */
function textArray(items: readonly string[]): string {
  return `ARRAY[${items.map((t) => escapeLiteral(t)).join(", ")}]::text[]`;
}

/**
 * Proportional allocation: tagged rows as in direct; each untagged row of a month with tagged
 * cost becomes one row per tagged business unit of that month (shares computed in JS from the
 * month totals, in their order), its cost split in 1e-10 units (Cost Explorer's precision, so
 * exact) where the last part takes the rounding remainder. `bu` filters the output rows by their final business unit. The month's
 * shares are constant arrays picked by a CASE on the month, so an untagged row costs one CASE
 * and an unnest, whatever the number of months.
 */
export function proportionalCopySql(q: ChargebackQuery, shares: MonthShares, bu?: string, header = true): string {
  // No tagged cost at all: nothing to reallocate, the direct export filtered by BU is the same.
  if (shares.size === 0) return directCopySql({ ...q, businessUnit: bu === undefined ? undefined : bu === UNTAGGED ? "" : bu }, header);
  const months = [...shares].map(([month, list]) => {
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
    for (const s of list) if (!Number.isFinite(s.share)) throw new Error(`not a share: ${s.share}`);
    return { month: `'${month}-01'::date`, list };
  });
  const pick = (arrayOf: (list: MonthShares extends Map<string, infer L> ? L : never) => string) =>
    `CASE mm.month ${months.map((m) => `WHEN ${m.month} THEN ${arrayOf(m.list)}`).join(" ")} END`;
  const bus = pick((list) => textArray(list.map((s) => s.businessUnit)));
  // String(share) is the double's shortest round-trip form: float8 reads back the same double.
  const weights = pick((list) => `ARRAY[${list.map((s) => `'${String(s.share)}'`).join(", ")}]::float8[]`);
  const labels = pick((list) => textArray(list.map((s) => s.share.toFixed(6))));
  // Untagged rows are read whatever the scope; the scope keeps the rows whose final BU is in it.
  const where = [whereSql({ ...q, businessUnit: undefined, scope: undefined })];
  if (q.scope) where.push(`coalesce(p.bu, c.business_unit) = ANY(${textArray(q.scope)})`);
  if (bu !== undefined) {
    where.push(`c.business_unit IN ('', ${escapeLiteral(bu)})`);
    where.push(`coalesce(p.bu, ${BU_RAW}) = ${escapeLiteral(bu)}`);
  }
  const select = selectList({
    ConsumedQuantity: `coalesce(c.p_quantity, c.usage_quantity::text)`,
    BilledCost: `coalesce(c.p_cost, trim_scale(c.unblended_cost)::text)`,
    x_BusinessUnit: safeText(`coalesce(c.p_bu, ${BU_RAW})`),
    x_AllocationMethod: `CASE WHEN c.p_bu IS NOT NULL THEN ${escapeLiteral(ALLOCATION_LABELS.proportional)} ELSE ${DIRECT_METHOD} END`,
    x_AllocationShare: `coalesce(c.p_share_text, '1')`,
  });
  return dayLoop(
    q,
    select,
    `SELECT c.*, a.name AS account_name, p.bu AS p_bu, p.share_text AS p_share_text, p.cost AS p_cost, p.quantity AS p_quantity
  FROM kms_cost c LEFT JOIN account a ON a.account_id = c.account_id
  LEFT JOIN LATERAL (
    SELECT s.ord, s.bu, s.share_text,
           trim_scale((CASE WHEN s.ord = count(*) OVER () THEN t.total - (sum(u.part) OVER () - u.part) ELSE u.part END) * 0.0000000001)::text AS cost,
           ${jsToFixed4("u.v")} AS quantity
    FROM (SELECT d.month AS month) mm
    CROSS JOIN LATERAL unnest(${bus}, ${weights}, ${labels}) WITH ORDINALITY AS s(bu, share, share_text, ord)
    CROSS JOIN LATERAL (SELECT (c.unblended_cost * 10000000000)::bigint AS total) t
    CROSS JOIN LATERAL (SELECT ${jsRound("t.total::float8 * s.share")}::bigint AS part, c.usage_quantity::float8 * s.share AS v) u
    CROSS JOIN LATERAL (
      SELECT (b >> 52) & 2047 AS e, b & 4503599627370495 AS f
      FROM (SELECT ('x' || encode(float8send(u.v), 'hex'))::bit(64)::bigint AS b) raw
    ) bits
    WHERE c.business_unit = ''
  ) p ON true
  WHERE c.day = d.day AND ${where.join(" AND ")}
  ORDER BY ${ROW_ORDER}, p.ord`,
    header,
  );
}
