// The demo's run summary. The demo writes its history through the store directly (no collector),
// so it records one finished run (trigger DEMO) the way ingestion would have: one inventory unit
// per account-region with what it holds on the last day, the cost unit (under the organization's
// scope: the demo has no management account), and the
// notices a real run records (RDS_ENGINE_SKIPPED for DocumentDB / Neptune), so the runs page
// shows the demo what it shows for AWS data.
import type { Db } from "@/lib/db/client";
import type { IngestionWarningRecord } from "@/lib/domain/records";
import { ORGANIZATION_SCOPE } from "@/lib/store/freshness";
import { createRun, finishUnit, recordWarnings, settleRun, type UnitSpec } from "@/lib/store/ingestion-runs";
import { type Day } from "@/lib/domain/days";

export interface DemoScopeCounts {
  accountId: string;
  region: string;
  keys: number;
  resources: number;
}

export async function recordDemoRun(
  db: Db,
  args: { endDay: Day; seed: number; scopes: DemoScopeCounts[]; notices: IngestionWarningRecord[] },
): Promise<string> {
  const units: UnitSpec[] = args.scopes.map((s) => ({ accountId: s.accountId, region: s.region, kind: "inventory" }));
  units.push({ ...ORGANIZATION_SCOPE, kind: "costs" });
  const accounts = [...new Set(args.scopes.map((s) => s.accountId))];
  const regions = [...new Set(args.scopes.map((s) => s.region))].sort();
  const run = await createRun(db, { trigger: "DEMO", snapshotDay: args.endDay, scope: { accounts, regions, demoSeed: args.seed }, units });
  const counts = new Map(args.scopes.map((s) => [`${s.accountId}/${s.region}`, s]));
  for (const unit of run.units) {
    const scope = counts.get(`${unit.accountId}/${unit.region}`);
    await finishUnit(db, unit.unitId, { status: "SUCCEEDED", keysCount: scope?.keys ?? 0, resourcesCount: scope?.resources ?? 0 });
  }
  await recordWarnings(db, run.runId, args.notices);
  await settleRun(db, run.runId);
  return run.runId;
}
