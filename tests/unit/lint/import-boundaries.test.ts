// The layer rules of eslint.config.mjs, run through ESLint on small probe files under the real
// config: if a zone is dropped or a path in it goes stale, this fails instead of the boundary
// silently vanishing from `npm run lint`.
import { join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
let eslint: ESLint;
let probes: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
  // no-cycle reads the probe's file from disk to place it in the import graph: probes exist only
  // as text, so it is checked through the configuration instead (last test).
  probes = new ESLint({ cwd: ROOT, overrideConfig: { rules: { "import/no-cycle": "off" } } });
});

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rulesFiredFor(path: string, code: string): Promise<string[]> {
  const [result] = await probes.lintText(`${code}\n`, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const RESTRICTED_PATHS = "import/no-restricted-paths";
const SERVER_IMPORT = "@typescript-eslint/no-restricted-imports";

describe("import boundaries", { timeout: 120_000 }, () => {
  it.each([
    ["lib imports jobs", "lib/store/probe.ts", 'import { RequestCounter } from "@/jobs/aws/pacing";\nexport const c = new RequestCounter();'],
    ["lib imports components", "lib/reports/probe.ts", 'import { RunsView } from "@/components/runs/runs-view";\nexport const v = RunsView;'],
    ["a service imports the HTTP layer", "lib/queries/probe.ts", 'import { jsonResponse } from "@/lib/api/errors";\nexport const r = jsonResponse;'],
    ["a service imports an endpoint module", "lib/rollups/probe.ts", 'import { getRunsEndpoint } from "@/lib/endpoints/runs";\nexport const e = getRunsEndpoint;'],
    ["the domain imports a service", "lib/domain/probe.ts", 'import { WITH_POLICY } from "@/lib/store/key-records";\nexport const w = WITH_POLICY;'],
    ["the web app imports jobs", "app/api/probe/route.ts", 'import { startRun } from "@/jobs/ingestion/start-run";\nexport const s = startRun;'],
    ["jobs imports an endpoint module", "jobs/probe.ts", 'import { getRunsEndpoint } from "@/lib/endpoints/runs";\nexport const e = getRunsEndpoint;'],
  ])("refuses: %s", async (_, path, code) => {
    expect(await rulesFiredFor(path, code)).toContain(RESTRICTED_PATHS);
  });

  it("lets the layers import downwards", async () => {
    expect(await rulesFiredFor("app/api/probe/route.ts", 'import { serve } from "@/lib/api/serve";\nimport { getRunsEndpoint } from "@/lib/endpoints/runs";\nexport const GET = serve(getRunsEndpoint);')).toEqual([]);
    expect(await rulesFiredFor("jobs/probe.ts", 'import { recomputeRollups } from "@/lib/rollups";\nexport const r = recomputeRollups;')).toEqual([]);
    expect(await rulesFiredFor("lib/domain/probe.ts", 'import { toDay } from "@/lib/domain/days";\nexport const t = toDay;')).toEqual([]);
  });

  it("lets components import server modules for their types only", async () => {
    expect(await rulesFiredFor("components/runs/probe.tsx", 'import { db } from "@/lib/db/client";\nexport const d = db;')).toContain(SERVER_IMPORT);
    expect(await rulesFiredFor("components/runs/probe.tsx", 'import { getRunsEndpoint } from "@/lib/endpoints/runs";\nexport const e = getRunsEndpoint;')).toContain(SERVER_IMPORT);
    expect(await rulesFiredFor("components/runs/probe.tsx", 'import type { getRunsEndpoint } from "@/lib/endpoints/runs";\nexport type E = typeof getRunsEndpoint;')).toEqual([]);
  });

  it("checks for import cycles everywhere", async () => {
    for (const path of ["lib/settings/probe.ts", "jobs/probe.ts", "components/probe.tsx", "app/probe.ts"]) {
      const config = (await eslint.calculateConfigForFile(join(ROOT, path))) as { rules: Record<string, unknown[]> };
      expect(config.rules["import/no-cycle"]?.[0], path).toBe(2);
    }
  });
});
