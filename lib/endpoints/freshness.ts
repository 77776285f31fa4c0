// GET /api/freshness: "data as of" per scope and source, optional data sources, the latest run
// (lib/queries/freshness.ts: every page's heading reads its summary).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dataFreshness } from "@/lib/queries/freshness";

export const freshnessEndpoint = defineEndpoint({
  route: "GET /api/freshness",
  access: "read",
  params: z.strictObject({}),
  query: (db) => dataFreshness(db),
});
