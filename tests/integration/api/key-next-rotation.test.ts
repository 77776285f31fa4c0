// Next rotation on GET /api/keys/{arn}: KMS's schedule (GetKeyRotationStatus NextRotationDate) as
// stored by the inventory snapshot, including a version stored before the date was collected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { legacyKeyContentHash } from "@/lib/store/rows";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { ACCOUNT, REGION, cmk } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";
import { type Day } from "@/lib/domain/days";

const db = testDb();
afterAll(() => db.$disconnect());

// Created 2024-01-10, yearly rotation: rotated automatically on 2025-01-10, so KMS schedules
// the next one for 2026-01-10.
const scheduled = cmk("k1", {
  creationDate: new Date("2024-01-10T08:00:00Z"),
  rotationEnabled: true,
  rotationPeriodDays: 365,
  rotationCount: 1,
  lastRotatedAt: new Date("2025-01-10T08:00:00Z"),
  nextRotationDate: new Date("2026-01-10T08:00:00Z"),
});
// Rotated on demand on 2025-06-01: one more rotation, the schedule unmoved (last + period would
// say 2026-06-01).
const rotatedOnDemand: KmsKeyRecord = { ...scheduled, rotationCount: 2, lastRotatedAt: new Date("2025-06-01T09:30:00Z") };

const store = (day: Day, key: KmsKeyRecord) =>
  storeInventorySnapshot(db, {
    day, runId: null, snapshot: { accountId: ACCOUNT, region: REGION, keys: [key], keyUsage: [], resources: [], warnings: [] }, settings: defaultPolicySettings,
  });
const detail = () => call(keyDetail, `/api/keys/${encodeURIComponent(scheduled.keyArn)}`, { params: { arn: encodeURIComponent(scheduled.keyArn) } });

beforeAll(() => resetTables(db));

describe("GET /api/keys/{arn} next rotation", () => {
  it("fills the date of a version stored before it was collected, in place, without a new version", async () => {
    await store("2025-03-01", scheduled);
    // As the previous release left it: hash form 3 (no next rotation date) and no date.
    await db.kmsKeyVersion.updateMany({ data: { contentHash: legacyKeyContentHash(scheduled, "3:")!, nextRotationDate: null } });
    expect((await detail()).body.rotation.nextRotationAt).toBeNull();

    const result = await store("2025-03-02", scheduled);
    expect(result.keys).toEqual({ unchanged: 1, changed: 0, added: 0, removed: 0 });
    const versions = await db.kmsKeyVersion.findMany({ where: { keyArn: scheduled.keyArn } });
    expect(versions.map((v) => [v.validFrom.toISOString().slice(0, 10), v.contentHash.slice(0, 2), v.nextRotationDate?.toISOString()])).toEqual([
      ["2025-03-01", "4:", "2026-01-10T08:00:00.000Z"],
    ]);
    const { body } = await detail();
    expect(body.rotation).toEqual({
      enabled: true, periodDays: 365, count: 1, lastRotatedAt: "2025-01-10T08:00:00.000Z", nextRotationAt: "2026-01-10T08:00:00.000Z",
    });
  });

  it("keeps KMS's schedule after an on-demand rotation instead of last rotation + period", async () => {
    const result = await store("2025-06-02", rotatedOnDemand);
    expect(result.keys.changed).toBe(1);
    const { status, body } = await detail();
    expect(status).toBe(200);
    expect(body.versions).toBe(2);
    expect(body.rotation).toEqual({
      enabled: true, periodDays: 365, count: 2, lastRotatedAt: "2025-06-01T09:30:00.000Z", nextRotationAt: "2026-01-10T08:00:00.000Z",
    });
  });
});
