// GET /api/findings/summary: how many current key findings there are per severity, code, business
// unit and account, under the same filters as GET /api/findings, so the findings page shows every
// count as a filter link and the list's total equals the count clicked.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import type { Db } from "@/lib/db/client";
import { buLabel } from "@/lib/domain/business-unit";
import { findingsFrom, type FindingsQuery } from "@/lib/queries/kpi/findings";
import { SqlParams } from "@/lib/queries/kpi/sql";
import { findingFilterParams, severities } from "../findings";

type Severity = (typeof severities)[number];
type BySeverity = Record<Severity, number>;

interface Group {
  severity: Severity;
  code: string;
  business_unit: string | null;
  account_id: string | null;
  n: number;
}

const noneYet = (): BySeverity => ({ critical: 0, high: 0, medium: 0, low: 0 });

/** Counts per value of one dimension, with the split by severity; most findings first, then by name. */
function countBy<K extends string, V extends string | null>(groups: Group[], keyOf: (g: Group) => V, name: K) {
  const counts = new Map<V, { findings: number; bySeverity: BySeverity }>();
  for (const g of groups) {
    const key = keyOf(g);
    const entry = counts.get(key) ?? { findings: 0, bySeverity: noneYet() };
    entry.findings += g.n;
    entry.bySeverity[g.severity] += g.n;
    counts.set(key, entry);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y.findings - x.findings || String(a).localeCompare(String(b)))
    .map(([value, entry]) => ({ [name]: value, ...entry }) as { [P in K]: V } & { findings: number; bySeverity: BySeverity });
}

export async function findingsSummary(db: Db, filters: Omit<FindingsQuery, "page" | "pageSize">) {
  const params = new SqlParams();
  const groups = await db.$queryRawUnsafe<Group[]>(
    `SELECT f.severity, f.code, k.business_unit, k.account_id, count(*)::int AS n ${findingsFrom(filters, params)}
     GROUP BY f.severity, f.code, k.business_unit, k.account_id`,
    ...params.values,
  );
  const bySeverity = noneYet();
  for (const g of groups) bySeverity[g.severity] += g.n;
  // A finding whose key has no current version has no BU or account: null, never dropped.
  return {
    total: groups.reduce((sum, g) => sum + g.n, 0),
    bySeverity,
    byCode: countBy(groups, (g) => g.code, "code").map((c) => ({ ...c, severity: groups.find((g) => g.code === c.code)!.severity })),
    byBusinessUnit: countBy(groups, (g) => (g.business_unit === null ? null : buLabel(g.business_unit)), "businessUnit"),
    byAccount: countBy(groups, (g) => g.account_id, "accountId"),
  };
}

export const findingsSummaryEndpoint = defineEndpoint({
  route: "GET /api/findings/summary",
  access: "read",
  params: z.strictObject(findingFilterParams),
  query: findingsSummary,
});
