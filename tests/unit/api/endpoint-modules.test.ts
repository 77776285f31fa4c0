// Every route handler is served from an endpoint module (lib/endpoints/*) and every endpoint
// module is documented in docs/api.md under a heading naming its route, so the docs cannot
// drift from the code and a new endpoint cannot skip its schema or its access rule.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "@/lib/api/endpoint";
import { endpointModules } from "@/tests/support/route-rules";

const ROOT = process.cwd();
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Handlers that are not JSON reads or writes of one schema, each with the reason: the sign-in
 * flow and the catch-all 404 check their own proofs, and streams answer CSV, PDF or a multipart
 * upload rather than JSON. Shrinks as routes move to modules; never grows without a reason.
 */
const NOT_MODULES: Record<string, string> = {
  "* /api/[...unknown]": "the JSON 404 for any path no route serves",
  "POST /api/bill/imports": "a multipart upload of export files, spooled to disk, not a JSON body",
  "GET /api/export/audit": "a CSV stream: Postgres writes it (COPY ... TO STDOUT) straight into the response",
  "GET /api/export/chargeback": "a CSV stream written by Postgres (COPY), not JSON",
  "GET /api/reports/showback": "a PDF rendered by Chromium, not JSON",
};

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, name);
    return name.test(entry.name) ? [path] : [];
  });
}

const urlOf = (file: string) => "/" + relative(join(ROOT, "app"), file).split(sep).slice(0, -1).join("/");

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

  it("each have a section in docs/api.md", async () => {
    const modules = await endpointModules();
    expect(modules.map((m) => m.route)).toContain("GET /api/coverage");
    const docs = readFileSync(join(ROOT, "docs", "api.md"), "utf8");
    const headings = docs.split("\n").filter((line) => line.startsWith("#"));
    for (const { route } of modules) {
      // docs/api.md writes path segments as {arn}: "GET /api/keys/{arn}".
      const [method, path] = route.split(" ");
      const documented = headings.some((h) => h.includes(`\`${method} ${path!.replace(/\[([^\]]+)\]/g, "{$1}")}\``) || h.includes(`${method} ${path!.replace(/\[([^\]]+)\]/g, "{$1}")}\``));
      expect(documented, `${route} has no heading in docs/api.md`).toBe(true);
    }
  });
});
