import type { AccountRecord, KeyRequestRecord, KeyUsageRecord, KmsCostRecord } from "@/lib/domain/records";
import type { VersionedKey, VersionedResource } from "@/lib/store/types";
import { kmsCosts, type CostWindow } from "./costs";
import { keyVersions } from "./key-history";
import { planAccountKeys } from "./keys";
import type { KeyPlan } from "./model";
import { resolveDemoOptions, type DemoOptions } from "./options";
import { buildOrganization, type DemoAccount, type DemoOrganization } from "./org";
import { requestsOn } from "./requests";
import { generateAccountResources } from "./resources";
import { keyUsageAsOfEnd } from "./usage";

export interface DemoAccountKeys {
  plans: KeyPlan[];
  versions: VersionedKey[];
  versionsByArn: Map<string, VersionedKey[]>;
}

/** Everything the demo says about one account: one chunk, so memory follows one account at a time. */
export interface DemoChunk {
  account: AccountRecord;
  keys: VersionedKey[];
  resources: VersionedResource[];
  keyUsage: KeyUsageRecord[];
  costs: KmsCostRecord[];
  keyRequests: KeyRequestRecord[];
}

export function demoOrganization(options: DemoOptions = {}): DemoOrganization {
  return buildOrganization(resolveDemoOptions(options));
}

export function generateAccountKeys(org: DemoOrganization, account: DemoAccount): DemoAccountKeys {
  const plans = planAccountKeys(org, account);
  const versionsByArn = new Map<string, VersionedKey[]>();
  const versions: VersionedKey[] = [];
  for (const plan of plans) {
    const history = keyVersions(plan, org.startIdx, org.endIdx);
    if (history.length === 0) continue;
    versionsByArn.set(plan.keyArn, history);
    versions.push(...history);
  }
  return { plans: plans.filter((p) => versionsByArn.has(p.keyArn)), versions, versionsByArn };
}

/** Request volume of any of these keys on a day, by ARN. */
export function requestModel(plans: Iterable<KeyPlan>): (keyArn: string, day: number) => number {
  const byArn = new Map<string, KeyPlan>();
  for (const plan of plans) byArn.set(plan.keyArn, plan);
  return (keyArn, day) => {
    const plan = byArn.get(keyArn);
    return plan ? requestsOn(plan, day) : 0;
  };
}

export function fullCostWindow(org: DemoOrganization): CostWindow {
  return { fromIdx: org.startIdx, toIdx: org.endIdx, keyRequestsFromIdx: org.endIdx - org.options.keyRequestDays + 1 };
}

export function generateAccountChunk(org: DemoOrganization, account: DemoAccount): DemoChunk {
  const keys = generateAccountKeys(org, account);
  const resources = generateAccountResources(org, account, keys.plans, keys.versionsByArn);
  const { costs, keyRequests } = kmsCosts(keys.versions, requestModel(keys.plans), fullCostWindow(org));
  return {
    account: account.record,
    keys: keys.versions,
    resources,
    keyUsage: keyUsageAsOfEnd(org, account, keys.plans),
    costs,
    keyRequests,
  };
}

/**
 * The demo organization, one account at a time. Each account is generated from its own seeded
 * streams, so chunk N is the same whether or not chunks 0..N-1 were generated.
 */
export function* generateDemo(options: DemoOptions = {}): Generator<DemoChunk, void, undefined> {
  const org = demoOrganization(options);
  for (const account of org.accounts) yield generateAccountChunk(org, account);
}
