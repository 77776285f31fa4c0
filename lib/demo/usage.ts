import type { KeyUsageRecord } from "@/lib/domain/records";
import { dateAt } from "./days";
import type { KeyPlan } from "./model";
import type { DemoAccount, DemoOrganization } from "./org";
import { Rng } from "./random";
import { requestsOn } from "./requests";

function lastOperationOf(keyUsage: string, rng: Rng): string {
  if (keyUsage === "SIGN_VERIFY") return rng.chance(0.8) ? "Sign" : "Verify";
  if (keyUsage === "GENERATE_VERIFY_MAC") return "GenerateMac";
  return rng.weighted([["Decrypt", 0.55], ["GenerateDataKey", 0.35], ["Encrypt", 0.1]]);
}

/** Where GetKeyLastUsage cannot be called the answer is UNKNOWN, never "unused". */
export function usageUnknownIn(org: DemoOrganization, account: DemoAccount, region: string): boolean {
  const regions = org.options.regions;
  return regions.length >= 3 && region === regions[regions.length - 1] && account.index % 4 === 3;
}

/** GetKeyLastUsage as of endDay for the account's keys that still exist then. */
export function keyUsageAsOfEnd(org: DemoOrganization, account: DemoAccount, plans: KeyPlan[]): KeyUsageRecord[] {
  const rng = new Rng(org.options.seed, "usage", account.record.accountId);
  const { endIdx } = org;
  // Tracking started some weeks before the history: keys older than that show that date.
  const trackingIdx = org.startIdx - 30;
  const records: KeyUsageRecord[] = [];
  for (const plan of plans) {
    if (plan.createdIdx > endIdx || (plan.deletedIdx !== null && plan.deletedIdx <= endIdx)) continue;
    const trackingStart = Math.max(trackingIdx, plan.createdIdx);
    const trackingStartDate = plan.createdIdx >= trackingIdx ? plan.base.creationDate : dateAt(trackingIdx);
    if (usageUnknownIn(org, account, plan.region)) {
      records.push({ keyArn: plan.keyArn, status: "UNKNOWN", lastUsedAt: null, lastOperation: null, trackingStartDate: null });
      continue;
    }
    let lastDay: number | null = null;
    if (plan.dailyRequests > 0) {
      const stop = Math.min(endIdx, (plan.activeUntil ?? endIdx + 1) - 1);
      for (let day = stop; day >= Math.max(plan.createdIdx, stop - 7); day--) {
        if (requestsOn(plan, day) > 0) { lastDay = day; break; }
      }
      lastDay ??= stop >= plan.createdIdx ? stop : null;
    } else if (endIdx - 120 > trackingStart && rng.chance(0.4)) {
      // Used once, long ago (a migration test, a one-off restore), idle since.
      lastDay = rng.int(trackingStart, endIdx - 120);
    }
    if (lastDay === null) {
      records.push({ keyArn: plan.keyArn, status: "NEVER_USED", lastUsedAt: null, lastOperation: null, trackingStartDate });
      continue;
    }
    // On the last day itself, only the early hours have passed.
    const seconds = lastDay === endIdx ? rng.int(0, 6 * 3600) : rng.int(0, 86_399);
    records.push({
      keyArn: plan.keyArn,
      status: "USED",
      lastUsedAt: dateAt(lastDay, seconds),
      lastOperation: lastOperationOf(plan.base.keyUsage, rng),
      trackingStartDate,
    });
  }
  return records;
}
