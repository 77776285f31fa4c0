// A worker running a unit beats on it, so failAbandonedUnits leaves a long unit alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { startRun } from "@/jobs/ingestion/start-run";
import { runIngestionUnit } from "@/jobs/ingestion/run-unit";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { PAYMENTS, smallOrg } from "./org-fixture";
import { applyEnv, awsTestEnv, FAST_RETRY } from "./support";

const db = testDb();
let endpoint: AwsEndpoint;
let restoreEnv: () => void;

beforeAll(async () => {
  await resetTables(db);
  // Every answer takes 40 ms: the unit runs long enough for several 50 ms beats.
  endpoint = await startAwsEndpoint(smallOrg(), { delayMs: 40 });
  restoreEnv = applyEnv(awsTestEnv(endpoint.url));
});
afterAll(async () => {
  restoreEnv();
  await endpoint.close();
  await db.$disconnect();
});

describe("unit heartbeat", () => {
  it("is written while the unit runs", async () => {
    const queued: { runId: string; unitId: string }[] = [];
    const config = env(parseIngestionConfig);
    const started = await startRun(db, async (_id, payload) => (queued.push(payload as { runId: string; unitId: string }), "job"), { trigger: "CLI", accounts: [PAYMENTS], regions: ["us-east-1"] }, config, FAST_RETRY);
    const unit = await db.ingestionUnit.findFirstOrThrow({ where: { runId: started.runId, kind: "inventory" } });
    const beats: Date[] = [];
    const watch = setInterval(() => {
      void db.ingestionUnit.findUniqueOrThrow({ where: { id: unit.id } }).then((u) => u.heartbeatAt && beats.push(u.heartbeatAt));
    }, 30);
    const outcome = await runIngestionUnit(db, { runId: started.runId, unitId: String(unit.id) }, { workerId: "beating", config, sessionOptions: FAST_RETRY, heartbeatMs: 50 });
    clearInterval(watch);
    expect(outcome).toMatchObject({ skipped: false, status: "SUCCEEDED" });
    const done = await db.ingestionUnit.findUniqueOrThrow({ where: { id: unit.id } });
    // Beats after the claim: the last one is later than the start by at least one interval.
    expect(done.heartbeatAt!.getTime() - done.startedAt!.getTime()).toBeGreaterThanOrEqual(45);
    expect(new Set(beats.map((b) => b.getTime())).size).toBeGreaterThan(2);
  });
});
