import type { VersionedKey, VersionedResource } from "@/lib/store/types";
import type { AccountRegionKeys } from "./encryption";
import type { KeyPlan } from "./model";
import type { DemoAccount, DemoOrganization } from "./org";
import { keyStateSpans, resourceVersions, type KeyStateSpan } from "./resource-history";
import { AccountResourcePlanner } from "./resource-plans";

function keysByRegion(keys: KeyPlan[]): Map<string, AccountRegionKeys> {
  const byRegion = new Map<string, AccountRegionKeys>();
  for (const key of keys) {
    let entry = byRegion.get(key.region);
    if (!entry) byRegion.set(key.region, (entry = { awsManaged: {}, usable: [] }));
    if (key.awsService) entry.awsManaged[key.awsService] = key;
    else if (key.usableByResources) entry.usable.push(key);
  }
  return byRegion;
}

/**
 * The account's storage resources as versions. `keyVersions` are the account's key versions
 * (keyArn → versions), which give each resource version the state of its key.
 */
export function generateAccountResources(
  org: DemoOrganization,
  account: DemoAccount,
  keys: KeyPlan[],
  keyVersions: Map<string, VersionedKey[]>,
): VersionedResource[] {
  const planner = new AccountResourcePlanner(org, account, keysByRegion(keys));
  const otherUnit = (name: string) => org.businessUnits.find((b) => b.name !== name)?.name ?? name;

  let fixed = 0;
  for (const key of keys) {
    if (fixed >= account.resourceCount) break;
    if (key.role === "busy-s3") {
      // A busy bucket with SSE-KMS and no S3 Bucket Key: the savings case of DOMAIN.md §6.5.
      planner.addFixed("S3", key, key.bu, "confidential", false);
      fixed += 1;
    } else if (key.role === "pending-in-use") {
      planner.addFixed("RDS", key, key.bu, "restricted", false);
      fixed += 1;
    } else if (key.role === "shared" && account.resourceCount - fixed >= 2 && org.businessUnits.length > 1) {
      planner.addFixed("EBS", key, key.bu, "internal", false);
      planner.addFixed("S3", key, otherUnit(key.bu), "confidential", true);
      fixed += 2;
    }
  }

  const remaining = Math.max(0, account.resourceCount - fixed);
  const created = Math.round(remaining * 0.12);
  const deleted = Math.round(remaining * 0.08);
  for (let i = 0; i < remaining - created; i++) planner.add(planner.draft("existing"));
  for (let i = 0; i < created; i++) planner.add(planner.draft("new"));
  for (let i = 0; i < deleted; i++) planner.add(planner.draft("deleted"));

  const spans = new Map<string, KeyStateSpan[]>();
  for (const [arn, versions] of keyVersions) spans.set(arn, keyStateSpans(versions));
  return planner.plans.flatMap((plan) => resourceVersions(plan, spans, org.startIdx, org.endIdx));
}
