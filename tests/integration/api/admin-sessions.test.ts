// The admin API for users and sessions against the real database: who is listed with how many
// live sessions, revoking one session (at once, cache included) or all of a user's, the audit rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listSessions } from "@/app/api/admin/sessions/route";
import { DELETE as revokeSession } from "@/app/api/admin/sessions/[id]/route";
import { GET as listUsers } from "@/app/api/admin/users/route";
import { DELETE as signOutUser } from "@/app/api/admin/users/[id]/sessions/route";
import { createSession, principalOfSession } from "@/lib/auth/sessions";
import { sha256Hex } from "@/lib/auth/tokens";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());

// SESSION_IDLE_MINUTES is the default 480 here (call.ts runs AUTH_MODE=none without it).
const LIMITS = { idleMinutes: 480, maxHours: 168 };
const ANA = "11111111-1111-4111-8111-111111111111";
const BO = "22222222-2222-4222-8222-222222222222";
const CY = "33333333-3333-4333-8333-333333333333";
const HOUR = 3_600_000;
const now = Date.now();
const secrets: Record<string, string> = {};

beforeAll(async () => {
  await resetTables(db);
  await db.appUser.createMany({
    data: [
      { id: ANA, subject: "sub-ana", email: "ana@example.com", role: "admin", businessUnits: [], groups: ["finops-admins"], lastSignInAt: new Date(now - 2 * HOUR) },
      { id: BO, subject: "sub-bo", email: "bo@example.com", role: "viewer", businessUnits: ["payments", ""], groups: ["eng-payments"], lastSignInAt: new Date(now - HOUR) },
      // Signed in once, in no mapped group: no role, never a session.
      { id: CY, subject: "sub-cy", name: "Cy", role: null, businessUnits: [], groups: ["marketing"], lastSignInAt: new Date(now - 3 * HOUR) },
    ],
  });
  secrets.ana = await createSession(db, ANA, LIMITS, new Date(now - 2 * HOUR));
  secrets.boLaptop = await createSession(db, BO, LIMITS, new Date(now - HOUR));
  secrets.boPhone = await createSession(db, BO, LIMITS, new Date(now - 30 * 60_000));
  // Not live: Bo's session idle for 9 h (> 480 min), and one revoked.
  secrets.boIdle = await createSession(db, BO, LIMITS, new Date(now - 9 * HOUR));
  secrets.boRevoked = await createSession(db, BO, LIMITS, new Date(now - 5 * HOUR));
  await db.appSession.update({ where: { tokenHash: sha256Hex(secrets.boRevoked) }, data: { revokedAt: new Date(now - 4 * HOUR) } });
});

const sessionId = async (secret: string) => (await db.appSession.findUniqueOrThrow({ where: { tokenHash: sha256Hex(secret) } })).id;
const users = async () => (await call(listUsers, "/api/admin/users")).body.items as Json[];

describe("GET /api/admin/users and /api/admin/sessions", () => {
  it("lists users, most recent sign-in first, with their live session count and last activity", async () => {
    const items = await users();
    expect(items.map((u) => [u.email ?? u.name, u.role, u.businessUnits, u.activeSessions])).toEqual([
      ["bo@example.com", "viewer", ["payments", "(untagged)"], 2],
      ["ana@example.com", "admin", null, 1],
      ["Cy", null, null, 0],
    ]);
    // Bo's last activity: the newest session's lastSeenAt (the phone, 30 minutes ago).
    expect(new Date(items[0].lastSeenAt).getTime()).toBe(now - 30 * 60_000);
    expect(items[2].lastSeenAt).toBeNull();
    expect(items[0].groups).toEqual(["eng-payments"]);
  });

  it("lists the live sessions only, each with its user and when it ends", async () => {
    const { status, body } = await call(listSessions, "/api/admin/sessions");
    expect(status).toBe(200);
    expect(body.items.map((s: Json) => s.user.name)).toEqual(["bo@example.com", "bo@example.com", "ana@example.com"]);
    const phone = body.items[0];
    expect(phone.id).toBe(await sessionId(secrets.boPhone!));
    expect(new Date(phone.expiresAt).getTime()).toBe(now - 30 * 60_000 + 168 * HOUR);
    expect(new Date(phone.idleExpiresAt).getTime()).toBe(now - 30 * 60_000 + 480 * 60_000);
  });

  it("refuses query parameters (400 naming them)", async () => {
    expect((await call(listUsers, "/api/admin/users?page=2")).body.error.message).toBe("page: is not a known parameter");
  });
});

describe("revoking", () => {
  it("ends one session at once, even one this process has cached, and audits it with before/after", async () => {
    const id = await sessionId(secrets.ana!);
    expect(await principalOfSession(db, secrets.ana!, LIMITS)).toMatchObject({ id: ANA, role: "admin" });
    const { status, body } = await call(revokeSession, `/api/admin/sessions/${id}`, { method: "DELETE", body: {}, params: { id } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, revoked: true });
    expect(await principalOfSession(db, secrets.ana!, LIMITS)).toBeNull();
    expect((await users()).find((u) => u.id === ANA).activeSessions).toBe(0);

    const [row] = await db.auditLog.findMany({ where: { action: "session.revoke" } });
    expect(row).toMatchObject({ actorName: "local (AUTH_MODE=none)", target: id });
    expect(row!.before).toMatchObject({ user: "ana@example.com", userId: ANA, revokedAt: null });
    expect(row!.after).toMatchObject({ user: "ana@example.com", revokedAt: body.revokedAt });
    // Revoking it again changes nothing and writes no second row.
    expect((await call(revokeSession, `/api/admin/sessions/${id}`, { method: "DELETE", body: {}, params: { id } })).body.revoked).toBe(false);
    expect(await db.auditLog.count({ where: { action: "session.revoke" } })).toBe(1);
  });

  it("signs a user out everywhere: every unrevoked session of theirs, cached or not", async () => {
    expect(await principalOfSession(db, secrets.boLaptop!, LIMITS)).toMatchObject({ id: BO, businessUnits: ["payments", ""] });
    const { status, body } = await call(signOutUser, `/api/admin/users/${BO}/sessions`, { method: "DELETE", body: {}, params: { id: BO } });
    // The laptop, the phone and the idle one (idle-ended but never revoked); not the revoked one.
    expect({ status, body }).toEqual({ status: 200, body: { userId: BO, revoked: 3 } });
    expect(await principalOfSession(db, secrets.boLaptop!, LIMITS)).toBeNull();
    expect(await principalOfSession(db, secrets.boPhone!, LIMITS)).toBeNull();
    expect((await call(listSessions, "/api/admin/sessions")).body.items).toEqual([]);
    const [row] = await db.auditLog.findMany({ where: { action: "user.sign-out" } });
    expect(row).toMatchObject({ target: BO, before: { user: "bo@example.com", unrevokedSessions: 3 }, after: { user: "bo@example.com", unrevokedSessions: 0 } });
  });

  it("answers 404 for an unknown session or user and 400 for a malformed id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await call(revokeSession, `/api/admin/sessions/${unknown}`, { method: "DELETE", body: {}, params: { id: unknown } })).toEqual({ status: 404, body: { error: { code: "not_found", message: `id: no session ${unknown}` } } });
    expect(await call(signOutUser, `/api/admin/users/${unknown}/sessions`, { method: "DELETE", body: {}, params: { id: unknown } })).toEqual({ status: 404, body: { error: { code: "not_found", message: `id: no user ${unknown}` } } });
    expect((await call(signOutUser, "/api/admin/users/sub-bo/sessions", { method: "DELETE", body: {}, params: { id: "sub-bo" } })).body.error.message).toBe("id: must be a user id (UUID)");
  });
});
