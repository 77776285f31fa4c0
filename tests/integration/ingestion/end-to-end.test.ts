// A full run through the SDK's real HTTP path (signing, serialization, retries, pacing) against
// the local AWS endpoint, landing in Postgres; every figure is counted from org-fixture.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { ANALYTICS, EXPECTED, MGMT, PAYMENTS, smallOrg } from "./org-fixture";
import { startRun } from "@/jobs/ingestion/start-run";
import { applyEnv, awsTestEnv, FAST_RETRY, runInProcess } from "./support";

const db = testDb();
let endpoint: AwsEndpoint;
let restoreEnv: () => void;

beforeAll(async () => {
  endpoint = await startAwsEndpoint(smallOrg(), { quotas: true });
  restoreEnv = applyEnv(awsTestEnv(endpoint.url));
});
afterAll(async () => {
  restoreEnv();
  await endpoint.close();
  await db.$disconnect();
});
beforeEach(() => resetTables(db));

const current = { validTo: new Date("9999-12-31T00:00:00Z") };

describe("ingestion end to end against the local AWS endpoint", () => {
  it("ingests the organization: accounts, keys, resources with key ARNs resolved, costs per BU", async () => {
    const { started } = await runInProcess(db, { trigger: "CLI" }, env(parseIngestionConfig));
    expect(started.accounts).toEqual([MGMT, PAYMENTS, ANALYTICS]);
    expect(started.regions).toEqual(["eu-west-1", "us-east-1"]);

    const run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { units: true, warnings: true } });
    // A region the account has not opted in to is noted, not ingested.
    // A bucket with no default-encryption configuration is SSE-S3, noted (not PARTIAL).
    expect(run.warnings.map((w) => [w.code, w.region]).sort()).toEqual([["BUCKET_ENCRYPTION_IMPLICIT", "us-east-1"], ["REGION_SKIPPED", "ap-east-1"]]);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.units).toHaveLength(EXPECTED.inventoryUnits + 1);
    expect(run.units.reduce((n, u) => n + u.keysCount, 0)).toBe(EXPECTED.keys);
    expect(run.units.reduce((n, u) => n + u.resourcesCount, 0)).toBe(EXPECTED.resources);

    const accounts = await db.account.findMany({ orderBy: { accountId: "asc" } });
    expect(accounts.map((a) => [a.accountId, a.name, a.organizationalUnit])).toEqual([
      [MGMT, "management", "Core"], [PAYMENTS, "payments-prod", "Workloads"], [ANALYTICS, "analytics", "Data"],
    ]);

    const keys = await db.kmsKeyVersion.findMany({ where: current });
    expect(keys).toHaveLength(EXPECTED.keys);
    expect(keys.filter((k) => k.keyManager === "CUSTOMER").map((k) => k.keyId).sort()).toEqual(["k-an", "k-pay-db", "k-pay-eu", "k-pay-s3"]);
    // NextRotationDate travels the wire as epoch seconds, as KMS sends it.
    expect(keys.find((k) => k.keyId === "k-pay-db")?.nextRotationDate?.toISOString()).toBe("2027-01-15T00:00:00.000Z");

    const resources = await db.storageResourceVersion.findMany({ where: current });
    expect(resources).toHaveLength(EXPECTED.resources);
    const byClass: Record<string, number> = {};
    for (const r of resources) byClass[r.encryptionClass] = (byClass[r.encryptionClass] ?? 0) + 1;
    expect(byClass).toEqual(EXPECTED.byClass);

    const keyOf = (name: string) => resources.find((r) => r.name === name)?.keyArn;
    const payKey = (id: string) => `arn:aws:kms:us-east-1:${PAYMENTS}:key/${id}`;
    expect(keyOf("pay-receipts")).toBe(payKey("k-pay-s3")); // alias name
    expect(keyOf("pay-archive")).toBe(payKey("k-pay-db")); // alias ARN
    expect(keyOf("pay-reports")).toBe(payKey("k-pay-db")); // bare key id
    expect(keyOf("pay-exports")).toBe(payKey("aws-s3-1")); // no key named: aws/s3
    expect(keyOf("vol-a")).toBe(payKey("aws-ebs-1")); // EBS default key
    expect(keyOf("an-lake")).toBe(`arn:aws:kms:us-east-1:${ANALYTICS}:key/k-an`);
    expect(resources.some((r) => r.name === "pay-aurora-1")).toBe(false); // the cluster is the resource
    expect(resources.find((r) => r.name === "pay-db")?.sizeBytes).toBe(200n * 1024n ** 3n);

    const costs = await db.kmsCostDaily.groupBy({ by: ["businessUnit"], _sum: { unblendedCost: true } });
    const perBu = Object.fromEntries(costs.map((c) => [c.businessUnit, Number(c._sum.unblendedCost)]));
    expect(perBu).toEqual(EXPECTED.costByBu);
    const regions = await db.kmsCostDaily.groupBy({ by: ["region"], _sum: { unblendedCost: true } });
    expect(Object.fromEntries(regions.map((c) => [c.region, Number(c._sum.unblendedCost)]))).toEqual(EXPECTED.costByRegion);

    const requests = await db.keyRequestDaily.findMany();
    expect(requests.reduce((n, r) => n + Number(r.requests), 0)).toBe(30_000);
    expect(await db.dataSourceStatus.findUnique({ where: { source: "ce-resources" } })).toMatchObject({ available: true });

    // Billed requests: per CMK 5 KMS calls (DescribeKey, ListResourceTags, GetKeyPolicy,
    // GetKeyRotationStatus/ListKeyRotations for symmetric keys, GetKeyLastUsage: 6 here),
    // DescribeKey only for AWS managed keys, ListKeys+ListAliases per unit.
    const cmks = 4;
    const awsManaged = 4;
    expect(run.kmsRequests).toBe(cmks * 6 + awsManaged + EXPECTED.inventoryUnits * 2);
    // First run: the window is 13 months back to today; the endpoint pages 100 days per answer.
    // Costs: 2 GetDimensionValues + min(3 usage types, 2 accounts) × pages; volumes: 1 + 1.
    const window = (run.scope as { costWindow: { start: string; end: string } }).costWindow;
    const days = (Date.parse(window.end) - Date.parse(window.start)) / 86_400_000;
    expect(days).toBeGreaterThan(365);
    expect(run.costExplorerRequests).toBe(2 + 2 * Math.ceil(days / 100) + 2);
    expect(run.scope).toMatchObject({ rollups: "done" });
    // Every request the endpoint answered is in the run's totals: the units' and those of the
    // run's start (caller identity, regions, the organization's accounts).
    const answered = [...endpoint.stats.requests.values()].reduce((a, b) => a + b, 0);
    expect(run.kmsRequests + run.costExplorerRequests + run.otherRequests).toBe(answered);
    expect((run.scope as { startRequests: Record<string, number> }).startRequests).toMatchObject({ "sts:GetCallerIdentity": 1, "ec2:DescribeRegions": 1 });
  });

  it("hands out the unit that took longest in the previous run first", async () => {
    const { started } = await runInProcess(db, { trigger: "CLI" }, env(parseIngestionConfig));
    // The analytics account's eu-west-1 took an hour last time; the others seconds.
    await db.$executeRawUnsafe(
      `UPDATE ingestion_unit SET started_at = finished_at - interval '1 hour' WHERE run_id = $1::uuid AND account_id = $2 AND region = 'eu-west-1'`,
      started.runId,
      ANALYTICS,
    );
    const sent: Array<{ unitId: string; priority?: number }> = [];
    const next = await startRun(db, async (_job, payload, options) => (sent.push({ unitId: (payload as { unitId: string }).unitId, priority: options?.priority }), "job"), { trigger: "CLI" }, env(parseIngestionConfig), FAST_RETRY);
    const units = await db.ingestionUnit.findMany({ where: { runId: next.runId } });
    const first = units.find((u) => u.id === BigInt(sent[0]!.unitId))!;
    expect([first.accountId, first.region, sent[0]!.priority]).toEqual([ANALYTICS, "eu-west-1", 3600]);
    expect(sent).toHaveLength(units.length);
    // The rest by their previous time, longest first.
    const priorities = sent.map((s) => s.priority!);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });
});
