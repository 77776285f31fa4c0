// GET /api/runs/{id} warningGroups: hand-made warnings as the collectors store them
// (code = AWS error name, message = "<Operation>: <SDK message>").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runApi } from "@/app/api/runs/[id]/route";
import { createRun, recordWarnings, settleRun } from "@/lib/store/ingestion-runs";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
const A = "111111111111";
const keyArn = (i: number) => `arn:aws:kms:eu-west-1:${A}:key/00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const DESERIALIZATION = `Unexpected token '<', "<html><bod"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`;
let runId = "";
afterAll(() => db.$disconnect());
beforeAll(async () => {
  await resetTables(db);
  const run = await createRun(db, { trigger: "CLI", snapshotDay: "2026-12-04", scope: {}, units: [{ accountId: A, region: "eu-west-1", kind: "inventory" }] });
  runId = run.runId;
  await recordWarnings(db, runId, [
    ...Array.from({ length: 12 }, (_, i) => ({ accountId: A, region: "eu-west-1", source: "kms", code: "SyntaxError", message: `GetKeyLastUsage: ${DESERIALIZATION}`, resourceArn: keyArn(i) })),
    { accountId: A, region: "eu-west-1", source: "s3", code: "AccessDenied", message: "GetBucketEncryption logs: User: arn:aws:sts::111111111111:assumed-role/KmsFinopsReadOnly/run is not authorized to perform: s3:GetEncryptionConfiguration", resourceArn: "arn:aws:s3:::logs" },
  ]);
  await settleRun(db, runId);
});

describe("GET /api/runs/{id} warningGroups", () => {
  it("makes one group of the 12 deserialization warnings, with what it means", async () => {
    const { status, body } = await call(runApi, `/api/runs/${runId}`, { params: { id: runId } });
    expect(status).toBe(200);
    expect(body.warningGroups).toHaveLength(2);
    const [missing, denied] = body.warningGroups;
    expect(missing).toMatchObject({ accountId: A, region: "eu-west-1", api: "GetKeyLastUsage", cause: "api-missing", count: 12, resourcesTotal: 12, codes: ["SyntaxError"] });
    expect(missing.meaning).toBe("last-used dates unknown for 12 keys: unused-key checks skipped");
    expect(missing.resources).toEqual(Array.from({ length: 12 }, (_, i) => keyArn(i)));
    expect(missing.messages).toEqual([`GetKeyLastUsage: ${DESERIALIZATION}`]);
    expect(denied).toMatchObject({ api: "GetBucketEncryption", cause: "access-denied", count: 1, docs: "docs/iam/README.md#calls-and-permissions" });
    expect(denied.fix).toContain("s3:GetEncryptionConfiguration");
  });

  it("pages the raw list, the groups still cover the whole run", async () => {
    const { body } = await call(runApi, `/api/runs/${runId}?page=2&pageSize=10`, { params: { id: runId } });
    expect(body.warnings).toMatchObject({ total: 13, page: 2, pageSize: 10 });
    expect(body.warnings.items.map((w: { code: string }) => w.code)).toEqual(["SyntaxError", "SyntaxError", "AccessDenied"]);
    expect(body.warningGroups.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(13);
  });

  it("refuses a bad page with a 400 naming it", async () => {
    const { status, body } = await call(runApi, `/api/runs/${runId}?pageSize=0`, { params: { id: runId } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/pageSize/);
  });
});
