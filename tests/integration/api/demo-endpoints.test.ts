// The list, detail, savings, chargeback and settings endpoints on the small demo organization,
// each checked against what the stored inventory says, computed here in SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as chargeback } from "@/app/api/costs/chargeback/route";
import { GET as modeled } from "@/app/api/costs/modeled/route";
import { GET as findings } from "@/app/api/findings/route";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { GET as keys } from "@/app/api/keys/route";
import { GET as noncompliant } from "@/app/api/noncompliant/route";
import { GET as overview } from "@/app/api/overview/route";
import { GET as runDetail } from "@/app/api/runs/[id]/route";
import { GET as runs } from "@/app/api/runs/route";
import { GET as bucketKeys } from "@/app/api/savings/bucket-keys/route";
import { GET as idleKeys } from "@/app/api/savings/idle-keys/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/route";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { loadDemo } from "@/lib/demo/load";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { addDays } from "@/lib/domain/days";
import { resetTables, testDb } from "../support/db";
import { expectedNonCompliant } from "../support/expected-non-compliant";
import { runSettingsRecompute } from "../support/settings-recompute";
import { call, type Json } from "./call";

const db = testDb();
const END = "2026-03-31";

beforeAll(async () => {
  await resetTables(db);
  await loadDemo(db, { seed: 42, scale: "small", endDay: END }, defaultPolicySettings);
});
afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});

const one = async <T>(sql: string, ...values: unknown[]) => (await db.$queryRawUnsafe<T[]>(sql, ...values))[0]!;

describe("keys", () => {
  it("lists the current inventory with filters, search and pages", async () => {
    const all = await call(keys, "/api/keys?pageSize=500");
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM kms_key_version WHERE valid_to = '9999-12-31'`);
    expect(all.body.total).toBe(n);
    const { cmk } = await one<{ cmk: number }>(`SELECT count(*)::int AS cmk FROM kms_key_version WHERE valid_to = '9999-12-31' AND key_manager = 'CUSTOMER'`);
    const cmks = await call(keys, "/api/keys?manager=CUSTOMER&pageSize=7&page=2&sort=-created");
    expect(cmks.body.total).toBe(cmk);
    expect(cmks.body.items).toHaveLength(7);
    const created = cmks.body.items.map((k: Json) => k.creationDate);
    expect([...created].sort().reverse()).toEqual(created);

    const withFinding = await call(keys, "/api/keys?finding=ROTATION_DISABLED&pageSize=500");
    const { rd } = await one<{ rd: number }>(`SELECT count(*)::int AS rd FROM key_finding WHERE code = 'ROTATION_DISABLED'`);
    expect(withFinding.body.total).toBe(rd);
    expect(withFinding.body.items.every((k: Json) => k.findings.includes("ROTATION_DISABLED") && k.rotationEnabled === false)).toBe(true);

    const sample = all.body.items.find((k: Json) => k.aliases.length > 0);
    const search = await call(keys, `/api/keys?search=${encodeURIComponent(sample.aliases[0].toUpperCase())}`);
    expect(search.body.items.map((k: Json) => k.keyArn)).toContain(sample.keyArn);
  });

  it("details one key: findings, protected resources, request trend; 404 for an unknown key", async () => {
    const { key_arn, n } = await one<{ key_arn: string; n: number }>(
      `SELECT key_arn, count(*)::int AS n FROM storage_resource_version WHERE valid_to = '9999-12-31' AND key_arn IS NOT NULL
       GROUP BY key_arn ORDER BY n DESC, key_arn LIMIT 1`,
    );
    const { status, body } = await call(keyDetail, "/api/keys/x", { params: { arn: encodeURIComponent(key_arn) } });
    expect(status).toBe(200);
    expect(body.metadata.keyArn).toBe(key_arn);
    expect(body.resources).toHaveLength(n);
    const stored = await db.keyFinding.findMany({ where: { keyArn: key_arn } });
    expect(body.findings.map((f: Json) => f.code).sort()).toEqual(stored.map((f) => f.code).sort());
    const { days } = await one<{ days: number }>(`SELECT count(*)::int AS days FROM key_request_daily WHERE key_arn = $1`, key_arn);
    expect(body.requestTrend).toHaveLength(days);

    const missing = await call(keyDetail, "/api/keys/x", { params: { arn: encodeURIComponent(key_arn.replace(/key\/.*/, "key/00000000-0000-0000-0000-000000000000")) } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });
});

describe("findings and savings", () => {
  it("lists every stored finding with per-code counts", async () => {
    const { body } = await call(findings, "/api/findings?pageSize=500");
    const rows = await db.keyFinding.groupBy({ by: ["code"], _count: { _all: true } });
    expect(body.total).toBe(rows.reduce((a, r) => a + r._count._all, 0));
    expect(body.byCode).toEqual(Object.fromEntries(rows.map((r) => [r.code, r._count._all])));
    expect(body.items[0].severity).toBe("critical");
  });

  it("prices Bucket Keys from the per-key request average, never a silent zero", async () => {
    const { body } = await call(bucketKeys, "/api/savings/bucket-keys?pageSize=500");
    const { candidates } = await one<{ candidates: number }>(
      `SELECT count(*)::int AS candidates FROM storage_resource_version WHERE valid_to = '9999-12-31' AND service = 'S3'
       AND sse_algorithm = 'aws:kms' AND encryption_class IN ('CUSTOMER_KMS', 'AWS_MANAGED_KMS') AND bucket_key_enabled = false`,
    );
    expect(body.total).toBe(candidates);
    for (const row of body.items) {
      if (row.basis === "no-data") expect(row.monthlySavings).toBeNull();
      else expect(row.monthlySavings).toBeGreaterThan(0);
    }
    const exact = body.items.find((r: Json) => r.basis === "exact");
    expect(exact).toBeDefined();
    const { avg } = await one<{ avg: number }>(
      `SELECT (sum(requests)::float8 / (SELECT count(DISTINCT day) FROM key_request_daily)) AS avg FROM key_request_daily WHERE key_arn = $1`,
      exact.keyArn,
    );
    expect(exact.monthlyRequests).toBeCloseTo(avg * 30, 6);
    expect(exact.monthlySavings).toBeCloseTo(avg * 30 * (0.03 / 10_000) * 0.97, 9);

    // A BU filter lists fewer buckets but prices each the same: a key's volume is shared by all its users.
    const shared = body.items.find((r: Json) => r.basis === "estimated-shared") ?? exact;
    const filtered = (await call(bucketKeys, `/api/savings/bucket-keys?pageSize=500&bu=${encodeURIComponent(shared.businessUnit)}`)).body;
    const { inBu } = await one<{ inBu: number }>(
      `SELECT count(*)::int AS "inBu" FROM storage_resource_version WHERE valid_to = '9999-12-31' AND service = 'S3' AND business_unit = $1
       AND sse_algorithm = 'aws:kms' AND encryption_class IN ('CUSTOMER_KMS', 'AWS_MANAGED_KMS') AND bucket_key_enabled = false`,
      shared.businessUnit === "(untagged)" ? "" : shared.businessUnit,
    );
    expect(filtered.total).toBe(inBu);
    expect(filtered.total).toBeLessThan(body.total);
    expect(filtered.items.every((r: Json) => r.businessUnit === shared.businessUnit)).toBe(true);
    expect(filtered.items.find((r: Json) => r.resourceArn === shared.resourceArn)).toEqual(shared);
    const sum = (items: Json[], basis: string) => items.filter((r) => r.basis === basis).reduce((a, r) => a + r.monthlySavings, 0);
    expect(filtered.totals.estimated).toBeCloseTo(sum(filtered.items, "estimated-shared"), 9);
    expect(filtered.totals.exact).toBeCloseTo(sum(filtered.items, "exact"), 9);
  });

  it("sums idle-key savings over keys with UNUSED or DISABLED_BILLED", async () => {
    const { body } = await call(idleKeys, "/api/savings/idle-keys");
    const { n } = await one<{ n: number }>(`SELECT count(DISTINCT key_arn)::int AS n FROM key_finding WHERE code IN ('UNUSED', 'DISABLED_BILLED')`);
    expect(body.total).toBe(n);
    expect(body.monthlySavings).toBeGreaterThanOrEqual(n); // at least $1 per key-month each
  });
});

describe("chargeback", () => {
  it("keeps the billed total whether untagged cost is reallocated or not", async () => {
    const none = await call(chargeback, "/api/costs/chargeback?from=2026-02-01&to=2026-02-28");
    const proportional = await call(chargeback, "/api/costs/chargeback?from=2026-02-01&to=2026-02-28&allocation=proportional");
    const { total } = await one<{ total: number }>(`SELECT sum(unblended_cost)::float8 AS total FROM kms_cost_daily WHERE day BETWEEN '2026-02-01' AND '2026-02-28'`);
    expect(none.body.total).toBeCloseTo(total, 6);
    expect(proportional.body.total).toBeCloseTo(total, 6);
    const untagged = none.body.rows.find((r: Json) => r.x_BusinessUnit === "(untagged)");
    expect(untagged.BilledCost).toBeGreaterThan(0);
    expect(proportional.body.rows.some((r: Json) => r.x_BusinessUnit === "(untagged)")).toBe(false);
    const tagged = none.body.rows.filter((r: Json) => r.x_BusinessUnit !== "(untagged)");
    const taggedTotal = tagged.reduce((a: number, r: Json) => a + r.BilledCost, 0);
    for (const r of tagged) {
      const after = proportional.body.rows.find((p: Json) => p.x_BusinessUnit === r.x_BusinessUnit);
      expect(after.x_ReallocatedCost).toBeCloseTo((untagged.BilledCost * r.BilledCost) / taggedTotal, 6);
    }
  });
});

describe("modeled cost", () => {
  it("puts billed figures from the stored costs beside the model", async () => {
    const { status, body } = await call(modeled, "/api/costs/modeled?month=2026-02&pageSize=500");
    expect(status).toBe(200);
    expect(body.period).toEqual({ start: "2026-02-01", endExclusive: "2026-03-01" });
    // The requests compared are those of the days with per-key rows: say which of the 28.
    const covered = await one<{ days: number; first: string | null; last: string | null }>(
      `SELECT count(DISTINCT day)::int AS days, min(day)::text AS first, max(day)::text AS last FROM key_request_daily WHERE day BETWEEN '2026-02-01' AND '2026-02-28'`,
    );
    expect(body.requestDays).toEqual({ covered: covered.days, period: 28, from: covered.first, to: covered.last });
    const billed = await db.$queryRawUnsafe<{ bu: string; total: number; keys: number; requests: number }[]>(
      `SELECT business_unit AS bu, sum(unblended_cost)::float8 AS total, coalesce(sum(unblended_cost) FILTER (WHERE category = 'KEYS'), 0)::float8 AS keys,
         coalesce(sum(unblended_cost) FILTER (WHERE category = 'REQUESTS' AND day IN (SELECT day FROM key_request_daily)), 0)::float8 AS requests
       FROM kms_cost_daily WHERE day BETWEEN '2026-02-01' AND '2026-02-28' GROUP BY 1`,
    );
    for (const b of billed) {
      const row = body.byBusinessUnit.find((r: Json) => r.businessUnit === (b.bu === "" ? "(untagged)" : b.bu));
      expect(row.billedTotal).toBeCloseTo(b.total, 6);
      expect(row.keyStorage.billed).toBeCloseTo(b.keys, 6);
      if (covered.days) expect(row.requests.billed).toBeCloseTo(b.requests, 6);
      else expect(row.requests).toBeNull();
    }
    const withRequests = body.keys.find((k: Json) => k.requests !== null && k.keySpec === "SYMMETRIC_DEFAULT");
    const observed = await one<{ requests: number; cost: number }>(
      `SELECT sum(requests)::float8 AS requests, sum(cost)::float8 AS cost FROM key_request_daily
       WHERE key_arn = $1 AND day BETWEEN '2026-02-01' AND '2026-02-28'`,
      withRequests.keyArn,
    );
    expect(withRequests.requests).toBe(observed.requests);
    expect(withRequests.requestCost).toBeCloseTo((observed.requests * 0.03) / 10_000, 9);
    expect(withRequests.billedRequestCost).toBeCloseTo(observed.cost, 6);
    // The demo bills key storage like the price table, so the model must land within 1% of the bill.
    const total = (side: string, field: string) => body.byBusinessUnit.reduce((a: number, r: Json) => a + (r[side]?.[field] ?? 0), 0);
    expect(Math.abs(total("keyStorage", "modeled") - total("keyStorage", "billed")) / total("keyStorage", "billed")).toBeLessThan(0.01);
    // Its per-key request rows add up to its billed requests on the same days: like for like, equal to the cent.
    expect(total("requests", "modeled")).toBeCloseTo(total("requests", "billed"), 2);
  });
});

describe("overview", () => {
  it("returns 13 months of series and tiles consistent with the series", async () => {
    const { status, body } = await call(overview, "/api/overview");
    expect(status).toBe(200);
    // 13 months: from the first day of the month a year before END's month, weekly points back from END.
    expect(body.window).toEqual({ from: "2025-03-01", to: END });
    const days = body.series.coverage.map((p: Json) => p.day as string);
    expect(days.at(-1)).toBe(END);
    expect(days.every((d: string) => (Date.parse(END) - Date.parse(d)) % (7 * 86_400_000) === 0)).toBe(true);
    expect(days.length).toBe(Math.floor((Date.parse(END) - Date.parse("2025-03-01")) / (7 * 86_400_000)) + 1);
    expect(body.series.nonCompliantByReason.map((p: Json) => p.day)).toEqual(days);
    expect(body.tiles.coverage).toEqual(body.series.coverage.at(-1));
    expect(new Set(body.series.costByBuMonthly.map((r: Json) => r.period)).size).toBe(13);
    expect(body.series.topBuckets.length).toBeLessThanOrEqual(10);
  });
});

describe("settings", () => {
  it("recomputes history when cmkRequiredClassifications changes", async () => {
    const older = addDays(END, -250);
    const before = await call(noncompliant, `/api/noncompliant?from=${older}&to=${older}`);
    expect(before.body.points[0].total).toBe(await expectedNonCompliant(db, older, ["confidential", "restricted"]));

    const put = await call(putSettings, "/api/settings", { method: "PUT", body: { cmkRequiredClassifications: ["internal"] } });
    expect(put.status).toBe(200);
    expect(put.body.changed).toEqual(["cmkRequiredClassifications"]);
    expect(put.body.recomputed).toEqual(["compliance"]);
    // The recompute runs on the worker (tests/integration/api/settings-recompute.test.ts).
    await runSettingsRecompute(db);

    const after = await call(noncompliant, `/api/noncompliant?from=${older}&to=${older}`);
    const expected = await expectedNonCompliant(db, older, ["internal"]);
    expect(expected).not.toBe(before.body.points[0].total);
    expect(after.body.points[0].total).toBe(expected);
    expect((await call(getSettings, "/api/settings")).body.settings.cmkRequiredClassifications).toEqual(["internal"]);
  });

  it("refuses an invalid setting with a 400 naming it, and stores nothing", async () => {
    const put = await call(putSettings, "/api/settings", { method: "PUT", body: { unusedKeyDays: 0 } });
    expect(put.status).toBe(400);
    expect(put.body.error.message).toContain("unusedKeyDays");
    const unknown = await call(putSettings, "/api/settings", { method: "PUT", body: { colour: "red" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("colour");
    expect((await call(getSettings, "/api/settings")).body.settings.unusedKeyDays).toBe(90);
  });
});

describe("the demo's run", () => {
  // The demo writes its history directly; its run says what a real run would have recorded.
  it("is one finished DEMO run whose units hold the last day's inventory and whose notices name the skipped databases", async () => {
    const list = await call(runs, "/api/runs");
    expect(list.body.items.map((r: Json) => [r.trigger, r.status])).toEqual([["DEMO", "SUCCEEDED"]]);
    const { body } = await call(runDetail, "/api/runs/x", { params: { id: list.body.items[0].id } });
    expect(body.snapshotDay).toBe(END);
    const sum = (field: "keys" | "resources") => body.units.reduce((n: number, u: Json) => n + u[field], 0);
    const { keys: k, resources: r } = await one<{ keys: number; resources: number }>(
      `SELECT (SELECT count(*)::int FROM kms_key_version WHERE valid_to = '9999-12-31') AS keys,
              (SELECT count(*)::int FROM storage_resource_version WHERE valid_to = '9999-12-31') AS resources`,
    );
    expect([sum("keys"), sum("resources")]).toEqual([k, r]);
    const notices = body.warningsByScope.flatMap((g: Json) => g.warnings.map((w: Json) => [g.accountId, w.code]));
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map(([, code]: string[]) => code))).toEqual(new Set(["RDS_ENGINE_SKIPPED"]));
    // No DocumentDB or Neptune database became an RDS resource.
    const { docs } = await one<{ docs: number }>(`SELECT count(*)::int AS docs FROM storage_resource_version WHERE name ~ '^(docs|graph)-'`);
    expect(docs).toBe(0);
  });

  it("keeps buckets on another account's key as CMK-encrypted with the key unresolved", async () => {
    const { n, classes } = await one<{ n: number; classes: string[] }>(
      `SELECT count(*)::int AS n, array_agg(DISTINCT encryption_class::text || '/' || coalesce(key_arn, 'unresolved')) AS classes
       FROM storage_resource_version WHERE key_ref LIKE 'arn:aws:kms:%:999988887777:alias/shared'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(classes).toEqual(["CUSTOMER_KMS/unresolved"]);
  });
});
