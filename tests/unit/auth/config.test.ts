import { describe, expect, it } from "vitest";
import { parseAuthConfig } from "@/lib/auth/config";

const oidc = { AUTH_MODE: "oidc", APP_URL: "https://finops.example.com", OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" };

describe("parseAuthConfig", () => {
  it("refuses to start without AUTH_MODE", () => {
    expect(() => parseAuthConfig({})).toThrow(/AUTH_MODE: must be oidc, demo or none/);
  });

  it("names each missing OIDC setting", () => {
    expect(() => parseAuthConfig({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://login.example.com" })).toThrow(
      /OIDC_CLIENT_ID: is required when AUTH_MODE=oidc; OIDC_CLIENT_SECRET: is required when AUTH_MODE=oidc; APP_URL: is required/,
    );
  });

  it("reads the group → role map, viewers with their business units", () => {
    const config = parseAuthConfig({ ...oidc, AUTH_ROLE_MAP: '{"finops-admins":"admin","eng-payments":{"role":"viewer","businessUnits":["payments"]}}' });
    expect(config.AUTH_ROLE_MAP).toEqual({ "finops-admins": { role: "admin", businessUnits: [] }, "eng-payments": { role: "viewer", businessUnits: ["payments"] } });
    expect(config.OIDC_SCOPES).toBe("openid email profile");
    expect(config.OIDC_GROUPS_CLAIM).toBe("groups");
  });

  it("names AUTH_ROLE_MAP when it is not JSON or names an unknown role", () => {
    expect(() => parseAuthConfig({ ...oidc, AUTH_ROLE_MAP: "finops-admins=admin" })).toThrow(/AUTH_ROLE_MAP: must be JSON/);
    expect(() => parseAuthConfig({ ...oidc, AUTH_ROLE_MAP: '{"x":"root"}' })).toThrow(/AUTH_ROLE_MAP/);
  });

  it("needs nothing else for demo and none", () => {
    expect(parseAuthConfig({ AUTH_MODE: "none" }).AUTH_MODE).toBe("none");
    expect(parseAuthConfig({ AUTH_MODE: "demo" }).AUTH_MODE).toBe("demo");
  });
});
