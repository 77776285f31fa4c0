import { z } from "zod";
import { isAccountId, isRegionName } from "@/lib/config/ingestion";
import { isDay } from "@/lib/domain/days";

/** What may start a run: the `ingest.run` job payload, the UI's POST /api/runs body. */
export const runRequestSchema = z.strictObject({
  trigger: z.enum(["SCHEDULE", "CLI", "UI", "DEMO"]).default("SCHEDULE"),
  accounts: z.array(z.string().refine(isAccountId, "must be a 12-digit account id")).optional(),
  regions: z.array(z.string().refine(isRegionName, "must be a region name")).optional(),
  since: z.string().refine(isDay, "must be a day YYYY-MM-DD").optional(),
});

export type RunRequest = z.output<typeof runRequestSchema>;

/**
 * The body of POST /api/runs: what a user may choose. `trigger` is not part of it (the server
 * sets "UI"); a body naming it is refused as an unknown field.
 */
export const runBodySchema = runRequestSchema.omit({ trigger: true }).extend({
  accounts: z.array(z.string().refine(isAccountId, "must be a 12-digit account id")).max(1000, "must list at most 1000 accounts").optional(),
  regions: z.array(z.string().refine(isRegionName, "must be a region name")).max(50, "must list at most 50 regions").optional(),
});

export type RunBody = z.output<typeof runBodySchema>;
