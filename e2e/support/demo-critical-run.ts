// `tsx e2e/support/demo-critical-run.ts` (DATABASE_URL, ALERTS_SECRET_KEY from the e2e harness):
// a demo ingestion run in which one demo key still used by storage is found scheduled for
// deletion, then the worker's own jobs on the real queue — rollups.recompute (which recomputes
// the key findings and sends alerts.evaluate), alerts.evaluate, alerts.deliver — until the
// messages it queued are sent. Prints the key ARN and alias as JSON for the spec.
import PgBoss from "pg-boss";
import pino from "pino";
import { deliverAlertsJob } from "@/jobs/definitions/deliver-alerts";
import { evaluateAlertsJob } from "@/jobs/definitions/evaluate-alerts";
import { recomputeRollupsJob } from "@/jobs/definitions/recompute-rollups";
import type { JobDefinition } from "@/jobs/definitions/types";
import { startJobWorkers } from "@/jobs/ingestion/queue-workers";
import { createDb } from "@/lib/db/client";
import { recordDemoRun } from "@/lib/demo/run";
import { latestSnapshotDay } from "@/lib/queries/kpi/as-of";
import { OPEN_END_DATE, addDays, dayToDate } from "@/lib/domain/days";

const url = process.env.DATABASE_URL!;
const db = createDb(url, 4);
const day = (await latestSnapshotDay(db))!;
// The first demo CMK in use by a current resource that has no in-use-pending-deletion finding yet.
const [target] = await db.$queryRaw<{ key_arn: string; alias: string | null }[]>`
  SELECT k.key_arn, k.aliases[1] AS alias FROM kms_key_version k
  WHERE k.valid_to = ${OPEN_END_DATE} AND k.key_manager = 'CUSTOMER' AND k.key_state = 'Enabled'
    AND EXISTS (SELECT 1 FROM storage_resource_version r WHERE r.valid_to = ${OPEN_END_DATE} AND r.key_arn = k.key_arn)
    AND NOT EXISTS (SELECT 1 FROM key_finding f WHERE f.key_arn = k.key_arn AND f.code = 'PENDING_DELETION_IN_USE')
  ORDER BY k.key_arn LIMIT 1`;
if (!target) throw new Error("no demo key in use to schedule for deletion");
await db.kmsKeyVersion.updateMany({
  where: { keyArn: target.key_arn, validTo: OPEN_END_DATE },
  data: { keyState: "PendingDeletion", deletionDate: dayToDate(addDays(day, 7)), pendingWindowDays: 7 },
});
const runId = await recordDemoRun(db, { endDay: day, seed: 42, scopes: [], notices: [] });

const boss = new PgBoss({ connectionString: url, max: 3 });
await boss.start();
const jobs = [recomputeRollupsJob, evaluateAlertsJob, deliverAlertsJob] as unknown as JobDefinition[];
await startJobWorkers(boss, jobs, { db, log: pino({ level: "warn" }), workerId: "e2e:demo-run" });
const queuedBefore = await db.alertDelivery.count({ where: { kind: "FIRED" } });
await boss.send(recomputeRollupsJob.id, { fromDay: day, toDay: day });
const deadline = Date.now() + 90_000;
for (;;) {
  const fired = await db.alertDelivery.findMany({ where: { kind: "FIRED" } });
  if (fired.length > queuedBefore && fired.every((d) => d.status !== "PENDING")) break;
  if (Date.now() > deadline) throw new Error("the run's alert was not delivered within 90 s");
  await new Promise((r) => setTimeout(r, 250));
}
await boss.stop({ graceful: true, wait: true });
await db.$disconnect();
console.log(JSON.stringify({ keyArn: target.key_arn, alias: target.alias, runId }));
