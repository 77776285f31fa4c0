// The special keys every demo organization has at least once, so that each finding of
// DOMAIN.md §6.3 and each kind of key of §1 shows up. They are spread over the workload
// accounts; the generic keys (keys.ts) add more of the same kinds at random at larger scales.
import { customerKey, type AccountContext, type CustomerKeySpec } from "./key-factory";
import type { KeyPlan } from "./model";

type SpecialKind =
  | "rsa2048" | "rsa4096" | "ecc" | "hmac" | "imported" | "multiRegion" | "disabled" | "unused"
  | "public" | "broad" | "noSeparation" | "rotationOff" | "missingTags" | "badAlias" | "pendingCleanup";

const CATALOGUE: SpecialKind[] = [
  "rsa2048", "rsa4096", "ecc", "hmac", "imported", "multiRegion", "disabled", "unused",
  "public", "broad", "noSeparation", "rotationOff", "missingTags", "badAlias", "pendingCleanup",
];

function kindsFor(ctx: AccountContext): SpecialKind[] {
  const workload = ctx.org.accounts.filter((a) => a.kind === "workload");
  const position = workload.findIndex((a) => a.index === ctx.account.index);
  if (position < 0) return [];
  return CATALOGUE.filter((_, j) => j % workload.length === position);
}

function specFor(ctx: AccountContext, kind: SpecialKind, common: Omit<CustomerKeySpec, "role" | "purpose" | "dailyRequests">): CustomerKeySpec {
  const { rng, org } = ctx;
  const workload = { ...common, role: "workload" as const, purpose: "data", dailyRequests: rng.logBetween(5_000, 200_000), usableByResources: true };
  switch (kind) {
    case "rsa2048":
      return { ...common, role: "asymmetric", purpose: "signing", keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY", dailyRequests: rng.logBetween(2_000, 20_000) };
    case "rsa4096":
      return { ...common, role: "asymmetric", purpose: "envelope", keySpec: "RSA_4096", keyUsage: "ENCRYPT_DECRYPT", dailyRequests: rng.logBetween(500, 5_000) };
    case "ecc":
      return { ...common, role: "asymmetric", purpose: "jwt-signing", keySpec: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY", dailyRequests: rng.logBetween(10_000, 80_000) };
    case "hmac":
      return { ...common, role: "hmac", purpose: "token-mac", keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC", dailyRequests: rng.logBetween(20_000, 200_000) };
    case "imported":
      return { ...common, role: "imported", purpose: "byok", origin: "EXTERNAL", dailyRequests: rng.logBetween(5_000, 50_000), usableByResources: true };
    case "multiRegion":
      return { ...common, role: "multi-region", purpose: "global-data", dailyRequests: rng.logBetween(20_000, 300_000), usableByResources: true };
    case "disabled":
      return { ...common, role: "disabled", purpose: "legacy", dailyRequests: rng.logBetween(1_000, 10_000), disabledOn: Math.min(org.endIdx, org.startIdx + rng.int(20, Math.max(21, Math.floor(org.options.days / 2)))) };
    case "unused":
      // Forgotten keys tend to have no alias either.
      return { ...common, role: "unused", purpose: "archive", dailyRequests: 0, badAlias: { value: null, fixedOn: null } };
    case "pendingCleanup":
      return { ...common, role: "pending-cleanup", purpose: "old-exports", dailyRequests: 0, scheduledOn: { day: org.endIdx - rng.int(1, 6), windowDays: 30 } };
    case "public":
      return { ...workload, policyFlaws: { value: ["public"], fixedOn: null } };
    case "broad":
      return { ...workload, policyFlaws: { value: ["broad"], fixedOn: null } };
    case "noSeparation":
      return { ...workload, policyFlaws: { value: ["noSeparation"], fixedOn: null } };
    case "rotationOff":
      return { ...workload, rotationOff: { value: true, fixedOn: null } };
    case "missingTags":
      return { ...workload, missingTags: { value: ["cost-center", "owner"], fixedOn: null } };
    case "badAlias":
      return { ...workload, badAlias: { value: "alias/TestKey_DoNotUse", fixedOn: null } };
  }
}

/** The multi-Region primary in the first region and one replica in each other region. */
function multiRegionKeys(ctx: AccountContext, spec: CustomerKeySpec): KeyPlan[] {
  const keyId = `mrk-${ctx.rng.hex(32)}`;
  const [primaryRegion, ...replicaRegions] = ctx.org.options.regions;
  const primary = customerKey(ctx, { ...spec, region: primaryRegion!, multiRegion: { role: "PRIMARY", keyId, primaryArn: null } });
  const replicas = replicaRegions.map((region) =>
    customerKey(ctx, { ...spec, region, createdIdx: spec.createdIdx + 1, multiRegion: { role: "REPLICA", keyId, primaryArn: primary.keyArn } }),
  );
  return [primary, ...replicas];
}

export function specialKeys(ctx: AccountContext): KeyPlan[] {
  const { rng, org, account } = ctx;
  const unit = org.businessUnits.find((b) => b.name === account.primaryBu) ?? org.businessUnits[0]!;
  const region = org.options.regions[0]!;
  const plans: KeyPlan[] = [];
  const common = () => ({ region, bu: unit.name, app: rng.pick(unit.apps), env: account.env, createdIdx: org.startIdx - rng.int(60, 1500) });

  for (const kind of kindsFor(ctx)) {
    const spec = specFor(ctx, kind, common());
    if (kind === "multiRegion") plans.push(...multiRegionKeys(ctx, spec));
    else plans.push(customerKey(ctx, spec));
  }
  if (account.kind === "shared" || (org.accounts.every((a) => a.kind !== "shared") && account.index === 0)) {
    // A platform key several business units' data ends up under (SHARED_MASTER_KEY).
    plans.push(customerKey(ctx, { ...common(), role: "shared", app: "platform", purpose: "shared-data", dailyRequests: rng.logBetween(100_000, 1_000_000), usableByResources: true }));
  }
  if (org.pendingDeletionAccountId === account.record.accountId) {
    // Someone scheduled the deletion of a key a production database still uses: the critical finding.
    const day = org.endIdx - rng.int(3, 9);
    plans.push(customerKey(ctx, { ...common(), role: "pending-in-use", app: unit.apps[0]!, purpose: "rds", dailyRequests: rng.logBetween(20_000, 100_000), scheduledOn: { day, windowDays: 30 } }));
  }
  return plans;
}
