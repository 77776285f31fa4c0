import type { Db } from "@/lib/db/client";
import type { IngestionWarningRecord, KeyUsageRecord } from "@/lib/domain/records";
import { recomputeRollups } from "@/lib/rollups";
import type { PolicySettings } from "@/lib/settings/policy";
import { storeAccounts } from "@/lib/store/accounts";
import { markFresh, ORGANIZATION_SCOPE } from "@/lib/store/freshness";
import { storeCosts, storeKeyRequests } from "@/lib/store/costs";
import { storeInventoryHistory } from "@/lib/store/history";
import { storeKeyUsage } from "@/lib/store/key-usage";
import type { VersionedKey, VersionedResource } from "@/lib/store/types";
import { kmsCosts } from "./costs";
import { dateAt, dayString, monthWindows } from "./days";
import { generateAccountKeys, requestModel } from "./generate";
import type { KeyPlan } from "./model";
import { resolveDemoOptions, type DemoOptions } from "./options";
import { buildOrganization } from "./org";
import { skippedDatabaseNotices } from "./other-databases";
import { generateAccountResources } from "./resources";
import { recordDemoRun, type DemoScopeCounts } from "./run";
import { keyUsageAsOfEnd } from "./usage";

export interface DemoProgress {
  phase: "inventory" | "costs" | "rollups" | "done";
  done: number;
  total: number;
  message: string;
}

export interface DemoLoadSummary {
  startDay: string;
  endDay: string;
  accounts: number;
  keyVersions: number;
  resourceVersions: number;
  costRecords: number;
  keyRequestRecords: number;
  /** The demo's run (trigger DEMO): its summary holds the notices a real run would record. */
  runId: string;
  notices: number;
}

/** Keys and resources each account-region holds on the last day, as its inventory unit would count them. */
function currentCounts(keys: VersionedKey[], resources: VersionedResource[]): DemoScopeCounts[] {
  const scopes = new Map<string, DemoScopeCounts>();
  const scope = (accountId: string, region: string) => {
    const id = `${accountId}/${region}`;
    let entry = scopes.get(id);
    if (!entry) scopes.set(id, (entry = { accountId, region, keys: 0, resources: 0 }));
    return entry;
  };
  for (const v of keys) if (v.validTo === null) scope(v.record.accountId, v.record.region).keys++;
  for (const v of resources) if (v.validTo === null) scope(v.record.accountId, v.record.region).resources++;
  return [...scopes.values()];
}

/** Resource versions per store call: bounded transactions; an entity's versions stay together. */
const RESOURCE_BATCH = 25_000;

function* resourceBatches(resources: VersionedResource[]): Generator<VersionedResource[]> {
  let start = 0;
  while (start < resources.length) {
    let end = Math.min(start + RESOURCE_BATCH, resources.length);
    while (end < resources.length && resources[end]!.record.resourceArn === resources[end - 1]!.record.resourceArn) end++;
    yield resources.slice(start, end);
    start = end;
  }
}

/**
 * Writes the demo organization through the same store functions ingestion uses: accounts, then
 * each account's key and resource histories (one account in memory at a time), key usage, the
 * Cost Explorer window month by month (storeCosts replaces whole days, so every account's records
 * for a month go in one call), then the rollups over the whole range.
 */
export async function loadDemo(
  db: Db,
  options: DemoOptions,
  settings: PolicySettings,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<DemoLoadSummary> {
  const org = buildOrganization(resolveDemoOptions(options));
  const startDay = dayString(org.startIdx);
  const endDay = dayString(org.endIdx);
  const summary: DemoLoadSummary = {
    startDay, endDay, accounts: org.accounts.length, keyVersions: 0, resourceVersions: 0, costRecords: 0, keyRequestRecords: 0, runId: "", notices: 0,
  };

  // Two sightings: first seen when the history starts, last seen on its last day.
  const accountRecords = org.accounts.map((a) => a.record);
  await storeAccounts(db, accountRecords, dateAt(org.startIdx));
  await storeAccounts(db, accountRecords, dateAt(org.endIdx));

  // Keys are small (≤ tens of thousands): kept for the cost pass. Resources are not kept.
  const allKeyVersions: VersionedKey[] = [];
  const allPlans: KeyPlan[] = [];
  const usage: KeyUsageRecord[] = [];
  const scopeCounts: DemoScopeCounts[] = [];
  const notices: IngestionWarningRecord[] = [];
  for (const [i, account] of org.accounts.entries()) {
    const keys = generateAccountKeys(org, account);
    const resources = generateAccountResources(org, account, keys.plans, keys.versionsByArn);
    let first = true;
    for (const batch of resourceBatches(resources)) {
      await storeInventoryHistory(db, { keys: first ? keys.versions : [], resources: batch }, settings);
      first = false;
    }
    if (first) await storeInventoryHistory(db, { keys: keys.versions, resources: [] }, settings);
    allKeyVersions.push(...keys.versions);
    allPlans.push(...keys.plans);
    usage.push(...keyUsageAsOfEnd(org, account, keys.plans));
    scopeCounts.push(...currentCounts(keys.versions, resources));
    notices.push(...skippedDatabaseNotices(org, account));
    summary.keyVersions += keys.versions.length;
    summary.resourceVersions += resources.length;
    onProgress({ phase: "inventory", done: i + 1, total: org.accounts.length, message: `${account.record.name}: ${keys.versions.length} key versions, ${resources.length} resource versions` });
  }
  await storeKeyUsage(db, endDay, usage);
  // Every account-region of the demo holds good inventory data up to its last day.
  const scopes = new Map(allKeyVersions.map((v) => [`${v.record.accountId}/${v.record.region}`, { accountId: v.record.accountId, region: v.record.region }]));
  await markFresh(db, { source: "inventory", day: endDay, runId: null, scopes: [...scopes.values()] });

  const requestsFor = requestModel(allPlans);
  const keyRequestsFromIdx = org.endIdx - org.options.keyRequestDays + 1;
  const months = monthWindows(org.startIdx, org.endIdx);
  for (const [i, month] of months.entries()) {
    const { costs, keyRequests } = kmsCosts(allKeyVersions, requestsFor, { fromIdx: month.from, toIdx: month.to, keyRequestsFromIdx });
    await storeCosts(db, { runId: null, fromDay: dayString(month.from), toDay: dayString(month.to), records: costs });
    const requestFrom = Math.max(month.from, keyRequestsFromIdx);
    if (requestFrom <= month.to) {
      await storeKeyRequests(db, { fromDay: dayString(requestFrom), toDay: dayString(month.to), records: keyRequests });
    }
    summary.costRecords += costs.length;
    summary.keyRequestRecords += keyRequests.length;
    onProgress({ phase: "costs", done: i + 1, total: months.length, message: `${dayString(month.from).slice(0, 7)}: ${costs.length} cost records, ${keyRequests.length} per-key request records` });
  }

  await markFresh(db, { source: "costs", day: endDay, runId: null, scopes: [ORGANIZATION_SCOPE] });
  onProgress({ phase: "rollups", done: 0, total: 1, message: `recomputing rollups ${startDay}..${endDay}` });
  await recomputeRollups(db, startDay, endDay);
  summary.runId = await recordDemoRun(db, { endDay, seed: org.options.seed, scopes: scopeCounts, notices });
  summary.notices = notices.length;
  onProgress({ phase: "done", done: 1, total: 1, message: "demo organization loaded" });
  return summary;
}

/** True when nothing was ingested or loaded yet: no accounts, keys, resources or costs. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [account, key, resource, cost] = await Promise.all([
    db.account.findFirst({ select: { accountId: true } }),
    db.kmsKeyVersion.findFirst({ select: { keyArn: true } }),
    db.storageResourceVersion.findFirst({ select: { resourceArn: true } }),
    db.kmsCostDaily.findFirst({ select: { day: true } }),
  ]);
  return !account && !key && !resource && !cost;
}
