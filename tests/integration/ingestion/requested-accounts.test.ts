// A run asked for accounts (UI, CLI) stays inside the organization or INGEST_ACCOUNTS: the worker
// checks again (the web app cannot list the organization) and an unknown id fails the run
// clearly, with no account row and no unit written for it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { startRun } from "@/jobs/ingestion/start-run";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { MGMT, PAYMENTS, smallOrg } from "./org-fixture";
import { applyEnv, awsTestEnv, FAST_RETRY } from "./support";

const db = testDb();
let endpoint: AwsEndpoint;
let restoreEnv: () => void;
const noSend = async () => "job";

beforeAll(async () => {
  endpoint = await startAwsEndpoint(smallOrg());
  restoreEnv = applyEnv(awsTestEnv(endpoint.url));
});
afterAll(async () => {
  restoreEnv();
  await endpoint.close();
  await db.$disconnect();
});
beforeEach(() => resetTables(db));

describe("requested accounts", () => {
  it("fails the run naming an id outside the organization, writing no row for it", async () => {
    const error = await startRun(db, noSend, { trigger: "UI", accounts: [PAYMENTS, "999988887777"] }, env(parseIngestionConfig), FAST_RETRY).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain("accounts 999988887777 is not in the organization's active accounts (Organizations ListAccounts)");
    const runs = await db.ingestionRun.findMany({ include: { units: true } });
    expect(runs.map((r) => [r.status, r.units.length])).toEqual([["FAILED", 0]]);
    expect(runs[0]!.error).toContain("999988887777 is not in the organization");
    expect(await db.account.count({ where: { accountId: "999988887777" } })).toBe(0);
  });

  it("checks against INGEST_ACCOUNTS when it is set", async () => {
    const config = parseIngestionConfig({ ...process.env, INGEST_ACCOUNTS: `${MGMT},${PAYMENTS}` });
    const error = await startRun(db, noSend, { trigger: "CLI", accounts: ["333333333333"] }, config, FAST_RETRY).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain("accounts 333333333333 is not in INGEST_ACCOUNTS");
    expect(await db.account.count()).toBe(0);
  });

  it("runs only the requested accounts of the organization", async () => {
    const started = await startRun(db, noSend, { trigger: "UI", accounts: [PAYMENTS] }, env(parseIngestionConfig), FAST_RETRY);
    expect(started.accounts).toEqual([PAYMENTS]);
    const units = await db.ingestionUnit.findMany({ where: { runId: started.runId, kind: "inventory" } });
    expect(new Set(units.map((u) => u.accountId))).toEqual(new Set([PAYMENTS]));
  });
});
