// PUT /api/settings with several invalid settings: one 400 listing every invalid field with its
// own message (the settings form marks each), nothing stored, nothing audited. GET reports the
// history size the form's duration estimate reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/route";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());
beforeAll(async () => {
  await resetTables(db);
  await db.policySetting.create({ data: { key: "policy", value: { ...defaultPolicySettings, unusedKeyDays: 60 } } });
});

describe("PUT /api/settings with several invalid fields", () => {
  it("answers one 400 naming every invalid field, the first in the message, and stores nothing", async () => {
    const body = { unusedKeyDays: 0, bucketKeyReduction: 7, priceOverrides: { keyMonth: -1 }, targets: { mttpDays: 3 }, ownerTagKey: "steward" };
    const put = await call(putSettings, "/api/settings", { method: "PUT", body });
    expect(put.status).toBe(400);
    expect(put.body.error.code).toBe("bad_request");
    expect(put.body.error.message).toMatch(/^Invalid policy settings: unusedKeyDays: must be at least 1 day; /);
    expect(put.body.error.fields).toEqual([
      { field: "unusedKeyDays", message: "must be at least 1 day" },
      { field: "bucketKeyReduction", message: "must be between 0 and 1" },
      { field: "priceOverrides.keyMonth", message: "must be a price >= 0" },
    ]);

    const after = await call(getSettings, "/api/settings");
    expect(after.body.settings).toMatchObject({ unusedKeyDays: 60, bucketKeyReduction: 0.97, priceOverrides: {}, ownerTagKey: "owner", targets: { mttpDays: 7 } });
    expect(await db.auditLog.count({ where: { action: "settings.update" } })).toBe(0);
  });

  it("names an unknown setting as a field too", async () => {
    const put = await call(putSettings, "/api/settings", { method: "PUT", body: { costCenterTagKey: "cc", unusedKeyDays: 1.5 } });
    expect(put.status).toBe(400);
    expect(put.body.error.fields).toEqual(
      expect.arrayContaining([
        { field: "costCenterTagKey", message: "is not a known setting" },
        { field: "unusedKeyDays", message: "must be a whole number of days" },
      ]),
    );
  });

  it("reports the history size on GET (no history: 0 rows)", async () => {
    expect((await call(getSettings, "/api/settings")).body.historyRows).toBe(0);
  });
});
