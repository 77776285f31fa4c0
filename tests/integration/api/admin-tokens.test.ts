// The admin API for API tokens against the real database: create → the secret works as a bearer
// → revoke → 401; viewer scope; expiry and scope validation; last use; the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listTokens, POST as createToken } from "@/app/api/admin/tokens/route";
import { DELETE as revokeToken } from "@/app/api/admin/tokens/[id]/route";
import { GET as overview } from "@/app/api/overview/route";
import { currentPrincipal } from "@/lib/auth/context";
import { withRule } from "@/lib/auth/with-access";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());
beforeAll(() => resetTables(db));

const DAY_MS = 86_400_000;
const create = (body: Json) => call(createToken, "/api/admin/tokens", { method: "POST", body });
const revoke = (id: string) => call(revokeToken, `/api/admin/tokens/${id}`, { method: "DELETE", body: {}, params: { id } });
const withBearer = (secret: string) => new Request("http://x/api/overview", { headers: { authorization: `Bearer ${secret}` } });
const listed = async (id: string) => ((await call(listTokens, "/api/admin/tokens")).body.items as Json[]).find((t) => t.id === id);

describe("POST /api/admin/tokens → bearer → DELETE", () => {
  it("creates a token whose secret is shown once, works on /api/overview until revoked, then answers 401", async () => {
    const before = Date.now();
    const created = await create({ name: "finance export", role: "finops", expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "finance export", role: "finops", businessUnits: [] });
    expect(created.body.secret).toMatch(/^kfo_/);
    // 30 days from the request, to the second.
    expect(Math.abs(new Date(created.body.expiresAt).getTime() - (before + 30 * DAY_MS))).toBeLessThan(5_000);
    // Only the hash is stored, and the list never shows the secret.
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.tokenHash).not.toBe(created.body.secret);
    expect(JSON.stringify(await listed(created.body.id))).not.toContain(created.body.secret);

    expect((await listed(created.body.id)).lastUsedAt).toBeNull();
    const used = await overview(withBearer(created.body.secret));
    expect(used.status).toBe(200);
    expect((await used.json()).tiles).toBeDefined();
    const afterUse = await listed(created.body.id);
    expect(afterUse).toMatchObject({ status: "active", revokedAt: null, createdBy: "anonymous", role: "finops" });
    expect(new Date(afterUse.lastUsedAt).getTime()).toBeGreaterThanOrEqual(before);

    const revoked = await revoke(created.body.id);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, revoked: true });
    // At once: the token cache of this process drops it.
    const refused = await overview(withBearer(created.body.secret));
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
    expect((await listed(created.body.id)).status).toBe("revoked");
    // Again: nothing changes, no second audit row.
    expect((await revoke(created.body.id)).body).toMatchObject({ revoked: false, revokedAt: revoked.body.revokedAt });

    const log = await db.auditLog.findMany({ where: { target: created.body.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorName])).toEqual([["token.create", "local (AUTH_MODE=none)"], ["token.revoke", "local (AUTH_MODE=none)"]]);
    expect(log[0]!.before).toBeNull();
    expect(log[0]!.after).toMatchObject({ name: "finance export", role: "finops", businessUnits: [] });
    expect(log[1]!.before).toMatchObject({ name: "finance export", revokedAt: null });
    expect(log[1]!.after).toMatchObject({ name: "finance export", revokedAt: revoked.body.revokedAt });
  });

  it("answers 404 for an unknown token and 400 for an id that is not a UUID", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await revoke(unknown)).toEqual({ status: 404, body: { error: { code: "not_found", message: `id: no token ${unknown}` } } });
    expect(await revoke("abc")).toEqual({ status: 400, body: { error: { code: "bad_request", message: "id: must be a token id (UUID)" } } });
  });
});

describe("viewer tokens", () => {
  it("carry their business units (the untagged one by its label) and reach no admin route", async () => {
    const created = await create({ name: "payments BI", role: "viewer", businessUnits: ["payments", "(untagged)", "payments"], expiresAt: new Date(Date.now() + 10 * DAY_MS).toISOString() });
    expect(created.status).toBe(201);
    expect(created.body.businessUnits).toEqual(["(untagged)", "payments"]);
    const echo = await withRule("GET /api/overview", "read", async () => Response.json(currentPrincipal()))(withBearer(created.body.secret));
    // Stored form: "" is the untagged business unit.
    expect(await echo.json()).toMatchObject({ kind: "token", role: "viewer", businessUnits: ["", "payments"] });
    const admin = await listTokens(new Request("http://x/api/admin/tokens", { headers: { authorization: `Bearer ${created.body.secret}` } }));
    expect(admin.status).toBe(403);
    expect((await admin.json()).error.message).toBe("role viewer may not call GET /api/admin/tokens");
  });
});

describe("validation: 400 naming the field, nothing stored", () => {
  const cases: [string, Json, string][] = [
    ["viewer without business units", { name: "v", role: "viewer", expiresInDays: 5 }, "businessUnits: a viewer token needs at least one business unit"],
    ["viewer with an empty list", { name: "v", role: "viewer", businessUnits: [], expiresInDays: 5 }, "businessUnits: a viewer token needs at least one business unit"],
    ["finops with business units", { name: "f", role: "finops", businessUnits: ["payments"], expiresInDays: 5 }, "businessUnits: only viewer tokens are scoped (a finops token sees every business unit)"],
    ["no expiry", { name: "f", role: "finops" }, "expiresInDays: give either expiresInDays or expiresAt (one of them)"],
    ["both expiries", { name: "f", role: "finops", expiresInDays: 5, expiresAt: "2099-01-01T00:00:00Z" }, "expiresInDays: give either expiresInDays or expiresAt (one of them)"],
    ["0 days", { name: "f", role: "finops", expiresInDays: 0 }, "expiresInDays: must be a whole number of days from 1 to 366"],
    ["367 days", { name: "f", role: "finops", expiresInDays: 367 }, "expiresInDays: must be a whole number of days from 1 to 366"],
    ["1.5 days", { name: "f", role: "finops", expiresInDays: 1.5 }, "expiresInDays: must be a whole number of days from 1 to 366"],
    ["days as text", { name: "f", role: "finops", expiresInDays: "30" }, "expiresInDays: must be a whole number of days from 1 to 366"],
    ["a past expiresAt", { name: "f", role: "finops", expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt: must be in the future"],
    ["expiresAt beyond 366 days", { name: "f", role: "finops", expiresAt: new Date(Date.now() + 367 * DAY_MS).toISOString() }, "expiresAt: must be at most 366 days from now"],
    ["expiresAt not a date-time", { name: "f", role: "finops", expiresAt: "tomorrow" }, "expiresAt: must be a date-time such as 2027-01-31T00:00:00Z"],
    ["an unknown role", { name: "f", role: "owner", expiresInDays: 5 }, "role: must be one of admin, finops, viewer"],
    ["a blank name", { name: "  ", role: "finops", expiresInDays: 5 }, "name: must not be empty"],
    ["an unknown field", { name: "f", role: "finops", expiresInDays: 5, secret: "kfo_mine" }, "secret: is not a known parameter"],
  ];
  for (const [what, body, message] of cases) {
    it(what, async () => {
      const before = await db.apiToken.count();
      expect(await create(body)).toEqual({ status: 400, body: { error: { code: "bad_request", message } } });
      expect(await db.apiToken.count()).toBe(before);
    });
  }
});
