// The key inventory as of the latest snapshot (current versions), with each key's findings
// and the number of current resources it protects: filterable, searchable, sortable, paged.
// Each key's cost is its Cost Explorer resource-level cost (key_request_daily) over the 30 days
// ending on the latest day of that table; null, never 0, for a key without rows there.
import { buLabel } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { addDays } from "@/lib/store/days";
import { SqlParams, dayOf, whereClause } from "./sql";

export const KEY_SORTS = ["alias", "created", "state", "spec", "account", "findings", "resources", "bu", "cost"] as const;
/** Days of per-key cost summed into a key's cost column. */
export const KEY_COST_DAYS = 30;
export type KeySort = (typeof KEY_SORTS)[number];
export const ROTATION_FILTERS = ["enabled", "disabled", "not-applicable"] as const;

const SORT_COLUMNS: Record<KeySort, string> = {
  alias: "first_alias",
  created: "creation_date",
  state: "key_state",
  spec: "key_spec",
  account: "account_id",
  findings: "finding_count",
  resources: "resource_count",
  bu: "business_unit",
  cost: "cost_30d",
};

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
  /** USD over costWindow; null when the key has no per-key cost rows in it. */
  cost30d: number | null;
}

export interface KeysPage {
  total: number;
  page: number;
  pageSize: number;
  /** The days cost30d covers (ending on the latest per-key cost day); null without per-key data. */
  costWindow: { from: string; to: string } | null;
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
  total: number;
}

/** The KEY_COST_DAYS days ending on the latest per-key cost day. */
async function keyCostWindow(db: Db): Promise<{ from: string; to: string } | null> {
  const latest = await db.keyRequestDaily.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  if (!latest) return null;
  const to = dayOf(latest.day);
  return { from: addDays(to, -(KEY_COST_DAYS - 1)), to };
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listKeys(db: Db, query: KeysQuery): Promise<KeysPage> {
  const params = new SqlParams();
  const conditions = [`k.valid_to = '9999-12-31'::date`];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values?.length) conditions.push(`${column} = ANY(${params.add(values)}::text[])`);
  };
  anyOf("k.key_manager::text", query.manager);
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
  if (query.search) {
    const p = params.add(likePattern(query.search));
    conditions.push(`(k.key_arn ILIKE ${p} OR k.key_id ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(k.aliases) a WHERE a ILIKE ${p}))`);
  }
  const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.descending ? "DESC" : "ASC"} NULLS LAST, key_arn`;
  const costWindow = await keyCostWindow(db);
  const costFrom = params.add(costWindow?.from ?? null);
  const costTo = params.add(costWindow?.to ?? null);
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH keys AS (
       SELECT k.*, k.aliases[1] AS first_alias,
         (SELECT array_agg(f.code ORDER BY f.code) FROM key_finding f WHERE f.key_arn = k.key_arn) AS findings,
         (SELECT count(*) FROM key_finding f WHERE f.key_arn = k.key_arn)::int AS finding_count,
         (SELECT count(*) FROM storage_resource_version r WHERE r.key_arn = k.key_arn AND r.valid_to = '9999-12-31'::date)::int AS resource_count,
         (SELECT sum(c.cost) FROM key_request_daily c WHERE c.key_arn = k.key_arn AND c.day >= ${costFrom}::date AND c.day <= ${costTo}::date) AS cost_30d
       FROM kms_key_version k ${whereClause(conditions)}
     )
     SELECT key_arn, key_id, account_id, region, key_manager::text AS key_manager, key_state, key_spec, key_usage, origin,
       multi_region, aliases, business_unit, environment, rotation_enabled, creation_date, deletion_date, findings,
       resource_count, cost_30d::text AS cost_30d, (count(*) OVER ())::int AS total
     FROM keys ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    ...params.values,
  );
  return {
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    costWindow,
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
    })),
  };
}
