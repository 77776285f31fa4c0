// Starts an ingestion run: resolves the accounts and regions, records the run with one unit per
// account-region plus the organization-wide cost unit, and queues one `ingest.unit` job per unit.
// Runs in the worker (the `ingest.run` job, whoever queued it: schedule, UI) and the CLI: it
// needs the AWS credentials the web app does not hold.
import type { Db } from "@/lib/db/client";
import { dayToDate, toDay } from "@/lib/domain/days";
import type { AccountRecord, IngestionWarningRecord } from "@/lib/domain/records";
import { env } from "@/lib/config/env";
import { parseIngestionConfig, type IngestionConfig } from "@/lib/config/ingestion";
import { collectAccounts, collectRegions, isIngestible } from "@/jobs/collectors/accounts";
import { errorMessage } from "@/jobs/collectors/common";
import { storeAccounts } from "@/lib/store/accounts";
import { createRun, previousUnitSeconds, recordWarnings, type RunTrigger, type UnitSpec } from "@/lib/store/ingestion-runs";
import { openManagementSession, requestCounts, type SessionOptions } from "./aws-session";
import { scheduleUnits } from "./schedule";
import { INGEST_UNIT_JOB, unitJobOptions, type SendJob } from "@/lib/ingestion/queue-names";

export interface StartRunRequest {
  trigger: RunTrigger;
  /** Override INGEST_ACCOUNTS / Organizations. */
  accounts?: string[];
  /** Override INGEST_REGIONS / DescribeRegions. */
  regions?: string[];
  /** Fetch costs from this day (YYYY-MM-DD) instead of the incremental window. */
  since?: string;
  today?: Date;
}

export interface StartedRun {
  runId: string;
  snapshotDay: string;
  accounts: string[];
  regions: string[];
  unitsTotal: number;
  warnings: IngestionWarningRecord[];
}

/** The scope a run records; the cost unit reads `since` from it. */
export interface RunScope {
  accounts: string[];
  regions: string[];
  managementAccountId: string;
  since?: string;
  skippedRegions: Array<{ region: string; reason: string }>;
  costWindow?: { start: string; end: string };
  rollups?: string;
  /** Requests the start made (caller identity, regions, accounts), counted in the run's totals. */
  startRequests?: Record<string, number>;
}

export const COSTS_REGION = "global";

export async function startRun(
  db: Db,
  send: SendJob,
  request: StartRunRequest,
  config: IngestionConfig = env(parseIngestionConfig),
  sessionOptions: SessionOptions = {},
): Promise<StartedRun> {
  const today = request.today ?? new Date();
  const snapshotDay = toDay(today);
  let session;
  let resolved;
  try {
    session = await openManagementSession(config, sessionOptions);
    resolved = await resolveScope(db, session, request, config);
  } catch (error) {
    // A run that could not even start is still recorded, so the UI and the CLI can show why.
    const failed = await db.ingestionRun.create({
      data: {
        trigger: request.trigger, snapshotDay: dayToDate(snapshotDay), status: "FAILED", startedAt: today, finishedAt: new Date(),
        scope: { accounts: request.accounts ?? config.accounts ?? [], regions: request.regions ?? config.regions ?? [] }, error: `Could not resolve accounts and regions: ${errorMessage(error)}`,
      },
    });
    throw Object.assign(new Error(`run ${failed.id} failed to start: ${errorMessage(error)}`), { runId: failed.id });
  } finally {
    session?.close();
  }

  const { accounts, regions, skipped, warnings } = resolved;
  const units: UnitSpec[] = accounts.flatMap((accountId) => regions.map((region) => ({ accountId, region, kind: "inventory" as const })));
  units.push({ accountId: session.accountId, region: COSTS_REGION, kind: "costs" });
  const scope: RunScope = {
    accounts, regions, managementAccountId: session.accountId, skippedRegions: skipped, startRequests: requestCounts(session.counter),
    ...(request.since ? { since: request.since } : {}),
  };
  const run = await createRun(db, { trigger: request.trigger, snapshotDay, scope, units });
  await recordWarnings(db, run.runId, warnings);
  for (const unit of scheduleUnits(run.units, await previousUnitSeconds(db))) {
    await send(INGEST_UNIT_JOB, { runId: run.runId, unitId: String(unit.unitId) }, unitJobOptions(run.runId, unit.unitId, unit.priority));
  }
  return { runId: run.runId, snapshotDay, accounts, regions, unitsTotal: units.length, warnings };
}

async function resolveScope(db: Db, session: Awaited<ReturnType<typeof openManagementSession>>, request: StartRunRequest, config: IngestionConfig) {
  const warnings: IngestionWarningRecord[] = [];
  let accounts: AccountRecord[];
  if (config.accounts?.length) {
    accounts = config.accounts.map((accountId) => ({ accountId, name: accountId, organizationalUnit: "" }));
  } else {
    const listed = await collectAccounts(session.clients);
    warnings.push(...listed.warnings);
    await storeAccounts(db, listed.accounts, new Date());
    accounts = listed.accounts.filter(isIngestible);
  }
  if (request.accounts?.length) {
    // A run asked for accounts (UI, CLI) stays inside the configured list or the organization:
    // an unknown id fails the run here, before any account row or unit is written for it.
    const allowed = new Set(accounts.map((a) => a.accountId));
    const unknown = request.accounts.filter((id) => !allowed.has(id));
    if (unknown.length) {
      const where = config.accounts?.length ? "INGEST_ACCOUNTS" : "the organization's active accounts (Organizations ListAccounts)";
      throw new Error(`accounts ${unknown.join(", ")} ${unknown.length > 1 ? "are" : "is"} not in ${where}`);
    }
    accounts = accounts.filter((a) => request.accounts!.includes(a.accountId));
  }
  if (config.accounts?.length) {
    // Configured ids must not overwrite names that Organizations gave earlier.
    const ids = accounts.map((a) => a.accountId);
    const known = new Set((await db.account.findMany({ where: { accountId: { in: ids } }, select: { accountId: true } })).map((a) => a.accountId));
    await storeAccounts(db, accounts.filter((a) => !known.has(a.accountId)), new Date());
  }
  const wantedRegions = request.regions?.length ? request.regions : (config.regions ?? undefined);
  const regions = await collectRegions(session.clients, session.accountId, wantedRegions);
  warnings.push(...regions.warnings);
  for (const s of regions.skipped) {
    warnings.push({ accountId: session.accountId, region: s.region, source: "ec2", code: "REGION_SKIPPED", message: `${s.region} skipped: ${s.reason}` });
  }
  return { accounts: accounts.map((a) => a.accountId).sort(), regions: regions.regions, skipped: regions.skipped, warnings };
}
