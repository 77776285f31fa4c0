// INGESTION_HEALTH: two subjects for the whole organization (ingestion is not split by business
// unit, so the rule's scope does not apply): "ingestion:run" while the latest finished run is
// FAILED or PARTIAL (it resolves with the next good run), and "ingestion:stale" while the last
// run that stored data (SUCCEEDED or PARTIAL) finished N hours ago or more.
import { z } from "zod";
import { defineRuleKind, type RuleHit } from "./types";
import { toDay } from "@/lib/domain/days";

export const ingestionHealthParams = z.strictObject({
  /** Hours (a whole number ≥ 1) after the last good run before the data counts as stale. */
  maxAgeHours: z.number().int().min(1).max(24 * 90),
  /** Whether a PARTIAL run alarms like a FAILED one. */
  includePartial: z.boolean().default(true),
});

const HOUR_MS = 3_600_000;

export const ingestionHealthRule = defineRuleKind({
  kind: "INGESTION_HEALTH",
  label: "Ingestion health",
  scoped: false,
  params: ingestionHealthParams,
  async evaluate(db, params, scope) {
    const [latest, lastGood] = await Promise.all([
      db.ingestionRun.findFirst({ where: { finishedAt: { not: null } }, orderBy: [{ finishedAt: "desc" }, { requestedAt: "desc" }] }),
      db.ingestionRun.findFirst({ where: { status: { in: ["SUCCEEDED", "PARTIAL"] }, finishedAt: { not: null } }, orderBy: { finishedAt: "desc" } }),
    ]);
    const hits: RuleHit[] = [];
    const bad = params.includePartial ? ["FAILED", "PARTIAL"] : ["FAILED"];
    if (latest && bad.includes(latest.status)) {
      const day = toDay(latest.snapshotDay);
      hits.push({
        subject: "ingestion:run",
        line: {
          text: `Ingestion run ${latest.id} (snapshot ${day}, ${latest.trigger.toLowerCase()}) finished ${latest.status}${latest.error ? `: ${latest.error}` : ""}`,
          url: "/runs",
          severity: latest.status === "FAILED" ? "high" : "medium",
        },
        figures: { runId: latest.id, status: latest.status, snapshotDay: day, finishedAt: latest.finishedAt?.toISOString() },
      });
    }
    if (lastGood?.finishedAt) {
      const ageHours = Math.floor((scope.now.getTime() - lastGood.finishedAt.getTime()) / HOUR_MS);
      if (ageHours >= params.maxAgeHours) {
        hits.push({
          subject: "ingestion:stale",
          line: {
            text: `Data is ${ageHours} hours old: the last run that stored data (${lastGood.id}, ${lastGood.status}) finished ${lastGood.finishedAt.toISOString()} (threshold ${params.maxAgeHours} hours)`,
            url: "/runs",
            severity: "high",
          },
          figures: { runId: lastGood.id, finishedAt: lastGood.finishedAt.toISOString(), ageHours },
        });
      }
    }
    return hits;
  },
});
