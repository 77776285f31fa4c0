// Every route handler is served from an endpoint module (lib/endpoints/*) and every endpoint
// module is documented in docs/api.md under a heading naming its route, so the docs cannot
// drift from the code and a new endpoint cannot skip its schema or its access rule.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "@/lib/api/endpoint";
import { ACCESS_RULES } from "@/lib/auth/access-rules";

const ROOT = process.cwd();
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Handlers that are not JSON reads or writes of one schema, each with the reason: the sign-in
 * flow and the catch-all 404 check their own proofs, and streams answer CSV, PDF or a multipart
 * upload rather than JSON. Shrinks as routes move to modules; never grows without a reason.
 */
const NOT_MODULES: Record<string, string> = {
  "* /api/[...unknown]": "the JSON 404 for any path no route serves",
  "GET /api/admin/audit": "TODO(#17) not converted yet",
  "PUT /api/admin/role-mappings/[group]": "TODO(#17) not converted yet",
  "DELETE /api/admin/role-mappings/[group]": "TODO(#17) not converted yet",
  "GET /api/admin/role-mappings": "TODO(#17) not converted yet",
  "DELETE /api/admin/sessions/[id]": "TODO(#17) not converted yet",
  "GET /api/admin/sessions": "TODO(#17) not converted yet",
  "DELETE /api/admin/tokens/[id]": "TODO(#17) not converted yet",
  "GET /api/admin/tokens": "TODO(#17) not converted yet",
  "POST /api/admin/tokens": "TODO(#17) not converted yet",
  "DELETE /api/admin/users/[id]/sessions": "TODO(#17) not converted yet",
  "GET /api/admin/users": "TODO(#17) not converted yet",
  "PUT /api/alerts/channels/[id]": "TODO(#17) not converted yet",
  "DELETE /api/alerts/channels/[id]": "TODO(#17) not converted yet",
  "POST /api/alerts/channels/[id]/test": "TODO(#17) not converted yet",
  "GET /api/alerts/channels": "TODO(#17) not converted yet",
  "POST /api/alerts/channels": "TODO(#17) not converted yet",
  "GET /api/alerts/conditions": "TODO(#17) not converted yet",
  "POST /api/alerts/deliveries/[id]/retry": "TODO(#17) not converted yet",
  "GET /api/alerts/deliveries": "TODO(#17) not converted yet",
  "POST /api/alerts/rules/[id]/mute": "TODO(#17) not converted yet",
  "PUT /api/alerts/rules/[id]": "TODO(#17) not converted yet",
  "DELETE /api/alerts/rules/[id]": "TODO(#17) not converted yet",
  "GET /api/alerts/rules": "TODO(#17) not converted yet",
  "POST /api/alerts/rules": "TODO(#17) not converted yet",
  "GET /api/bill/imports": "TODO(#17) not converted yet",
  "POST /api/bill/imports": "TODO(#17) not converted yet",
  "GET /api/costs/by-bu": "TODO(#17) not converted yet",
  "GET /api/costs/chargeback": "TODO(#17) not converted yet",
  "GET /api/costs/modeled": "TODO(#17) not converted yet",
  "GET /api/costs/reconciliation": "TODO(#17) not converted yet",
  "GET /api/export/audit": "TODO(#17) not converted yet",
  "GET /api/export/chargeback": "TODO(#17) not converted yet",
  "GET /api/findings": "TODO(#17) not converted yet",
  "GET /api/freshness": "TODO(#17) not converted yet",
  "GET /api/keys/[arn]": "TODO(#17) not converted yet",
  "GET /api/keys": "TODO(#17) not converted yet",
  "GET /api/mttp": "TODO(#17) not converted yet",
  "GET /api/overview": "TODO(#17) not converted yet",
  "PUT /api/reports/schedules/[id]": "TODO(#17) not converted yet",
  "DELETE /api/reports/schedules/[id]": "TODO(#17) not converted yet",
  "POST /api/reports/schedules/[id]/send-now": "TODO(#17) not converted yet",
  "GET /api/reports/schedules": "TODO(#17) not converted yet",
  "POST /api/reports/schedules": "TODO(#17) not converted yet",
  "GET /api/reports/showback": "TODO(#17) not converted yet",
  "GET /api/resources/noncompliant": "TODO(#17) not converted yet",
  "GET /api/savings/bucket-keys": "TODO(#17) not converted yet",
  "GET /api/savings/idle-keys": "TODO(#17) not converted yet",
  "GET /api/settings": "TODO(#17) not converted yet",
  "PUT /api/settings": "TODO(#17) not converted yet",
};

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, name);
    return name.test(entry.name) ? [path] : [];
  });
}

const urlOf = (file: string) => "/" + relative(join(ROOT, "app"), file).split(sep).slice(0, -1).join("/");

async function endpointModules(): Promise<Endpoint[]> {
  const found: Endpoint[] = [];
  for (const file of files(join(ROOT, "lib", "endpoints"), /\.ts$/)) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (value && typeof value === "object" && "route" in value && "params" in value && "query" in value) found.push(value as Endpoint);
    }
  }
  return found;
}

describe("endpoint modules", () => {
  it("serve every route handler but the listed exceptions", () => {
    const handlers = files(join(ROOT, "app", "api"), /^route\.ts$/).flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source)).map((m) => ({
        id: `${m} ${urlOf(file)}`,
        served: new RegExp(`export\\s+const\\s+${m}\\s*=\\s*serve\\(`).test(source),
      }));
    });
    expect(handlers.length).toBeGreaterThan(40);
    const unserved = handlers.filter((h) => !h.served && !NOT_MODULES[h.id] && !NOT_MODULES[`* ${h.id.split(" ")[1]}`]).map((h) => h.id);
    expect(unserved).toEqual([]);
  });

  it("are served under their own route", async () => {
    for (const file of files(join(ROOT, "app", "api"), /^route\.ts$/)) {
      const source = readFileSync(file, "utf8");
      for (const [, method, name] of source.matchAll(/export\s+const\s+(\w+)\s*=\s*serve\((\w+)\)/g)) {
        const from = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "@/(lib/endpoints/[^"]+)"`).exec(source);
        expect(from, `${file}: ${name} is not imported from lib/endpoints`).not.toBeNull();
        const exported = (await import(join(ROOT, `${from![1]}.ts`))) as Record<string, Endpoint>;
        expect(exported[name!]!.route, file).toBe(`${method} ${urlOf(file)}`);
      }
    }
  });

  it("each have an access rule and a section in docs/api.md", async () => {
    const modules = await endpointModules();
    expect(modules.map((m) => m.route)).toContain("GET /api/coverage");
    const docs = readFileSync(join(ROOT, "docs", "api.md"), "utf8");
    const headings = docs.split("\n").filter((line) => line.startsWith("#"));
    for (const { route } of modules) {
      expect(ACCESS_RULES[route], route).toBeDefined();
      // docs/api.md writes path segments as {arn}: "GET /api/keys/{arn}".
      const [method, path] = route.split(" ");
      const documented = headings.some((h) => h.includes(`\`${method} ${path!.replace(/\[([^\]]+)\]/g, "{$1}")}\``) || h.includes(`${method} ${path!.replace(/\[([^\]]+)\]/g, "{$1}")}\``));
      expect(documented, `${route} has no heading in docs/api.md`).toBe(true);
    }
  });
});
