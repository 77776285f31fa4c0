// The organization-wide cost unit: KMS cost per day × account × business unit × usage type for
// the incremental window (re-fetching the last settle days), and per-key request volumes where
// Cost Explorer has resource-level data. Every Cost Explorer request is billed ($0.01).
import type { Db } from "@/lib/db/client";
import type { IngestionConfig } from "@/lib/config/ingestion";
import { addDays, toDay } from "@/lib/domain/days";
import type { IngestionWarningRecord } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { RequestCounter } from "@/jobs/aws/pacing";
import { collectKmsCosts, costWindow, type CostWindow } from "@/jobs/collectors/costs";
import { collectKeyRequestVolumes } from "@/jobs/collectors/key-requests";
import { errorMessage, errorName } from "@/jobs/collectors/common";
import { storeCosts, storeKeyRequests } from "@/lib/store/costs";
import { markFresh } from "@/lib/store/freshness";
import { openManagementSession, requestCounts, type SessionOptions } from "./aws-session";
import { statusFor, type UnitResult } from "./unit-result";

export const CE_RESOURCES_SOURCE = "ce-resources";
const RESOURCE_DATA_DAYS = 14;

export interface CostsUnitInput {
  runId: string;
  today: Date;
  since?: string;
  config: IngestionConfig;
  settings: PolicySettings;
  sessionOptions?: SessionOptions;
}

/** The window to fetch: from --since when given, else from the last stored cost day minus the settle days. */
export async function costWindowFor(db: Db, input: { today: Date; since?: string; settleDays: number }): Promise<CostWindow | null> {
  const end = toDay(input.today);
  if (input.since) return input.since < end ? { start: input.since, end } : null;
  const rows = await db.$queryRawUnsafe<{ last: Date | null }[]>(`SELECT max(day) AS last FROM kms_cost_daily`);
  const last = rows[0]?.last ? toDay(rows[0].last) : null;
  return costWindow({ lastFetchedDay: last, today: input.today, settleDays: input.settleDays });
}

export async function ingestCostsUnit(db: Db, input: CostsUnitInput): Promise<UnitResult & { window: CostWindow | null }> {
  const counter = new RequestCounter();
  const warnings: IngestionWarningRecord[] = [];
  const window = await costWindowFor(db, { today: input.today, since: input.since, settleDays: input.config.costSettleDays });
  let session;
  try {
    session = await openManagementSession(input.config, { ...input.sessionOptions, counter });
    if (window) {
      const costs = await collectKmsCosts(session.clients, { window, businessUnitTagKey: input.settings.businessUnitTagKey });
      warnings.push(...costs.warnings);
      await storeCosts(db, { runId: input.runId, fromDay: window.start, toDay: addDays(window.end, -1), records: costs.records });
      const accounts = [...new Set(costs.records.map((r) => r.accountId))];
      await markFresh(db, { source: "costs", day: addDays(window.end, -1), runId: input.runId, scopes: accounts.map((accountId) => ({ accountId, region: "global" })) });
    }
    await collectRequestVolumes(db, session.clients, input.today, warnings);
    return { status: statusFor(warnings), keysCount: 0, resourcesCount: 0, apiRequests: requestCounts(counter), warnings, error: null, window };
  } catch (error) {
    const message = `Cost Explorer failed: ${errorName(error)}: ${errorMessage(error)}; stored costs kept`;
    warnings.push({ accountId: null, region: null, source: "cost-explorer", code: errorName(error), message });
    return { status: "FAILED", keysCount: 0, resourcesCount: 0, apiRequests: requestCounts(counter), warnings, error: message, window: null };
  } finally {
    session?.close();
  }
}

/** Per-key volumes are optional data: a failure is a warning, unavailability a recorded state. */
async function collectRequestVolumes(db: Db, clients: Parameters<typeof collectKeyRequestVolumes>[0], today: Date, warnings: IngestionWarningRecord[]) {
  const end = toDay(today);
  try {
    const volumes = await collectKeyRequestVolumes(clients, { today });
    if (volumes.available) await storeKeyRequests(db, { fromDay: addDays(end, -RESOURCE_DATA_DAYS), toDay: addDays(end, -1), records: volumes.records });
    const message = volumes.available ? `${volumes.records.length} key-day records` : volumes.reason;
    await db.dataSourceStatus.upsert({
      where: { source: CE_RESOURCES_SOURCE },
      create: { source: CE_RESOURCES_SOURCE, available: volumes.available, message, checkedAt: new Date() },
      update: { available: volumes.available, message, checkedAt: new Date() },
    });
  } catch (error) {
    warnings.push({ accountId: null, region: null, source: "cost-explorer", code: errorName(error), message: `GetCostAndUsageWithResources: ${errorMessage(error)}` });
  }
}
