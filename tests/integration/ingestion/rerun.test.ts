// A rerun on the same day replaces that day's snapshot: entities end with one version for the
// day, reflecting the last run, and yesterday's versions are closed only where something changed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { PAYMENTS, smallOrg } from "./org-fixture";
import { applyEnv, awsTestEnv, runInProcess } from "./support";

const db = testDb();
const org = smallOrg();
let endpoint: AwsEndpoint;
let restoreEnv: () => void;

beforeAll(async () => {
  endpoint = await startAwsEndpoint(org);
  restoreEnv = applyEnv(awsTestEnv(endpoint.url));
});
afterAll(async () => {
  restoreEnv();
  await endpoint.close();
  await db.$disconnect();
});
beforeEach(() => resetTables(db));

const day = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

describe("same-day rerun", () => {
  it("replaces today's snapshot instead of stacking a second one", async () => {
    const config = env(parseIngestionConfig);
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    await runInProcess(db, { trigger: "CLI", today: yesterday }, config);

    const payUse1 = org.accounts.find((a) => a.id === PAYMENTS)!.regions["us-east-1"]!;
    const volC = payUse1.volumes!.find((v) => v.id === "vol-c")!;
    volC.encrypted = true; // first run today: vol-c now uses aws/ebs
    await runInProcess(db, { trigger: "CLI", today }, config);

    volC.keyRef = "k-pay-db"; // rerun today: vol-c moved to the CMK, pay-legacy deleted
    payUse1.buckets = payUse1.buckets!.filter((b) => b.name !== "pay-legacy");
    const rerun = await runInProcess(db, { trigger: "CLI", today }, config);
    expect((await db.ingestionRun.findUniqueOrThrow({ where: { id: rerun.started.runId } })).status).toBe("SUCCEEDED");

    const volCVersions = await db.storageResourceVersion.findMany({ where: { name: "vol-c" }, orderBy: { validFrom: "asc" } });
    expect(volCVersions.map((v) => [v.validFrom, v.validTo, v.encryptionClass])).toEqual([
      [day(yesterday), day(today), "NONE"],
      [day(today), new Date("9999-12-31T00:00:00Z"), "CUSTOMER_KMS"], // the first run's AWS_MANAGED_KMS version is gone
    ]);
    const legacy = await db.storageResourceVersion.findMany({ where: { name: "pay-legacy" } });
    expect(legacy.map((v) => [v.validFrom, v.validTo])).toEqual([[day(yesterday), day(today)]]);
    // Only vol-c has a version starting today; the 13 unchanged resources keep yesterday's.
    expect(await db.storageResourceVersion.count({ where: { validFrom: day(today) } })).toBe(1);
    expect(await db.storageResourceVersion.count({ where: { validTo: new Date("9999-12-31T00:00:00Z") } })).toBe(14);
  });
});
