// GET /api/runs/{id}: one run's units and its warnings grouped per account-region.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runApi } from "@/app/api/runs/[id]/route";
import { GET as runs } from "@/app/api/runs/route";
import { createRun, finishUnit, recordWarnings, settleRun } from "@/lib/store/ingestion-runs";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
const A = "111111111111";
const B = "222222222222";
let runId = "";
afterAll(() => db.$disconnect());
beforeAll(async () => {
  await resetTables(db);
  const run = await createRun(db, {
    trigger: "CLI",
    snapshotDay: "2026-03-02",
    scope: {},
    units: [
      { accountId: B, region: "eu-west-1", kind: "inventory" },
      { accountId: A, region: "us-east-1", kind: "inventory" },
      { accountId: A, region: "eu-west-1", kind: "inventory" },
    ],
  });
  runId = run.runId;
  await finishUnit(db, run.units[0]!.unitId, { status: "SUCCEEDED", keysCount: 4, resourcesCount: 9 });
  await finishUnit(db, run.units[1]!.unitId, { status: "SUCCEEDED" });
  await finishUnit(db, run.units[2]!.unitId, { status: "FAILED", error: "AccessDenied" });
  await recordWarnings(db, runId, [
    { accountId: B, region: "eu-west-1", source: "s3", code: "ACCESS_DENIED", message: "GetBucketEncryption denied", resourceArn: "arn:aws:s3:::logs" },
    { accountId: A, region: "us-east-1", source: "kms", code: "POLICY_UNREADABLE", message: "GetKeyPolicy denied", resourceArn: "arn:aws:kms:us-east-1:111111111111:key/k1" },
    { accountId: null, region: null, source: "costs", code: "PER_KEY_DATA_UNAVAILABLE", message: "resource-level data not enabled" },
    { accountId: A, region: "us-east-1", source: "kms", code: "THROTTLED", message: "retried 3 times" },
  ]);
  await settleRun(db, runId);
});

describe("GET /api/runs/{id}", () => {
  it("groups the warnings per account-region, run-wide ones last", async () => {
    const { status, body } = await call(runApi, `/api/runs/${runId}`, { params: { id: runId } });
    expect(status).toBe(200);
    expect(body.status).toBe("PARTIAL");
    expect(body.warningsTotal).toBe(4);
    expect(body.warningsByScope.map((g: { accountId: string | null; region: string | null; warnings: unknown[] }) => [g.accountId, g.region, g.warnings.length])).toEqual([
      [A, "us-east-1", 2],
      [B, "eu-west-1", 1],
      [null, null, 1],
    ]);
    expect(body.warningsByScope[0].warnings).toEqual([
      { source: "kms", code: "POLICY_UNREADABLE", message: "GetKeyPolicy denied", resourceArn: "arn:aws:kms:us-east-1:111111111111:key/k1" },
      { source: "kms", code: "THROTTLED", message: "retried 3 times", resourceArn: null },
    ]);
  });

  it("lists the units per account-region with their outcome", async () => {
    const { body } = await call(runApi, `/api/runs/${runId}`, { params: { id: runId } });
    expect(body.units.map((u: { accountId: string; region: string; status: string }) => `${u.accountId}/${u.region}:${u.status}`)).toEqual([
      `${A}/eu-west-1:FAILED`,
      `${A}/us-east-1:SUCCEEDED`,
      `${B}/eu-west-1:SUCCEEDED`,
    ]);
    expect(body.units[0].error).toBe("AccessDenied");
    expect(body.units[2]).toMatchObject({ keys: 4, resources: 9 });
  });

  it("agrees with the warning count of the run list", async () => {
    const { body } = await call(runs, "/api/runs");
    expect(body.items[0]).toMatchObject({ id: runId, warnings: 4 });
  });

  it("answers 404 for an unknown run and 400 for a malformed id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await call(runApi, `/api/runs/${unknown}`, { params: { id: unknown } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const bad = await call(runApi, "/api/runs/nope", { params: { id: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^id: must be a run id/);
  });
});
