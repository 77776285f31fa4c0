// GET /api/overview: everything the home page shows (lib/queries/overview.ts; the benchmarks time
// it too). Computed once per data generation and filter set (the cache key is the parsed
// parameters): the global filter bar's business unit, account, region, environment and service
// (issue 19). `bu` is narrowed by serve() to the caller's scope, and set to the whole scope when
// absent, so a viewer never gets another scope's overview.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams } from "@/lib/api/params";
import { overview } from "@/lib/queries/overview";
import type { OverviewFilters } from "@/lib/queries/overview-filters";

export const overviewEndpoint = defineEndpoint({
  route: "GET /api/overview",
  access: "read",
  params: z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, region: dimensionParams.region, env: dimensionParams.env, service: dimensionParams.service }),
  query: (db, filters: OverviewFilters) => overview(db, filters),
  cache: "generation",
});
