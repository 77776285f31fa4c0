// GET /api/overview: everything the home page shows (lib/queries/overview.ts; the benchmarks time
// it too). Computed once per data generation and business-unit scope: `bu` is not a parameter,
// serve() sets it to the caller's scope, so a viewer never gets another scope's overview.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { overview } from "@/lib/queries/overview";

export const overviewEndpoint = defineEndpoint({
  route: "GET /api/overview",
  access: "read",
  params: z.strictObject({}),
  query: (db, { bu }: { bu?: string[] }) => overview(db, bu),
  cache: "generation",
});
