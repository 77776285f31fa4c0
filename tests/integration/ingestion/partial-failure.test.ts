// Failures confined to their scope: a missing role in one account, a disabled region, a key
// policy that denies reading it, and throttling. The run is PARTIAL with every problem recorded,
// and the failed scopes keep the data of the previous day's run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { startAwsEndpoint, type AwsEndpoint, type EndpointOptions } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { ANALYTICS, EXPECTED, PAYMENTS, smallOrg } from "./org-fixture";
import { applyEnv, awsTestEnv, runInProcess } from "./support";
import { NOTICE_CODES } from "@/jobs/ingestion/unit-result";

const db = testDb();
const options: EndpointOptions = {};
let endpoint: AwsEndpoint;
let restoreEnv: () => void;

beforeAll(async () => {
  endpoint = await startAwsEndpoint(smallOrg(), options);
  restoreEnv = applyEnv(awsTestEnv(endpoint.url));
});
afterAll(async () => {
  restoreEnv();
  await endpoint.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await resetTables(db);
  for (const key of Object.keys(options) as (keyof EndpointOptions)[]) delete options[key];
});

const current = { validTo: new Date("9999-12-31T00:00:00Z") };
const yesterday = new Date(Date.now() - 86_400_000);

describe("partial failure", () => {
  it("records a missing role, a disabled region and a denied key policy; failed scopes keep yesterday's data", async () => {
    const config = env(parseIngestionConfig);
    const first = await runInProcess(db, { trigger: "CLI", today: yesterday }, config);
    expect((await db.ingestionRun.findUniqueOrThrow({ where: { id: first.started.runId } })).status).toBe("SUCCEEDED");
    // Exactly one unit closes the run and asks for the alert evaluation (jobs/definitions/ingest-unit.ts).
    expect(first.outcomes.filter((o) => !o.skipped && o.closedRun)).toHaveLength(1);

    options.missingRoleAccounts = [ANALYTICS];
    options.disabledRegions = [{ accountId: PAYMENTS, region: "eu-west-1" }];
    options.denyKeyPolicy = ["k-pay-s3"];
    const { started, outcomes } = await runInProcess(db, { trigger: "CLI" }, config);
    expect(outcomes.filter((o) => !o.skipped && o.closedRun)).toHaveLength(1);

    const run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { units: true, warnings: true } });
    expect(run.status).toBe("PARTIAL");
    const unitStatus = Object.fromEntries(run.units.map((u) => [`${u.accountId}/${u.region}`, u.status]));
    expect(unitStatus).toMatchObject({
      [`${ANALYTICS}/us-east-1`]: "FAILED",
      [`${ANALYTICS}/eu-west-1`]: "FAILED",
      [`${PAYMENTS}/eu-west-1`]: "FAILED",
      [`${PAYMENTS}/us-east-1`]: "PARTIAL",
    });
    const problems = run.warnings.filter((w) => w.code !== "REGION_SKIPPED" && !NOTICE_CODES.has(w.code)).map((w) => `${w.accountId}/${w.region}:${w.code}`).sort();
    expect(problems).toEqual([
      `${PAYMENTS}/eu-west-1:UnrecognizedClientException`,
      `${PAYMENTS}/us-east-1:AccessDeniedException`,
      `${ANALYTICS}/eu-west-1:ASSUME_ROLE_FAILED`,
      `${ANALYTICS}/us-east-1:ASSUME_ROLE_FAILED`,
    ]);
    expect(run.warnings.find((w) => w.code === "AccessDeniedException")?.resourceArn).toBe(`arn:aws:kms:us-east-1:${PAYMENTS}:key/k-pay-s3`);

    // The failed scopes still show yesterday's snapshot, untouched.
    const yesterdayDay = new Date(`${yesterday.toISOString().slice(0, 10)}T00:00:00Z`);
    const analyticsResources = await db.storageResourceVersion.findMany({ where: { ...current, accountId: ANALYTICS } });
    expect(analyticsResources.map((r) => r.name).sort()).toEqual(["an-lake", "an-tmp", "vol-an"]);
    expect(analyticsResources.every((r) => r.validFrom.getTime() === yesterdayDay.getTime())).toBe(true);
    const euKey = await db.kmsKeyVersion.findFirstOrThrow({ where: { ...current, keyId: "k-pay-eu" } });
    expect(euKey.validFrom).toEqual(yesterdayDay);

    // The denied policy is recorded on the key, the rest of that key still ingested.
    const deniedKey = await db.kmsKeyVersion.findFirstOrThrow({ where: { ...current, keyId: "k-pay-s3" } });
    expect([deniedKey.policyError, deniedKey.policyHash]).toEqual(["AccessDeniedException", null]);
    expect(await db.storageResourceVersion.count({ where: current })).toBe(EXPECTED.resources);
  });

  it("never fails a run on throttling: throttled calls are retried", async () => {
    // Far below the published quotas the pacer assumes: the endpoint throttles, the SDK retries.
    options.quotas = { "kms:DescribeKey": 2, "kms:GetKeyPolicy": 2, "tagging:GetResources": 1 };
    const retry = { retry: { maxAttempts: 12, baseDelayMs: 200, maxDelayMs: 2_000 } };
    const { started } = await runInProcess(db, { trigger: "CLI" }, env(parseIngestionConfig), retry);
    const run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { warnings: true } });
    expect(run.warnings.filter((w) => w.code !== "REGION_SKIPPED" && !NOTICE_CODES.has(w.code))).toEqual([]);
    expect(run.status).toBe("SUCCEEDED");
    expect((endpoint.stats.throttled.get("kms:DescribeKey") ?? 0) + (endpoint.stats.throttled.get("kms:GetKeyPolicy") ?? 0)).toBeGreaterThan(0);
    expect(await db.kmsKeyVersion.count({ where: current })).toBe(EXPECTED.keys);
  });
});
