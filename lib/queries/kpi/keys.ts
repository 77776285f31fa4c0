// The key inventory as of the latest snapshot (current versions), with each key's findings
// and the number of current resources it protects (both rollups, rebuilt after each snapshot):
// filterable, searchable, sortable, paged.
// Each key's cost is its Cost Explorer resource-level cost (key_request_daily) over the 30 days
// ending on the latest day of that table; null, never 0, for a key without rows there. Beside it,
// the key's modeled storage + rotation cost per month in its current state (DOMAIN.md §2): the
// bill's other part, which no per-key Cost Explorer data gives.
import type { Db } from "@/lib/db/client";
import { applyPriceOverrides, type KmsPrices } from "@/lib/domain/prices";
import { loadPolicySettings } from "@/lib/settings/load";
import { type Day, OPEN_END, addDays, toDay } from "@/lib/domain/days";
import { billReferenceMonth, billedKeyFigures, type BillReferenceMonth } from "./key-bill";
import { SqlParams, whereClause } from "./sql";
import { buLabel } from "@/lib/domain/business-unit";

export const KEY_SORTS = ["manager", "alias", "created", "state", "spec", "account", "findings", "resources", "bu", "cost", "modeled"] as const;
/** Days of per-key cost summed into a key's cost column. */
export const KEY_COST_DAYS = 30;
export type KeySort = (typeof KEY_SORTS)[number];
export const ROTATION_FILTERS = ["enabled", "disabled", "not-applicable"] as const;

/**
 * The sort value of each matching key (kms_key_version `k`). Only the column sorted by is
 * computed for every matching key; the page's other columns are computed for its 50 rows only.
 * Findings are counted in one GROUP BY of key_finding (small), joined by key. Resources come from
 * the key_current_stats rollup (counting them live probed ~485,000 index entries for 20,000
 * keys). Cost is one index probe per matching key. $FROM/$TO: the cost window's placeholders.
 * The modeled monthly cost reads index columns only ($MODELED: modeledMonthlySql).
 */
const SORT_VALUES: Record<KeySort, { value: string; join?: string }> = {
  // Customer managed keys first, each group by first alias, keys without one last in it: a
  // large organization has 100+ alias/aws/* keys, which sorted by alias alone filled page one
  // with keys nobody can change. A row compares field by field, a NULL alias after any alias.
  manager: { value: "ROW(k.key_manager <> 'CUSTOMER', k.aliases[1])" },
  alias: { value: "k.aliases[1]" },
  created: { value: "k.creation_date" },
  state: { value: "k.key_state" },
  spec: { value: "k.key_spec" },
  account: { value: "k.account_id" },
  bu: { value: "k.business_unit" },
  findings: {
    value: "coalesce(s.n, 0)",
    join: "LEFT JOIN (SELECT key_arn, count(*)::int AS n FROM key_finding GROUP BY key_arn) s ON s.key_arn = k.key_arn",
  },
  resources: { value: "coalesce(rs.resources, 0)", join: "LEFT JOIN key_current_stats rs ON rs.key_arn = k.key_arn" },
  cost: { value: "(SELECT sum(c.cost) FROM key_request_daily c WHERE c.key_arn = k.key_arn AND c.day >= $FROM::date AND c.day <= $TO::date)" },
  modeled: { value: "$MODELED" },
};

/**
 * lib/kpi/modeled-cost.ts modeledMonthlyKeyCost in SQL, so that 20,000 keys sort by it from the
 * list index (which includes rotation_count for it, migration 20261205090000). Prices are
 * parameters: overrides apply.
 */
function modeledMonthlySql(params: SqlParams, prices: KmsPrices): string {
  const keyMonth = params.add(prices.keyMonth);
  const perRotation = params.add(prices.rotationSurchargePerRotation);
  const maxRotations = params.add(prices.rotationSurchargeMaxRotations);
  return `(CASE WHEN k.key_manager = 'CUSTOMER' AND k.key_state <> 'PendingDeletion'
    THEN ${keyMonth}::numeric + ${perRotation}::numeric * least(greatest(coalesce(k.rotation_count, 0), 0), ${maxRotations}::int)
    ELSE 0 END)`;
}

export interface KeysQuery {
  manager?: ("CUSTOMER" | "AWS")[];
  state?: string[];
  spec?: string[];
  origin?: string[];
  rotation?: (typeof ROTATION_FILTERS)[number];
  /** Keys having any of these finding codes. */
  finding?: string[];
  bu?: string[];
  /** kms_key_version.environment values ("" = untagged). */
  env?: string[];
  account?: string[];
  region?: string[];
  /** Case-insensitive substring of an alias, the ARN or the key id. */
  search?: string;
  sort: { field: KeySort; descending: boolean };
  page: number;
  pageSize: number;
}

export interface KeyListItem {
  keyArn: string;
  keyId: string;
  accountId: string;
  region: string;
  keyManager: string;
  keyState: string;
  keySpec: string;
  keyUsage: string;
  origin: string;
  multiRegion: boolean;
  aliases: string[];
  businessUnit: string;
  environment: string;
  rotationEnabled: boolean | null;
  creationDate: string;
  deletionDate: string | null;
  findings: string[];
  resources: number;
  /** Billed request cost, USD over costWindow; null when the key has no per-key cost rows in it. */
  cost30d: number | null;
  /** Modeled key-month + rotation surcharge, USD for one month in the key's current state. */
  modeledMonthlyCost: number;
  /** The key's usage (storage + rotation + requests) in billMonth from the imported bill; null when the bill does not have the key. */
  billedMonthlyCost: number | null;
}

export interface KeysPage {
  total: number;
  page: number;
  pageSize: number;
  /** The days cost30d covers (ending on the latest per-key cost day); null without per-key data. */
  costWindow: KeyCostWindow | null;
  /** The bill month billedMonthlyCost is read from (the latest final one, else the latest); null without an imported bill. */
  billMonth: BillReferenceMonth | null;
  items: KeyListItem[];
}

interface Row {
  key_arn: string;
  key_id: string;
  account_id: string;
  region: string;
  key_manager: string;
  key_state: string;
  key_spec: string;
  key_usage: string;
  origin: string;
  multi_region: boolean;
  aliases: string[];
  business_unit: string;
  environment: string;
  rotation_enabled: boolean | null;
  creation_date: Date;
  deletion_date: Date | null;
  findings: string[] | null;
  resource_count: number;
  cost_30d: string | null;
  modeled_monthly: string;
  total: number;
}

export interface KeyCostWindow {
  from: string;
  to: string;
  /** Days of the window that have per-key rows: cost30d sums those days only. */
  daysWithData: number;
  /** What cost30d holds: request charges only (no key-month or rotation charges). */
  covers: "requests";
}

/**
 * The KEY_COST_DAYS days ending on the latest per-key cost day, and the days of it that have
 * per-key rows (ascending). The key detail page uses the same window as the list.
 */
export async function keyCostCoverage(db: Db): Promise<{ window: KeyCostWindow; days: Day[] } | null> {
  const latest = await db.keyRequestDaily.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  if (!latest) return null;
  const to = toDay(latest.day);
  const from = addDays(to, -(KEY_COST_DAYS - 1));
  // Resource-level data reaches back 14 days at most: the window is rarely full, so say how much of it is.
  const rows = await db.keyRequestDaily.groupBy({ by: ["day"], where: { day: { gte: new Date(`${from}T00:00:00Z`), lte: latest.day } }, orderBy: { day: "asc" } });
  return { window: { from, to, daysWithData: rows.length, covers: "requests" }, days: rows.map((r) => toDay(r.day)) };
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A search over a key's ARN, id and aliases (alias k: its key version); the findings list searches the same way. */
export function keySearchCondition(search: string, params: SqlParams): string {
  const p = params.add(likePattern(search));
  // The three tests took most of a 21,000-key search, so a printable-ASCII search (any search
  // typed in practice) is one ILIKE over the ARN, the id and the aliases joined by newlines:
  // without a newline it matches the joined text exactly when it matches one of them. Under the
  // "C" collation ILIKE folds ASCII letters only, 3x faster than the database's UTF-8 locale;
  // the same for these texts, which AWS restricts to ASCII (alias names: letters, digits, /_-).
  return /^[\x20-\x7e]+$/.test(search)
    ? `(k.key_arn || E'\\n' || k.key_id || E'\\n' || coalesce(array_to_string(k.aliases, E'\\n'), '')) COLLATE "C" ILIKE ${p}`
    : `(k.key_arn ILIKE ${p} OR k.key_id ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(k.aliases) a WHERE a ILIKE ${p}))`;
}

export async function listKeys(db: Db, query: KeysQuery): Promise<KeysPage> {
  const params = new SqlParams();
  // This literal predicate lets the planner use kms_key_version_current_list_idx (migration
  // 20261123120000_key_list, last rebuilt by 20261205090000), which covers every column the filters and sorts read: the page is
  // chosen from that 7 MB index, not the 68 MB heap.
  const conditions = [`k.valid_to = '${OPEN_END}'::date`];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values?.length) conditions.push(`${column} = ANY(${params.add(values)}::text[])`);
  };
  // An enum compared as an enum (values are validated), not as text: the planner then knows how many match.
  if (query.manager?.length) conditions.push(`k.key_manager = ANY(${params.add(query.manager)}::"KeyManager"[])`);
  anyOf("k.key_state", query.state);
  anyOf("k.key_spec", query.spec);
  anyOf("k.origin", query.origin);
  anyOf("k.business_unit", query.bu);
  anyOf("k.environment", query.env);
  anyOf("k.account_id", query.account);
  anyOf("k.region", query.region);
  if (query.rotation === "enabled") conditions.push("k.rotation_enabled IS TRUE");
  if (query.rotation === "disabled") conditions.push("k.rotation_enabled IS FALSE");
  if (query.rotation === "not-applicable") conditions.push("k.rotation_enabled IS NULL");
  if (query.finding?.length) {
    conditions.push(`EXISTS (SELECT 1 FROM key_finding f WHERE f.key_arn = k.key_arn AND f.code = ANY(${params.add(query.finding)}::text[]))`);
  }
  if (query.search) conditions.push(keySearchCondition(query.search, params));
  const direction = query.sort.descending ? "DESC" : "ASC";
  const [coverage, settings] = await Promise.all([keyCostCoverage(db), loadPolicySettings(db)]);
  const costWindow = coverage?.window ?? null;
  const costFrom = params.add(costWindow?.from ?? null);
  const costTo = params.add(costWindow?.to ?? null);
  const sort = SORT_VALUES[query.sort.field];
  const modeled = modeledMonthlySql(params, applyPriceOverrides(settings.priceOverrides));
  const sortValue = sort.value.replace("$FROM", costFrom).replace("$TO", costTo).replace("$MODELED", modeled);
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH page AS (
       SELECT k.key_arn, ${sortValue} AS sort_value, (count(*) OVER ())::int AS total
       FROM kms_key_version k ${sort.join ?? ""} ${whereClause(conditions)}
       ORDER BY sort_value ${direction} NULLS LAST, k.key_arn LIMIT ${limit} OFFSET ${offset}
     )
     SELECT k.key_arn, k.key_id, k.account_id, k.region, k.key_manager::text AS key_manager, k.key_state, k.key_spec,
       k.key_usage, k.origin, k.multi_region, k.aliases, k.business_unit, k.environment, k.rotation_enabled,
       k.creation_date, k.deletion_date,
       (SELECT array_agg(f.code ORDER BY f.code) FROM key_finding f WHERE f.key_arn = k.key_arn) AS findings,
       coalesce((SELECT s.resources FROM key_current_stats s WHERE s.key_arn = k.key_arn), 0) AS resource_count,
       (SELECT sum(c.cost) FROM key_request_daily c WHERE c.key_arn = k.key_arn AND c.day >= ${costFrom}::date AND c.day <= ${costTo}::date)::text AS cost_30d,
       ${modeled}::text AS modeled_monthly,
       p.total
     FROM page p JOIN kms_key_version k ON k.key_arn = p.key_arn AND k.valid_to = '${OPEN_END}'::date
     ORDER BY p.sort_value ${direction} NULLS LAST, k.key_arn`,
    ...params.values,
  );
  const billMonth = await billReferenceMonth(db);
  const billed = billMonth ? await billedKeyFigures(db, rows.map((r) => r.key_arn), billMonth) : new Map<string, { cost: number }>();
  return {
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    costWindow,
    billMonth,
    items: rows.map((r) => ({
      keyArn: r.key_arn,
      keyId: r.key_id,
      accountId: r.account_id,
      region: r.region,
      keyManager: r.key_manager,
      keyState: r.key_state,
      keySpec: r.key_spec,
      keyUsage: r.key_usage,
      origin: r.origin,
      multiRegion: r.multi_region,
      aliases: r.aliases,
      businessUnit: buLabel(r.business_unit),
      environment: r.environment,
      rotationEnabled: r.rotation_enabled,
      creationDate: r.creation_date.toISOString(),
      deletionDate: r.deletion_date?.toISOString() ?? null,
      findings: r.findings ?? [],
      resources: r.resource_count,
      cost30d: r.cost_30d === null ? null : Number(r.cost_30d),
      modeledMonthlyCost: Number(r.modeled_monthly),
      billedMonthlyCost: billed.get(r.key_arn)?.cost ?? null,
    })),
  };
}
