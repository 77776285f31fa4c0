// /api/admin/role-mappings: the effective table (AUTH_ROLE_MAP + rows), upsert and delete, the
// effect on users already signed in (re-applied from their stored groups), the audit rows and
// the 400s naming the field.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listMappings } from "@/app/api/admin/role-mappings/route";
import { DELETE as deleteMapping, PUT as putMapping } from "@/app/api/admin/role-mappings/[group]/route";
import { grantOfGroups, roleMap } from "@/lib/auth/roles";
import { principalOfSession, createSession } from "@/lib/auth/sessions";
import { authConfig } from "@/lib/auth/config";
import { db as appDb } from "@/lib/db/client";
import { call, type Json } from "./call";
import { resetTables, testDb } from "../support/db";

// Read once by authConfig(), which nothing has called yet in this file's module graph.
process.env.AUTH_ROLE_MAP = JSON.stringify({ "finops-admins": "admin", "eng-payments": { role: "viewer", businessUnits: ["payments"] } });

const db = testDb();
const LIMITS = { idleMinutes: 30, maxHours: 24 };
/** Past the sessions' 5 s cache: what the next request of a signed-in user resolves to. */
const nextRequest = () => new Date(Date.now() + 6_000);
const path = (group: string) => `/api/admin/role-mappings/${encodeURIComponent(group)}`;
const put = (group: string, body: unknown) => call(putMapping, path(group), { method: "PUT", body });
const del = (group: string) => call(deleteMapping, path(group), { method: "DELETE", body: {} });

afterAll(async () => {
  await appDb().$disconnect();
  await db.$disconnect();
});

beforeEach(async () => {
  await resetTables(db);
  // Signed in before the changes below, as viewer of payments through eng-payments.
  await db.appUser.create({ data: { id: "u-ana", subject: "idp#ana", email: "ana@example.com", role: "viewer", businessUnits: ["payments"], groups: ["eng-payments", "staff"] } });
});

describe("GET /api/admin/role-mappings", () => {
  it("lists the configured groups, then a row on top of config with what it overrides", async () => {
    const first = await call(listMappings, "/api/admin/role-mappings");
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      { group: "eng-payments", role: "viewer", businessUnits: ["payments"], source: "config", config: { role: "viewer", businessUnits: ["payments"] }, updatedAt: null },
      { group: "finops-admins", role: "admin", businessUnits: [], source: "config", config: { role: "admin", businessUnits: [] }, updatedAt: null },
    ]);
    await put("eng-payments", { role: "finops" });
    await put("Data Science/EU", { role: "viewer", businessUnits: ["mobile", "(untagged)"] });
    const { body } = await call(listMappings, "/api/admin/role-mappings");
    const rows = body.items.map((m: Json) => [m.group, m.role, m.businessUnits, m.source, m.config]);
    expect(rows).toEqual([
      ["Data Science/EU", "viewer", ["(untagged)", "mobile"], "database", null],
      ["eng-payments", "finops", [], "database", { role: "viewer", businessUnits: ["payments"] }],
      ["finops-admins", "admin", [], "config", { role: "admin", businessUnits: [] }],
    ]);
  });
});

describe("PUT and DELETE /api/admin/role-mappings/{group}", () => {
  it("re-applies a change to users already signed in, and a delete brings the config back", async () => {
    const session = await createSession(db, "u-ana", LIMITS);
    const promoted = await put("eng-payments", { role: "finops" });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ usersUpdated: 1, mapping: { group: "eng-payments", role: "finops", source: "database" } });
    // lib/auth/roles.ts sees the row over AUTH_ROLE_MAP ...
    expect(grantOfGroups(["eng-payments"], await roleMap(db, authConfig().AUTH_ROLE_MAP))).toEqual({ role: "finops", businessUnits: [] });
    // ... and so does Ana's open session on her next request: finops sees every business unit.
    expect(await principalOfSession(db, session, LIMITS, nextRequest())).toMatchObject({ role: "finops", businessUnits: null });

    const restored = await del("eng-payments");
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ usersUpdated: 1, mapping: { role: "viewer", businessUnits: ["payments"], source: "config" } });
    expect(await principalOfSession(db, session, LIMITS, new Date(Date.now() + 12_000))).toMatchObject({ role: "viewer", businessUnits: ["payments"] });
    expect(await db.roleMapping.count()).toBe(0);
  });

  it("ends the access of a user whose last mapped group is removed", async () => {
    await db.appUser.update({ where: { id: "u-ana" }, data: { groups: ["contractors"], role: null, businessUnits: [] } });
    expect((await put("contractors", { role: "viewer", businessUnits: ["retail"] })).body.usersUpdated).toBe(1);
    const session = await createSession(db, "u-ana", LIMITS);
    expect(await principalOfSession(db, session, LIMITS, nextRequest())).toMatchObject({ role: "viewer", businessUnits: ["retail"] });
    const removed = await del("contractors");
    expect(removed.body).toEqual({ mapping: null, usersUpdated: 1 });
    expect(await principalOfSession(db, session, LIMITS, new Date(Date.now() + 12_000))).toBeNull();
  });

  it("records each change with before and after in the audit log", async () => {
    await put("eng-payments", { role: "finops" });
    await del("eng-payments");
    const log = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.target, l.actorName, l.before, l.after])).toEqual([
      ["role-mapping.update", "eng-payments", "local (AUTH_MODE=none)", { role: "viewer", businessUnits: ["payments"], source: "config" }, { role: "finops", businessUnits: [], source: "database", usersUpdated: 1 }],
      ["role-mapping.update", "eng-payments", "local (AUTH_MODE=none)", { role: "finops", businessUnits: [], source: "database" }, { role: "viewer", businessUnits: ["payments"], source: "config", usersUpdated: 1 }],
    ]);
  });

  it("answers 404 for a group without a row, config entries included", async () => {
    const missing = await del("finops-admins");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("group finops-admins: has no role mapping row (AUTH_ROLE_MAP entries are changed in the configuration)");
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses bad input with a 400 naming the field, storing and auditing nothing", async () => {
    const cases: [string, unknown, string][] = [
      ["eng-mobile", { role: "viewer" }, "businessUnits: must name at least one business unit for a viewer"],
      ["eng-mobile", { role: "viewer", businessUnits: [] }, "businessUnits: must name at least one business unit for a viewer"],
      ["eng-mobile", { role: "finops", businessUnits: ["payments"] }, "businessUnits: must be empty for finops (only viewers are limited to business units)"],
      ["eng-mobile", { role: "owner" }, "role: must be one of admin, finops, viewer"],
      ["eng-mobile", { role: "admin", team: "x" }, "team: is not a known parameter"],
      ["eng-mobile", { role: "viewer", businessUnits: ["payments", ""] }, "businessUnits.1: must not contain empty names (the untagged business unit is (untagged))"],
      ["line\nbreak", { role: "admin" }, "group: must not contain control characters"],
      [" padded", { role: "admin" }, "group: must not start or end with spaces"],
      ["g".repeat(257), { role: "admin" }, "group: must be at most 256 characters"],
    ];
    for (const [group, body, message] of cases) {
      const response = await put(group, body);
      expect([response.status, response.body.error.message], JSON.stringify(body)).toEqual([400, message]);
    }
    const broken = await call(putMapping, "/api/admin/role-mappings/%E0%A4%A", { method: "PUT", body: { role: "admin" } });
    expect([broken.status, broken.body.error.message]).toEqual([400, "group: is not a valid URL-encoded group name"]);
    expect(await db.roleMapping.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("is for admins only", async () => {
    const finops = { kind: "token" as const, id: "t", name: "finops script", role: "finops" as const, businessUnits: null };
    const response = await call(putMapping, path("eng-payments"), { method: "PUT", body: { role: "admin" }, principal: finops });
    expect(response.status).toBe(403);
    expect(await db.roleMapping.count()).toBe(0);
  });
});
