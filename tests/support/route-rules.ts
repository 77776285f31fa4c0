// Every access rule of the app in one list, for the tests that check them: the ACCESS_RULES table
// (pages and the handlers that are not modules) plus each endpoint module's own `access`.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Endpoint } from "@/lib/api/endpoint";
import { ACCESS_RULES, type Access } from "@/lib/auth/access-rules";

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every defineEndpoint exported by lib/endpoints/**, with the file it comes from. */
export async function endpointModules(): Promise<(Endpoint & { file: string })[]> {
  const found: (Endpoint & { file: string })[] = [];
  for (const file of tsFiles(join(process.cwd(), "lib", "endpoints"))) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (value && typeof value === "object" && "route" in value && "access" in value && "query" in value) found.push({ ...(value as Endpoint), file });
    }
  }
  return found;
}

/** Route id ("GET /api/keys", "PAGE /costs") → its access level, wherever it is declared. */
export async function allRouteRules(): Promise<Record<string, Access>> {
  const rules: Record<string, Access> = { ...ACCESS_RULES };
  for (const endpoint of await endpointModules()) rules[endpoint.route] = endpoint.access;
  return rules;
}
