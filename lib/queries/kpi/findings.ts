// Current key findings (key_finding) with the key they are on: counts per code and severity,
// and a filterable, paged list with evidence.
import type { Db } from "@/lib/db/client";
import { keySearchCondition } from "./keys";
import { SqlParams, whereClause } from "./sql";
import { OPEN_END, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { describeFinding } from "@/lib/kpi/finding-text";

export interface FindingsQuery {
  code?: string[];
  severity?: string[];
  bu?: string[];
  account?: string[];
  /** The key's region and environment tag (a finding has its key's dimensions; no storage service). */
  region?: string[];
  env?: string[];
  /** Findings first seen on or after this day (the weekly digest's "new this week"). */
  firstSeenFrom?: string;
  /** Over the key's ARN, id and aliases, as the keys list searches. */
  search?: string;
  /** Default: severity, worst first. */
  sort?: { field: FindingSort; descending: boolean };
  page: number;
  pageSize: number;
}

interface Row {
  key_arn: string;
  code: string;
  severity: string;
  evidence: unknown;
  first_seen: Date;
  account_id: string | null;
  region: string | null;
  aliases: string[] | null;
  business_unit: string | null;
  key_state: string | null;
  total: number;
}

const SEVERITY_ORDER = `CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

export const FINDING_SORTS = ["severity", "code", "since", "bu", "account"] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];
/** "severity" ascending is worst first (critical = 0). */
const SORT_VALUES: Record<FindingSort, string> = {
  severity: SEVERITY_ORDER,
  code: "f.code",
  since: "f.first_seen",
  bu: "k.business_unit",
  account: "k.account_id",
};

/** The findings matching the filters, as a FROM clause (alias f: finding, k: its current key version). */
export function findingsFrom(query: Omit<FindingsQuery, "page" | "pageSize">, params: SqlParams): string {
  const conditions: string[] = [];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values?.length) conditions.push(`${column} = ANY(${params.add(values)}::text[])`);
  };
  anyOf("f.code", query.code);
  anyOf("f.severity", query.severity);
  anyOf("k.business_unit", query.bu);
  anyOf("k.account_id", query.account);
  anyOf("k.region", query.region);
  anyOf("k.environment", query.env);
  if (query.firstSeenFrom) conditions.push(`f.first_seen >= ${params.add(query.firstSeenFrom)}::date`);
  if (query.search) conditions.push(keySearchCondition(query.search, params));
  return `FROM key_finding f LEFT JOIN kms_key_version k ON k.key_arn = f.key_arn AND k.valid_to = '${OPEN_END}'::date ${whereClause(conditions)}`;
}

export async function listFindings(db: Db, query: FindingsQuery) {
  const params = new SqlParams();
  const from = findingsFrom(query, params);
  const filterValues = [...params.values];
  const sort = query.sort ?? { field: "severity", descending: false };
  const limit = params.add(query.pageSize);
  const offset = params.add((query.page - 1) * query.pageSize);
  const [rows, summary] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(
      `SELECT f.key_arn, f.code, f.severity, f.evidence, f.first_seen, k.account_id, k.region, k.aliases, k.business_unit, k.key_state,
         (count(*) OVER ())::int AS total
       ${from} ORDER BY ${SORT_VALUES[sort.field]} ${sort.descending ? "DESC" : "ASC"} NULLS LAST, ${SEVERITY_ORDER}, f.code, f.key_arn LIMIT ${limit} OFFSET ${offset}`,
      ...params.values,
    ),
    db.$queryRawUnsafe<{ code: string; severity: string; n: number }[]>(
      `SELECT f.code, f.severity, count(*)::int AS n ${from} GROUP BY f.code, f.severity ORDER BY f.code`,
      ...filterValues,
    ),
  ]);
  return {
    total: summary.reduce((a, s) => a + s.n, 0),
    byCode: Object.fromEntries(summary.map((s) => [s.code, s.n])),
    bySeverity: summary.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.severity]: (acc[s.severity] ?? 0) + s.n }), {}),
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      keyArn: r.key_arn,
      code: r.code,
      severity: r.severity,
      evidence: r.evidence,
      // The evidence as a sentence and the fix (lib/kpi/finding-text.ts): the page and its CSV show these.
      ...describeFinding(r.code, r.evidence),
      firstSeen: toDay(r.first_seen),
      accountId: r.account_id,
      region: r.region,
      aliases: r.aliases ?? [],
      businessUnit: r.business_unit === null ? null : buLabel(r.business_unit),
      keyState: r.key_state,
    })),
  };
}
