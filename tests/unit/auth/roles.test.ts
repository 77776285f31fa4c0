import { describe, expect, it } from "vitest";
import { setCookie } from "@/lib/auth/cookies";
import { safeNext } from "@/lib/auth/oidc";
import { grantOfGroups, groupsOfClaims } from "@/lib/auth/roles";

const map = {
  "kms-admins": { role: "admin" as const, businessUnits: [] },
  finops: { role: "finops" as const, businessUnits: [] },
  "eng-payments": { role: "viewer" as const, businessUnits: ["payments"] },
  "eng-mobile": { role: "viewer" as const, businessUnits: ["mobile", ""] },
};

describe("IdP groups → role", () => {
  it("gives the strongest mapped role, business units only to viewers", () => {
    expect(grantOfGroups(["eng-payments", "finops"], map)).toEqual({ role: "finops", businessUnits: [] });
    expect(grantOfGroups(["kms-admins", "eng-payments"], map)).toEqual({ role: "admin", businessUnits: [] });
  });

  it("gives a viewer of several groups the union of their business units", () => {
    expect(grantOfGroups(["eng-mobile", "eng-payments", "other"], map)).toEqual({ role: "viewer", businessUnits: ["", "mobile", "payments"] });
  });

  it("grants nothing without a mapped group, and never through inherited names", () => {
    expect(grantOfGroups(["marketing"], map)).toBeNull();
    expect(grantOfGroups(["__proto__", "toString", "constructor"], map)).toBeNull();
  });

  it("reads the groups claim as an array, a space/comma list, or nothing", () => {
    expect(groupsOfClaims({ groups: ["a", "b", 3] }, "groups")).toEqual(["a", "b"]);
    expect(groupsOfClaims({ roles: "a, b c" }, "roles")).toEqual(["a", "b", "c"]);
    expect(groupsOfClaims({}, "groups")).toEqual([]);
  });
});

describe("sign-in flow helpers", () => {
  it("returns only to a local path after sign-in (no open redirect)", () => {
    expect(safeNext("/keys?bu=payments")).toBe("/keys?bu=payments");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });

  it("writes HttpOnly SameSite=Lax cookies, Secure behind https", () => {
    expect(setCookie("kfo_session", "a b", { maxAgeSeconds: 60, secure: false })).toBe("kfo_session=a%20b; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
    expect(setCookie("kfo_oidc", "x", { path: "/auth", maxAgeSeconds: 600, secure: true })).toBe("kfo_oidc=x; Path=/auth; Max-Age=600; HttpOnly; SameSite=Lax; Secure");
  });
});
