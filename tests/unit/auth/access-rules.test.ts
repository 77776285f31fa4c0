// Every page and every exported HTTP method of every route handler on disk needs a rule.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_RULES, roleMayCall, type RouteId } from "@/lib/auth/access-rules";
import type { Role } from "@/lib/auth/principal";
import { endpointModules, allRouteRules } from "@/tests/support/route-rules";

const APP = join(process.cwd(), "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, name);
    return entry.name === name ? [path] : [];
  });
}

function urlOf(file: string): string {
  const dir = relative(APP, file).split(sep).slice(0, -1).filter((part) => !/^\(.*\)$/.test(part));
  return "/" + dir.join("/");
}

function routeIdsOnDisk(): string[] {
  const pages = files(APP, "page.tsx").map((file) => `PAGE ${urlOf(file)}`);
  const handlers = files(APP, "route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source)).map((m) => `${m} ${urlOf(file)}`);
  });
  return [...pages, ...handlers];
}

const rules = await allRouteRules();
const mayCall = (role: Role, id: string) => roleMayCall(role, rules[id]!);

describe("access rules", () => {
  const onDisk = routeIdsOnDisk();

  it("finds the routes of the app", () => {
    expect(onDisk).toContain("PAGE /");
    expect(onDisk).toContain("POST /api/runs");
    expect(onDisk).toContain("GET /api/keys/[arn]");
  });

  it("has a rule for every page and every method of every route handler", () => {
    const missing = onDisk.filter((id) => !(id in rules));
    expect(missing, "routes without an access rule (in their endpoint module or lib/auth/access-rules.ts)").toEqual([]);
  });

  it("keeps one rule per route: an endpoint module's route is not in the table too", async () => {
    const modules = await endpointModules();
    expect(modules.length).toBeGreaterThan(40);
    expect(modules.map((m) => m.route).filter((route) => route in ACCESS_RULES)).toEqual([]);
  });

  it("wraps every exported method of every route handler in withAccess with its own rule", () => {
    for (const file of files(APP, "route.ts")) {
      const source = readFileSync(file, "utf8");
      for (const m of METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source))) {
        const id = `${m} ${urlOf(file)}` as RouteId;
        // serve(endpoint) guards with the module's own access (its route is checked in endpoint-modules.test.ts).
        if (new RegExp(`export const ${m} = serve\\(`).test(source)) continue;
        const wrapper = ACCESS_RULES[id] === "public" ? "publicRoute" : "withAccess";
        expect(source, file).toContain(`export const ${m} = ${wrapper}("${id}", `);
      }
    }
  });

  it("has no rule for a route that no longer exists", () => {
    expect(Object.keys(rules).filter((id) => !onDisk.includes(id))).toEqual([]);
  });

  it("lets only admins change settings, start runs, import the bill, manage alerts and read the audit log, keeps runs and bill imports from viewers; every role reads and exports the rest", () => {
    for (const id of Object.keys(rules)) {
      const adminOnly = id === "PUT /api/settings" || id === "POST /api/runs" || id.includes("/admin") || id === "GET /api/export/audit" || id === "POST /api/bill/imports" || / \/(api\/)?alerts\b/.test(id) || id.includes("/api/reports/schedules");
      // Run warnings name resources of every account and business unit; so do bill imports (buckets, files) and the showback pack.
      const noViewer = adminOnly || id === "PAGE /runs" || id.startsWith("GET /api/runs") || id === "GET /api/bill/imports" || id === "PAGE /reports/showback" || id === "GET /api/reports/showback";
      expect(mayCall("admin", id), id).toBe(true);
      expect(mayCall("finops", id), id).toBe(!adminOnly);
      expect(mayCall("viewer", id), id).toBe(!noViewer);
    }
  });
});
