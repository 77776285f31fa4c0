// Tokens, sessions, the access matrix and the audit log against the real database: every rule of
// lib/auth/access-rules.ts called with a bearer token of each role and anonymously.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/route";
import { roleMayCall, type RouteId } from "@/lib/auth/access-rules";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { currentPrincipal } from "@/lib/auth/context";
import type { Principal, Role } from "@/lib/auth/principal";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { publicRoute, withRule } from "@/lib/auth/with-access";
import { allRouteRules } from "@/tests/support/route-rules";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { resetTables, testDb } from "../support/db";

Object.assign(process.env, {
  AUTH_MODE: "oidc",
  APP_URL: "https://finops.example.com",
  OIDC_ISSUER: "https://idp.example.com",
  OIDC_CLIENT_ID: "dashboard",
  OIDC_CLIENT_SECRET: "secret",
  SESSION_IDLE_MINUTES: "30",
});

const db = testDb();
const admin: Principal = { kind: "session", id: "u-admin", name: "admin@example.com", role: "admin", businessUnits: null };
const inAYear = new Date(Date.now() + 365 * 86_400_000);
const secrets = {} as Record<Role, string>;

afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});
beforeAll(async () => {
  await resetTables(db);
  for (const role of ["admin", "finops", "viewer"] as const) {
    secrets[role] = (await createApiToken(db, admin, { name: `${role} script`, role, businessUnits: role === "viewer" ? ["payments"] : [], expiresAt: inAYear })).secret;
  }
});

const request = (method: string, headers: Record<string, string> = {}, body?: unknown) =>
  new Request("https://finops.example.com/api/x", { method, headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const bearer = (role: Role) => ({ authorization: `Bearer ${secrets[role]}` });

// A handler that answers the principal it ran with: the matrix checks the gate, not the handler.
const echo = async () => Response.json(currentPrincipal());

const rules = await allRouteRules();

describe("access matrix: every rule × every role", () => {
  for (const [id, access] of Object.entries(rules)) {
    const method = id.startsWith("PAGE ") ? "GET" : id.split(" ")[0]!;
    const body = method === "GET" || method === "HEAD" ? undefined : {};
    it(id, async () => {
      if (access === "public") {
        // The sign-in flow and the API's JSON 404: reachable before anyone is known, by design.
        const handler = async () => new Response(null, { status: 204 });
        expect(publicRoute(id as RouteId, handler)).toBe(handler);
        return;
      }
      // The gate serve() puts around an endpoint module is withRule with the module's access.
      const handler = withRule(id, access, echo);
      const anonymous = await handler(request(method, {}, body));
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe("unauthorized");
      for (const role of ["admin", "finops", "viewer"] as const) {
        const response = await handler(request(method, bearer(role), body));
        const allowed = roleMayCall(role, access);
        expect(response.status, `${role} ${id}`).toBe(allowed ? 200 : 403);
        const json = await response.json();
        if (allowed) expect(json.role).toBe(role);
        else expect(json.error.code).toBe("forbidden");
      }
    });
  }
});

describe("API tokens", () => {
  it("give a viewer its business units and nobody else's", async () => {
    const response = await withRule("GET /api/overview", "read", echo)(request("GET", bearer("viewer")));
    expect(await response.json()).toMatchObject({ kind: "token", role: "viewer", businessUnits: ["payments"] });
    const finops = await withRule("GET /api/overview", "read", echo)(request("GET", bearer("finops")));
    expect((await finops.json()).businessUnits).toBeNull();
  });

  it("are stored as sha256 only and record when they were last used", async () => {
    const rows = await db.apiToken.findMany();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(secrets)).not.toContain(row.tokenHash);
    }
    expect(rows.find((r) => r.role === "finops")!.lastUsedAt).not.toBeNull();
  });

  it("stop working once revoked or expired, and the revocation is audited", async () => {
    const { id, secret } = await createApiToken(db, admin, { name: "short", role: "finops", businessUnits: [], expiresAt: inAYear });
    const call = () => withRule("GET /api/overview", "read", echo)(request("GET", { authorization: `Bearer ${secret}` }));
    expect((await call()).status).toBe(200);
    expect(await revokeApiToken(db, admin, id)).toBe(true);
    expect((await call()).status).toBe(401);
    const expired = await createApiToken(db, admin, { name: "old", role: "finops", businessUnits: [], expiresAt: new Date(Date.now() - 1000) });
    expect((await withRule("GET /api/overview", "read", echo)(request("GET", { authorization: `Bearer ${expired.secret}` }))).status).toBe(401);
    const log = await db.auditLog.findMany({ where: { target: id }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorName])).toEqual([["token.create", "admin@example.com"], ["token.revoke", "admin@example.com"]]);
    expect(log[0]!.after).toMatchObject({ name: "short", role: "finops" });
  });
});

describe("sessions and CSRF", () => {
  let cookie: string;
  beforeAll(async () => {
    await db.appUser.create({ data: { id: "u-admin", subject: "sub-admin", email: "admin@example.com", role: "admin", businessUnits: [], groups: ["finops-admins"] } });
    cookie = `${SESSION_COOKIE}=${await createSession(db, "u-admin", { idleMinutes: 30, maxHours: 24 })}`;
  });

  it("accepts the session cookie on reads", async () => {
    const response = await getSettings(request("GET", { cookie }));
    expect(response.status).toBe(200);
    expect((await response.json()).settings).toBeDefined();
  });

  it("refuses the cross-site no-cors form POST to /api/runs even with the cookie", async () => {
    const response = await withRule("POST /api/runs", "admin", echo)(
      new Request("https://finops.example.com/api/runs", { method: "POST", headers: { cookie, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" }, body: "{}" }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error).toEqual({ code: "forbidden", message: "state-changing requests must send content-type: application/json" });
  });

  it("refuses a JSON PUT from another origin and accepts it from the app's own", async () => {
    const put = putSettings;
    const foreign = await put(request("PUT", { cookie, origin: "https://evil.example" }, { unusedKeyDays: 45 }));
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toBe("origin https://evil.example is not this site");
    const same = await put(request("PUT", { cookie, origin: "https://finops.example.com" }, { unusedKeyDays: 45 }));
    expect(same.status).toBe(200);
    const [change] = await db.auditLog.findMany({ where: { action: "settings.update" } });
    expect(change).toMatchObject({ actorKind: "session", actorName: "admin@example.com", target: "policy", after: { unusedKeyDays: 45 } });
    expect((change!.before as { unusedKeyDays: number }).unusedKeyDays).toBe(90);
  });

  it("ends a session idle longer than the limit", async () => {
    const secret = await createSession(db, "u-admin", { idleMinutes: 30, maxHours: 24 });
    await db.appSession.updateMany({ where: { revokedAt: null, lastSeenAt: { gt: new Date(Date.now() - 5000) } }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await withRule("GET /api/overview", "read", echo)(request("GET", { cookie: `${SESSION_COOKIE}=${secret}` }))).status).toBe(401);
  });
});
