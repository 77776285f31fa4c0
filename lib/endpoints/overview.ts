// GET /api/overview: everything the home page shows (lib/queries/overview.ts; the benchmarks time
// it too). Computed once per data generation and business-unit scope: `bu` (the global filter,
// issue 19) is narrowed by serve() to the caller's scope, and set to the whole scope when absent,
// so a viewer never gets another scope's overview.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams } from "@/lib/api/params";
import { overview } from "@/lib/queries/overview";

export const overviewEndpoint = defineEndpoint({
  route: "GET /api/overview",
  access: "read",
  params: z.strictObject({ bu: dimensionParams.bu }),
  query: (db, { bu }: { bu?: string[] }) => overview(db, bu),
  cache: "generation",
});
