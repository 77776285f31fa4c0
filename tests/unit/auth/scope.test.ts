import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/domain/errors";
import { runWithPrincipal } from "@/lib/auth/context";
import type { Principal } from "@/lib/auth/principal";
import { inScope, scopeKey, scopedBusinessUnits, scopedFilters } from "@/lib/auth/scope";

const admin: Principal = { kind: "demo", id: "a", name: "a", role: "admin", businessUnits: null };
const viewer: Principal = { kind: "session", id: "v", name: "v", role: "viewer", businessUnits: ["payments", ""] };

describe("business-unit scope", () => {
  it("an unscoped principal keeps the request as it is", () => {
    expect(scopedBusinessUnits(admin, undefined)).toBeUndefined();
    expect(scopedFilters({ bu: ["search"], account: ["111122223333"] }, admin)).toEqual({ bu: ["search"], account: ["111122223333"] });
  });

  it("a viewer who asks for nothing reads their whole scope, the untagged BU included", () => {
    expect(scopedFilters({ account: ["111122223333"] }, viewer)).toEqual({ account: ["111122223333"], bu: ["payments", ""] });
  });

  it("a viewer's request is cut to the BUs in scope", () => {
    expect(scopedBusinessUnits(viewer, ["payments", "search"])).toEqual(["payments"]);
  });

  it("a request only for BUs outside the scope is 404, never an empty (= unfiltered) list", () => {
    const error = (() => {
      try {
        scopedBusinessUnits(viewer, ["search"]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(() => scopedBusinessUnits({ ...viewer, businessUnits: [] }, undefined)).toThrow(ApiError);
  });

  it("inScope and scopeKey", () => {
    expect(inScope(viewer, "")).toBe(true);
    expect(inScope(viewer, "search")).toBe(false);
    expect(inScope(admin, "search")).toBe(true);
    expect(scopeKey(admin)).toBe("*");
    expect(scopeKey(viewer)).toBe(scopeKey({ ...viewer, businessUnits: ["", "payments"] }));
    expect(runWithPrincipal(viewer, () => scopedFilters({}))).toEqual({ bu: ["payments", ""] });
    expect(() => scopedFilters({})).toThrow(/no principal/);
  });
});
