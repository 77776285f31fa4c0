// The switcher outside the database: who the cookie makes the demo visitor, and what the route
// answers before it would read the data (mode, CSRF, body shape).
import { describe, expect, it } from "vitest";
import { parseAuthConfig } from "@/lib/auth/config";
import { authenticate } from "@/lib/auth/with-access";
import { DEMO_ADMIN, demoPrincipal, switchDemoView } from "@/lib/auth/demo-view";
import type { Db } from "@/lib/db/client";

const demo = parseAuthConfig({ AUTH_MODE: "demo" });
const oidc = parseAuthConfig({ AUTH_MODE: "oidc", APP_URL: "https://finops.example.com", OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" });
const none = parseAuthConfig({ AUTH_MODE: "none" });
// The checks below all answer before the data is read: a database that is never there.
const noDb = new Proxy({}, { get: () => { throw new Error("the database must not be read"); } }) as Db;

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json", origin: "http://127.0.0.1:3000" }) =>
  new Request("http://127.0.0.1:3000/auth/demo-view", { method: "POST", headers, body });

describe("demoPrincipal", () => {
  it("is the demo admin without a choice, a viewer of exactly the chosen BU with one", () => {
    expect(demoPrincipal(null)).toBe(DEMO_ADMIN);
    expect(demoPrincipal("payments")).toEqual({ kind: "demo", id: "demo", name: "Demo BU manager of payments", role: "viewer", businessUnits: ["payments"] });
    expect(demoPrincipal("(untagged)").businessUnits).toEqual([""]);
  });
});

describe("authenticate reads the view cookie only in demo mode", () => {
  const withCookie = new Request("http://127.0.0.1:3000/api/overview", { headers: { cookie: "other=1; kms_finops_demo_view=data%20platform" } });
  it("demo: the BU manager of the cookie's BU", async () => {
    expect(await authenticate(withCookie, demo)).toMatchObject({ role: "viewer", businessUnits: ["data platform"] });
  });
  it("none: still the unscoped local admin", async () => {
    expect(await authenticate(withCookie, none)).toMatchObject({ kind: "none", role: "admin", businessUnits: null });
  });
  it("oidc: no session, so anonymous — the cookie signs nobody in", async () => {
    expect(await authenticate(withCookie, oidc)).toBeNull();
  });
});

describe("POST /auth/demo-view", () => {
  it("is 404 outside demo mode and sets no cookie", async () => {
    for (const config of [oidc, none]) {
      const response = await switchDemoView(post('{"businessUnit":"payments"}'), config, noDb);
      expect(response.status).toBe(404);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });
  it("is 403 without JSON or from another origin", async () => {
    expect((await switchDemoView(post('{"businessUnit":null}', { "content-type": "text/plain", origin: "http://127.0.0.1:3000" }), demo, noDb)).status).toBe(403);
    expect((await switchDemoView(post('{"businessUnit":null}', { "content-type": "application/json", origin: "https://evil.example" }), demo, noDb)).status).toBe(403);
  });
  it("is 400 naming businessUnit for a body of the wrong shape", async () => {
    for (const body of ["{}", '{"businessUnit":42}', '{"businessUnit":""}']) {
      const response = await switchDemoView(post(body), demo, noDb);
      expect(response.status, body).toBe(400);
      expect((await response.json()).error.message, body).toMatch(/^businessUnit: /);
    }
    const extra = await switchDemoView(post('{"businessUnit":null,"role":"admin"}'), demo, noDb);
    expect(extra.status).toBe(400);
    expect((await extra.json()).error.message).toMatch(/^role: /);
  });
  it("clears the cookie for the admin view without reading the data", async () => {
    const response = await switchDemoView(post('{"businessUnit":null}'), demo, noDb);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBe("kms_finops_demo_view=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  });
});
