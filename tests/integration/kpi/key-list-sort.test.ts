// The key list's default order (issue 20): customer managed keys first, each group by first alias,
// a key without alias last in its group; and the manager and finding filters the Keys page sends.
// Four keys: two AWS managed (one aliased alias/aws/s3, one without alias), two customer managed
// (alias/zeta, and one without alias), plus alias/alpha, a customer key whose alias sorts first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as keys } from "@/app/api/keys/route";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk } from "../../fixtures/records";
import { call, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

// AWS managed keys as AWS returns them: no rotation setting of ours, no tags.
const aws = (id: string, aliases: string[]): KmsKeyRecord => cmk(id, { keyManager: "AWS", aliases, tags: {}, rotationEnabled: true, rotationCount: 0 });
const keysOfSnapshot = [
  aws("aws-s3", ["alias/aws/s3"]),
  aws("aws-bare", []),
  cmk("cmk-zeta", { aliases: ["alias/zeta"] }),
  cmk("cmk-bare", { aliases: [] }),
  cmk("cmk-alpha", { aliases: ["alias/alpha"] }),
];

const ids = (body: Json) => body.items.map((k: Json) => k.keyId);

beforeAll(async () => {
  await resetTables(db);
  await storeInventorySnapshot(db, {
    day: "2026-03-01",
    runId: null,
    snapshot: { accountId: ACCOUNT, region: REGION, keys: keysOfSnapshot, keyUsage: [], resources: [], warnings: [] },
    settings: defaultPolicySettings,
  });
  await recomputeRollups(db, "2026-03-01", "2026-03-01");
});

describe("GET /api/keys order", () => {
  it("by default lists customer managed keys first, by alias, the one without alias last of its group", async () => {
    const { status, body } = await call(keys, "/api/keys");
    expect(status).toBe(200);
    expect(ids(body)).toEqual(["cmk-alpha", "cmk-zeta", "cmk-bare", "aws-s3", "aws-bare"]);
    expect((await call(keys, "/api/keys?sort=manager")).body).toEqual(body);
  });

  it("sort=-manager turns the whole order round: AWS managed first", async () => {
    expect(ids((await call(keys, "/api/keys?sort=-manager")).body)).toEqual(["aws-bare", "aws-s3", "cmk-bare", "cmk-zeta", "cmk-alpha"]);
  });

  it("sort=alias still sorts by alias alone, keys without alias last", async () => {
    expect(ids((await call(keys, "/api/keys?sort=alias")).body).slice(0, 3)).toEqual(["cmk-alpha", "aws-s3", "cmk-zeta"]);
  });
});

describe("GET /api/keys filters of the Keys page", () => {
  it("manager=AWS keeps the AWS managed keys, in the default order", async () => {
    expect(ids((await call(keys, "/api/keys?manager=AWS")).body)).toEqual(["aws-s3", "aws-bare"]);
  });

  it("finding=ALIAS_CONVENTION keeps the keys with that finding: the three customer keys (alias/<env>-<app>-<purpose> broken or no alias), no AWS managed key", async () => {
    const { body } = await call(keys, "/api/keys?finding=ALIAS_CONVENTION");
    expect(ids(body)).toEqual(["cmk-alpha", "cmk-zeta", "cmk-bare"]);
    expect(ids((await call(keys, "/api/keys?finding=ALIAS_CONVENTION&manager=AWS")).body)).toEqual([]);
  });

  it("an unknown manager is a 400 that names the parameter", async () => {
    const { status, body } = await call(keys, "/api/keys?manager=customer");
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("manager");
  });
});
