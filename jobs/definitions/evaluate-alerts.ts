import { z } from "zod";
import { EVALUATE_ALERTS_JOB, evaluateAlertRules } from "@/lib/alerts/evaluate";
import { defineJob } from "./types";

/**
 * Evaluates every enabled alert rule (lib/alerts/evaluate.ts): sent by the unit that settles an
 * ingestion run (after its rollups) and by rollups.recompute. One at a time: evaluations are
 * cheap and a second one right behind the first finds nothing new.
 */
export const evaluateAlertsJob = defineJob({
  id: EVALUATE_ALERTS_JOB,
  payload: z.object({ runId: z.uuid().optional(), reason: z.string().max(100).optional() }),
  concurrency: 1,
  async handler({ runId, reason }, { db, log, send }) {
    const results = await evaluateAlertRules(db, { runId, wake: send });
    for (const r of results.filter((x) => x.error)) log.error({ ruleId: r.ruleId, error: r.error }, "alert rule params no longer valid: rule skipped");
    const fired = results.reduce((n, r) => n + r.fired.length, 0);
    const resolved = results.reduce((n, r) => n + r.resolved.length, 0);
    log.info({ runId, reason, rules: results.length, fired, resolved, muted: results.filter((r) => r.muted).length }, "alert rules evaluated");
  },
});
