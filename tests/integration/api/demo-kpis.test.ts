// The API's coverage, non-compliance and cost figures on the small demo organization, checked
// day by day against SQL computed here straight from storage_resource_version and
// kms_cost_daily - not from the rollup tables the API reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as coverage } from "@/app/api/coverage/route";
import { GET as costsByBu } from "@/app/api/costs/by-bu/route";
import { GET as noncompliant } from "@/app/api/noncompliant/route";
import { GET as noncompliantResources } from "@/app/api/resources/noncompliant/route";
import { loadDemo } from "@/lib/demo/load";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { addDays } from "@/lib/domain/days";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const END = "2026-03-31";
const DAYS = [END, addDays(END, -1), addDays(END, -45), addDays(END, -200), addDays(END, -380)];

beforeAll(async () => {
  await resetTables(db);
  await loadDemo(db, { seed: 42, scale: "small", endDay: END }, defaultPolicySettings);
});
afterAll(() => db.$disconnect());

interface Truth {
  resources: number;
  cmk: number;
  sized: number;
  total_bytes: string;
  cmk_bytes: string;
}

async function truthOn(day: string, where = "", values: unknown[] = []): Promise<Truth> {
  const rows = await db.$queryRawUnsafe<Truth[]>(
    `SELECT count(*)::int AS resources, count(*) FILTER (WHERE encryption_class = 'CUSTOMER_KMS')::int AS cmk,
       count(size_bytes)::int AS sized, coalesce(sum(size_bytes), 0)::text AS total_bytes,
       coalesce(sum(size_bytes) FILTER (WHERE encryption_class = 'CUSTOMER_KMS'), 0)::text AS cmk_bytes
     FROM storage_resource_version WHERE valid_from <= $1::date AND valid_to > $1::date ${where}`,
    day,
    ...values,
  );
  return rows[0]!;
}

async function nonCompliantTruth(day: string): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ reason: string; n: number }[]>(
    `SELECT non_compliant_reason::text AS reason, count(*)::int AS n FROM storage_resource_version
     WHERE valid_from <= $1::date AND valid_to > $1::date AND non_compliant_reason IS NOT NULL GROUP BY 1`,
    day,
  );
  return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
}

function expectCoverage(point: Json, truth: Truth) {
  expect(point.resources).toBe(truth.resources);
  expect(point.cmkResources).toBe(truth.cmk);
  expect(point.coverageByCountPct).toBeCloseTo((truth.cmk / truth.resources) * 100, 6);
  expect(point.totalBytes).toBe(truth.total_bytes);
  expect(point.coverageByStoragePct).toBeCloseTo((Number(truth.cmk_bytes) / Number(truth.total_bytes)) * 100, 3);
  expect(point.unknownSizePct).toBeCloseTo(((truth.resources - truth.sized) / truth.resources) * 100, 6);
}

describe("coverage", () => {
  it("matches the resource versions for the whole organization on several days", async () => {
    for (const day of DAYS) {
      const { status, body } = await call(coverage, `/api/coverage?from=${day}&to=${day}`);
      expect(status).toBe(200);
      expect(body.points).toHaveLength(1);
      const truth = await truthOn(day);
      expect(truth.resources).toBeGreaterThan(0);
      // Coverage must be neither trivially 0 nor 100 for the comparison to mean something.
      expect(truth.cmk).toBeGreaterThan(0);
      expect(truth.cmk).toBeLessThan(truth.resources);
      expectCoverage(body.points[0], truth);
    }
  });

  it("matches per business unit (coverage_bu_daily) and for an account + service cut (coverage_interval)", async () => {
    const day = DAYS[2]!;
    const byBu = await call(coverage, `/api/coverage?from=${day}&to=${day}&groupBy=bu`);
    expect(byBu.body.source).toBe("coverage_bu_daily");
    const bus = await db.$queryRawUnsafe<{ bu: string }[]>(
      `SELECT DISTINCT business_unit AS bu FROM storage_resource_version WHERE valid_from <= $1::date AND valid_to > $1::date ORDER BY 1`,
      day,
    );
    expect(byBu.body.points.map((p: Json) => p.group).sort()).toEqual(bus.map((b) => (b.bu === "" ? "(untagged)" : b.bu)).sort());
    for (const { bu } of bus) {
      const point = byBu.body.points.find((p: Json) => p.group === (bu === "" ? "(untagged)" : bu));
      expectCoverage(point, await truthOn(day, "AND business_unit = $2", [bu]));
    }

    const [row] = await db.$queryRawUnsafe<{ account: string }[]>(`SELECT min(account_id) AS account FROM storage_resource_version`);
    const account = row!.account;
    const cut = await call(coverage, `/api/coverage?from=${day}&to=${day}&account=${account}&service=EBS,RDS`);
    expect(cut.body.source).toBe("coverage_interval");
    const truth = await truthOn(day, "AND account_id = $2 AND service::text IN ('EBS', 'RDS')", [account]);
    expect(truth.resources).toBeGreaterThan(0);
    expectCoverage(cut.body.points[0], truth);
  });
});

describe("non-compliance", () => {
  it("counts per day and reason equal the resource versions", async () => {
    const { body } = await call(noncompliant, `/api/noncompliant?from=${DAYS[4]}&to=${END}`);
    expect(body.points.length).toBe(381);
    for (const day of DAYS) {
      const point = body.points.find((p: Json) => p.day === day);
      const truth = await nonCompliantTruth(day);
      const expected = { UNENCRYPTED: 0, SSE_S3: 0, AWS_MANAGED_KEY: 0, KEY_UNUSABLE: 0, UNKNOWN_KEY: 0, ...truth };
      expect(point.byReason).toEqual(expected);
      expect(point.total).toBe(Object.values(truth).reduce((a, b) => a + b, 0));
      expect(point.total).toBeGreaterThan(0);
    }
  });

  it("lists the non-compliant resources of a day with the start of their current stretch", async () => {
    const day = DAYS[1]!;
    const truth = await nonCompliantTruth(day);
    const { status, body } = await call(noncompliantResources, `/api/resources/noncompliant?day=${day}&sort=since&pageSize=40`);
    expect(status).toBe(200);
    expect(body.total).toBe(Object.values(truth).reduce((a, b) => a + b, 0));
    expect(body.items).toHaveLength(40);
    for (const item of body.items) {
      // Walk the resource's versions backwards from the one valid on `day`.
      const versions = await db.storageResourceVersion.findMany({ where: { resourceArn: item.resourceArn }, orderBy: { validFrom: "asc" } });
      const at = versions.findIndex((v) => v.validFrom.toISOString().slice(0, 10) <= day && v.validTo.toISOString().slice(0, 10) > day);
      let start = at;
      while (start > 0 && versions[start - 1]!.nonCompliantReason !== null && versions[start - 1]!.validTo.getTime() === versions[start]!.validFrom.getTime()) start--;
      expect(item.since).toBe(versions[start]!.validFrom.toISOString().slice(0, 10));
      expect(item.reason).toBe(versions[at]!.nonCompliantReason);
    }
    const sinces = body.items.map((i: Json) => i.since);
    expect([...sinces].sort()).toEqual(sinces);
  });
});

describe("cost per business unit", () => {
  async function costTruth(from: string, to: string) {
    return db.$queryRawUnsafe<{ bu: string; category: string; cost: string }[]>(
      `SELECT business_unit AS bu, category::text AS category, sum(unblended_cost)::text AS cost FROM kms_cost_daily
       WHERE day BETWEEN $1::date AND $2::date GROUP BY 1, 2`,
      from,
      to,
    );
  }

  function expectRows(rows: Json[], truth: { bu: string; category: string; cost: string }[]) {
    const label = (bu: string) => (bu === "" ? "(untagged)" : bu);
    expect(rows.map((r) => r.businessUnit).sort()).toEqual([...new Set(truth.map((t) => label(t.bu)))].sort());
    for (const t of truth) {
      const row = rows.find((r) => r.businessUnit === label(t.bu));
      expect(row[t.category === "KEYS" ? "keys" : t.category === "REQUESTS" ? "requests" : "other"]).toBeCloseTo(Number(t.cost), 6);
    }
  }

  it("per day equals kms_cost_daily, untagged kept as (untagged)", async () => {
    for (const day of DAYS) {
      const { body } = await call(costsByBu, `/api/costs/by-bu?from=${day}&to=${day}`);
      const truth = await costTruth(day, day);
      expect(truth.length).toBeGreaterThan(0);
      expectRows(body.rows, truth);
    }
    const { body } = await call(costsByBu, `/api/costs/by-bu?from=${END}&to=${END}`);
    expect(body.rows.some((r: Json) => r.businessUnit === "(untagged)")).toBe(true);
  });

  it("per month (cost_bu_monthly) equals the month's kms_cost_daily", async () => {
    const { body } = await call(costsByBu, `/api/costs/by-bu?granularity=month&from=2025-11-01&to=2026-01-31`);
    expect(body.source).toBe("cost_bu_monthly");
    for (const [from, to] of [["2025-11-01", "2025-11-30"], ["2025-12-01", "2025-12-31"], ["2026-01-01", "2026-01-31"]] as const) {
      expectRows(body.rows.filter((r: Json) => r.period === from), await costTruth(from, to));
    }
  });
});
