// GET /api/overview under the whole global filter bar (issue 19): account, region, environment and
// service besides the business unit. A hand-made estate, every figure below computed by hand:
//   account A (111…), payments:
//     us-east-1, prod: a-cmk-1, a-cmk-2 (S3 on a CMK, 100 B each), a-sse (S3 SSE-S3, CMK required, 300 B)
//     eu-west-1, dev:  a-ebs (EBS on an AWS managed key, CMK required, 500 B)
//   account B (222…), analytics, us-east-1, prod:
//     b-cmk (S3 on a CMK, 1000 B), b-none (EBS unencrypted, CMK required, size unknown),
//     b-sse (S3 SSE-S3, no CMK required: compliant, 200 B)
//   Keys: kA1 (A, us-east-1, prod, enabled), kA2 (A, eu-west-1, dev, disabled), kB1 (B, us-east-1,
//     prod), kB-aws (B, us-east-1, AWS managed). Findings: kA1 critical, kA2 high, kB1 critical + low.
//   Cost (latest day Dec 5): A us-east-1 Nov 10 keys $2.00, Dec 2 keys $1.00; A eu-west-1 Nov 12
//     requests $0.50, Dec 3 requests $0.25; B us-east-1 Nov 15 keys $4.00, Dec 5 keys $3.00.
//   Bucket Key savings: a-cmk-1 (A) $3.00 exact, b-cmk (B) $5.00 exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as overviewApi } from "@/app/api/overview/route";
import { GET as findingsApi } from "@/app/api/findings/route";
import { GET as keysApi } from "@/app/api/keys/route";
import { GET as resourcesApi } from "@/app/api/resources/noncompliant/route";
import { dayToDate } from "@/lib/domain/days";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { recomputeCoverage } from "@/lib/rollups/coverage";
import { markFresh } from "@/lib/store/freshness";
import { storeBucketKeySavingsTotals } from "@/lib/rollups/bucket-key-savings";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const A = "111111111111";
const B = "222222222222";
afterAll(() => db.$disconnect());

type Reason = "AWS_MANAGED_KEY" | "SSE_S3" | "UNENCRYPTED" | null;
type Where = { account: string; region: string; bu: string; env: string };
const AP = { account: A, region: "us-east-1", bu: "payments", env: "prod" };
const AD = { account: A, region: "eu-west-1", bu: "payments", env: "dev" };
const BP = { account: B, region: "us-east-1", bu: "analytics", env: "prod" };

beforeAll(async () => {
  await resetTables(db);
  const resource = (name: string, at: Where, service: "S3" | "EBS", encryptionClass: "CUSTOMER_KMS" | "AWS_MANAGED_KMS" | "SSE_S3" | "NONE", reason: Reason, sizeBytes: bigint | null, requiresCmk = reason !== null) => ({
    resourceArn: service === "S3" ? `arn:aws:s3:::${name}` : `arn:aws:ec2:${at.region}:${at.account}:volume/${name}`, accountId: at.account, region: at.region, service, name, businessUnit: at.bu, environment: at.env, encryptionClass, sizeBytes,
    validFrom: dayToDate("2026-11-01"), contentHash: name, requiresCmk, nonCompliantReason: reason, nonCompliantSince: reason ? dayToDate("2026-11-01") : null,
  });
  await db.storageResourceVersion.createMany({
    data: [
      resource("a-cmk-1", AP, "S3", "CUSTOMER_KMS", null, 100n),
      resource("a-cmk-2", AP, "S3", "CUSTOMER_KMS", null, 100n),
      resource("a-sse", AP, "S3", "SSE_S3", "SSE_S3", 300n),
      resource("a-ebs", AD, "EBS", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY", 500n),
      resource("b-cmk", BP, "S3", "CUSTOMER_KMS", null, 1000n),
      resource("b-none", BP, "EBS", "NONE", "UNENCRYPTED", null),
      resource("b-sse", BP, "S3", "SSE_S3", null, 200n, false),
    ],
  });
  await recomputeCoverage(db, "2026-11-01", "2026-12-05");
  await markFresh(db, { source: "inventory", day: "2026-12-05", runId: null, scopes: [{ accountId: A, region: "us-east-1" }] });

  const key = (id: string, at: Where, keyManager: "CUSTOMER" | "AWS", keyState = "Enabled") => ({
    keyArn: `arn:aws:kms:${at.region}:${at.account}:key/${id}`, accountId: at.account, region: at.region, keyId: id, validFrom: dayToDate("2026-11-01"), contentHash: id, keyManager,
    keyState, keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", multiRegion: false, creationDate: new Date("2026-10-01T00:00:00Z"), aliases: [], businessUnit: at.bu, environment: at.env,
  });
  const keys = [key("kA1", AP, "CUSTOMER"), key("kA2", AD, "CUSTOMER", "Disabled"), key("kB1", BP, "CUSTOMER"), key("kB-aws", BP, "AWS")];
  await db.kmsKeyVersion.createMany({ data: keys });
  const finding = (k: (typeof keys)[number], code: string, severity: string) => ({ keyArn: k.keyArn, code, severity, firstSeen: dayToDate("2026-11-02") });
  await db.keyFinding.createMany({
    data: [finding(keys[0]!, "PUBLIC_POLICY", "critical"), finding(keys[1]!, "BROAD_USAGE", "high"), finding(keys[2]!, "PUBLIC_POLICY", "critical"), finding(keys[2]!, "MISSING_TAGS", "low")],
  });

  const cost = (day: string, at: Where, category: "KEYS" | "REQUESTS", unblendedCost: number) => ({
    day: dayToDate(day), accountId: at.account, businessUnit: at.bu, costCenter: "", usageType: `KMS-${category}`, region: at.region, category, unblendedCost, usageQuantity: 1,
  });
  await db.kmsCostDaily.createMany({
    data: [cost("2026-11-10", AP, "KEYS", 2), cost("2026-12-02", AP, "KEYS", 1), cost("2026-11-12", AD, "REQUESTS", 0.5), cost("2026-12-03", AD, "REQUESTS", 0.25), cost("2026-11-15", BP, "KEYS", 4), cost("2026-12-05", BP, "KEYS", 3)],
  });
  await recomputeCostMonthly(db, "2026-11-01", "2026-12-31");

  const bucket = (name: string, at: Where, position: number, monthlySavings: number) => ({
    resourceArn: `arn:aws:s3:::${name}`, position, name, accountId: at.account, region: at.region, businessUnit: at.bu, keyArn: null, encryptionClass: "CUSTOMER_KMS", basis: "exact", monthlyRequests: 1000, requestSource: "costExplorer", monthlySavings,
  });
  await db.bucketKeySavings.createMany({ data: [bucket("b-cmk", BP, 0, 5), bucket("a-cmk-1", AP, 1, 3)] });
  await db.$transaction(storeBucketKeySavingsTotals(db)); // as the rollup step writes them with the list
});

async function overviewOf(query: string): Promise<Json> {
  const { status, body } = await call(overviewApi, `/api/overview${query}`);
  expect(status).toBe(200);
  return body;
}

const coverageTiles = (body: Json) => ({
  resources: body.tiles.coverage.resources,
  cmk: body.tiles.coverage.cmkResources,
  byCount: Number(body.tiles.coverage.coverageByCountPct.toFixed(1)),
  byStorage: body.tiles.coverage.coverageByStoragePct === null ? null : Number(body.tiles.coverage.coverageByStoragePct.toFixed(1)),
  nonCompliant: body.tiles.nonCompliant.byReason,
});
const nc = (SSE_S3: number, AWS_MANAGED_KEY: number, UNENCRYPTED: number) => ({ SSE_S3, AWS_MANAGED_KEY, UNENCRYPTED, KEY_UNUSABLE: 0, UNKNOWN_KEY: 0 });

describe("the overview's coverage under every filter", () => {
  it("counts the whole organization without a filter", async () => {
    const body = await overviewOf("");
    // 3 of 7 on a CMK; storage 1200 of 2200 sized bytes.
    expect(coverageTiles(body)).toEqual({ resources: 7, cmk: 3, byCount: 42.9, byStorage: 54.5, nonCompliant: nc(1, 1, 1) });
    expect(body.filtersNotApplied).toEqual({});
  });

  it.each([
    // A: 2 of 4 on a CMK; 200 of 1000 bytes.
    [`?account=${A}`, { resources: 4, cmk: 2, byCount: 50, byStorage: 20, nonCompliant: nc(1, 1, 0) }],
    // us-east-1: 3 of 6; 1200 of 1700 bytes (b-none's size is unknown).
    ["?region=us-east-1", { resources: 6, cmk: 3, byCount: 50, byStorage: 70.6, nonCompliant: nc(1, 0, 1) }],
    ["?env=dev", { resources: 1, cmk: 0, byCount: 0, byStorage: 0, nonCompliant: nc(0, 1, 0) }],
    // EBS: a-ebs and b-none; only a-ebs has a size (500 B, none on a CMK).
    ["?service=EBS", { resources: 2, cmk: 0, byCount: 0, byStorage: 0, nonCompliant: nc(0, 1, 1) }],
    // A's S3: 2 of 3; 200 of 500 bytes.
    [`?account=${A}&service=S3`, { resources: 3, cmk: 2, byCount: 66.7, byStorage: 40, nonCompliant: nc(1, 0, 0) }],
  ])("%s: tiles and reason bars from the filtered rows", async (query, expected) => {
    expect(coverageTiles(await overviewOf(query))).toEqual(expected);
  });

  it("gives the per-BU table and the weekly series under the filter, worst coverage first", async () => {
    const body = await overviewOf("?region=us-east-1");
    // payments 2 of 3 (66.7 %), analytics 1 of 3 (33.3 %).
    expect(body.tiles.coverageByBusinessUnit.map((r: Json) => [r.businessUnit, r.resources, r.coverageByCountPct, r.nonCompliant])).toEqual([
      ["analytics", 3, 33.3, 1],
      ["payments", 3, 66.7, 1],
    ]);
    const last = body.series.coverage.at(-1);
    expect([last.day, last.resources, last.cmkResources]).toEqual(["2026-12-05", 6, 3]);
    expect(body.series.nonCompliantByReason.at(-1).total).toBe(2);
    // 30 days earlier the estate was the same: no change, not an unknown one.
    expect(body.tiles.change.coverageByCountPts).toBe(0);
  });

  it("keeps the business-unit filter on the per-BU rollup, with the same figures", async () => {
    const body = await overviewOf("?bu=analytics");
    expect(coverageTiles(body)).toEqual({ resources: 3, cmk: 1, byCount: 33.3, byStorage: 83.3, nonCompliant: nc(0, 0, 1) });
    expect(body.tiles.coverageByBusinessUnit.map((r: Json) => r.businessUnit)).toEqual(["analytics"]);
  });

  it("matches the resources list's total for the same filters", async () => {
    for (const query of [`?account=${A}`, "?region=us-east-1", "?env=dev", "?service=EBS"]) {
      const body = await overviewOf(query);
      const list = await call(resourcesApi, `/api/resources/noncompliant${query}`);
      expect(list.body.total, query).toBe(body.tiles.nonCompliant.total);
    }
  });
});

describe("keys and findings under the filters a key has", () => {
  it.each([
    [`?account=${A}`, { customerManaged: 2, customerManagedUnusable: 1, awsManaged: 0 }, { critical: 1, high: 1 }],
    ["?region=us-east-1", { customerManaged: 2, customerManagedUnusable: 0, awsManaged: 1 }, { critical: 2, low: 1 }],
    ["?env=dev", { customerManaged: 1, customerManagedUnusable: 1, awsManaged: 0 }, { high: 1 }],
  ])("%s", async (query, counts, bySeverity) => {
    const body = await overviewOf(query);
    expect(body.tiles.keys).toEqual({ ...counts, findingsBySeverity: bySeverity });
    // The tiles' lists: /api/keys and /api/findings give the same totals for the same filters.
    const cmk = await call(keysApi, `/api/keys${query}&manager=CUSTOMER`);
    expect(cmk.body.total).toBe(counts.customerManaged);
    for (const [severity, n] of Object.entries(bySeverity)) {
      expect((await call(findingsApi, `/api/findings${query}&severity=${severity}`)).body.total).toBe(n);
    }
  });

  it("says the service filter does not apply to keys, and leaves their counts whole", async () => {
    const body = await overviewOf("?service=S3");
    expect(body.tiles.keys).toEqual({ customerManaged: 3, customerManagedUnusable: 1, awsManaged: 1, findingsBySeverity: { critical: 2, high: 1, low: 1 } });
    expect(body.filtersNotApplied.keys).toEqual([{ filter: "service", reason: expect.stringContaining("not one storage service") }]);
    expect(body.filtersNotApplied.findings?.map((n: Json) => n.filter)).toEqual(["service"]);
    expect(body.filtersNotApplied.coverage).toBeUndefined();
  });
});

describe("cost under the filters cost rows have", () => {
  it.each([
    // Dec 1–5 and November.
    ["", 4.25, 6.5],
    [`?account=${A}`, 1.25, 2.5],
    ["?region=eu-west-1", 0.25, 0.5],
    ["?region=us-east-1", 4, 6],
    [`?account=${B}&region=us-east-1`, 3, 4],
  ])("%s: month to date and last full month", async (query, monthToDate, lastFullMonth) => {
    const body = await overviewOf(query);
    expect([body.tiles.cost.monthToDate.total, body.tiles.cost.lastFullMonth.total]).toEqual([monthToDate, lastFullMonth]);
  });

  it("splits the monthly chart by the account's rows (kms_cost, not the per-BU rollup)", async () => {
    const body = await overviewOf(`?account=${A}`);
    expect(body.series.costByBuMonthly.map((r: Json) => [r.period, r.businessUnit, r.keys, r.requests, r.total])).toEqual([
      ["2026-11-01", "payments", 2, 0.5, 2.5],
      ["2026-12-01", "payments", 1, 0.25, 1.25],
    ]);
  });

  it("names environment and service as not applying to cost, with the figures unfiltered", async () => {
    const body = await overviewOf("?env=dev&service=EBS");
    expect([body.tiles.cost.monthToDate.total, body.tiles.cost.lastFullMonth.total]).toEqual([4.25, 6.5]);
    expect(body.filtersNotApplied.cost.map((n: Json) => n.filter)).toEqual(["env", "service"]);
    expect(body.filtersNotApplied.costByBu.map((n: Json) => n.filter)).toEqual(["env", "service"]);
    // Coverage follows both: a-ebs only.
    expect(coverageTiles(body).resources).toBe(1);
  });
});

describe("Bucket Key savings under the filters", () => {
  it.each([
    ["", ["b-cmk", "a-cmk-1"], 8],
    [`?account=${A}`, ["a-cmk-1"], 3],
    ["?env=prod", ["b-cmk", "a-cmk-1"], 8],
    ["?env=dev", [], 0],
    // Buckets are S3's: an EBS filter leaves none.
    ["?service=EBS", [], 0],
  ])("%s", async (query, names, exact) => {
    const body = await overviewOf(query);
    expect(body.series.topBuckets.map((b: Json) => b.name)).toEqual(names);
    expect(body.tiles.savings.bucketKeys.buckets).toBe(names.length);
    if (names.length) expect(body.tiles.savings.bucketKeys.monthlyExact).toBe(exact);
  });
});

describe("the per-generation cache", () => {
  it("keeps one answer per filter set: account A then B then none, each its own figures", async () => {
    const a = await overviewOf(`?account=${A}`);
    const b = await overviewOf(`?account=${B}`);
    const all = await overviewOf("");
    expect([a.tiles.coverage.resources, b.tiles.coverage.resources, all.tiles.coverage.resources]).toEqual([4, 3, 7]);
    expect((await overviewOf(`?account=${A}`)).tiles.coverage.resources).toBe(4);
  });
});
