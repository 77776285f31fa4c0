import type { KmsKeyRecord } from "@/lib/domain/records";
import { dateAt } from "./days";
import { badAliasFor, customerKey, randomMissingTags, type AccountContext, type CustomerKeySpec, type Issue } from "./key-factory";
import { specialKeys } from "./key-catalog";
import type { KeyPlan } from "./model";
import type { DemoAccount, DemoOrganization } from "./org";
import { awsManagedKeyPolicy, type PolicyFlaw } from "./policies";
import { hashString, Rng } from "./random";

const PURPOSES = ["s3", "ebs", "rds", "data", "logs", "backup", "secrets"];

const AWS_KEY_DESCRIPTIONS = {
  s3: "Default master key that protects my S3 objects when no other key is defined",
  ebs: "Default master key that protects my EBS volumes when no other key is defined",
  rds: "Default master key that protects my RDS database volumes when no other key is defined",
} as const;

function awsManagedKeys(ctx: AccountContext): KeyPlan[] {
  const { rng, account } = ctx;
  const accountId = account.record.accountId;
  const plans: KeyPlan[] = [];
  for (const region of ctx.org.options.regions) {
    for (const service of ["s3", "ebs", "rds"] as const) {
      const keyId = rng.uuid();
      const keyArn = `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
      const createdIdx = account.createdIdx + rng.int(0, 300);
      const base: KmsKeyRecord = {
        keyArn, accountId, region, keyId,
        keyManager: "AWS",
        keyState: "Enabled",
        keySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        origin: "AWS_KMS",
        multiRegion: false,
        multiRegionRole: null,
        primaryKeyArn: null,
        creationDate: dateAt(createdIdx, rng.int(0, 86_399)),
        deletionDate: null,
        pendingWindowDays: null,
        description: AWS_KEY_DESCRIPTIONS[service],
        aliases: [`alias/aws/${service}`],
        tags: {},
        policy: awsManagedKeyPolicy(accountId, region, service === "ebs" ? "ec2" : service),
        policyError: null,
        rotationEnabled: true,
        rotationPeriodDays: 365,
        rotationCount: 0,
        lastRotatedAt: null,
        nextRotationDate: null,
      };
      // aws/s3 carries every SSE-KMS bucket without its own key: busy. EBS asks KMS at attach time only.
      const dailyRequests = service === "s3" ? rng.logBetween(20_000, 800_000) : service === "ebs" ? rng.logBetween(500, 20_000) : rng.logBetween(1_000, 30_000);
      plans.push({
        keyArn, accountId, region, role: "aws-managed", bu: "", app: "", env: account.env, awsService: service,
        createdIdx, base, changes: [], rotationFrom: createdIdx, rotationPeriodDays: 365, rotationUntil: null,
        deletedIdx: null, dailyRequests, activeUntil: null, pricing: "symmetric", usableByResources: false,
        noiseSeed: hashString(keyArn),
      });
    }
  }
  return plans;
}

/** Fix day of an issue for a key created on `createdIdx`: quickly, slowly, or never (MTTP needs all three). */
function fixDay(rng: Rng, createdIdx: number, endIdx: number, speed: "quick" | "slow" | "never"): number | null {
  if (speed === "never") return null;
  const day = createdIdx + (speed === "quick" ? rng.int(1, 6) : rng.int(15, 150));
  return day <= endIdx ? day : null;
}

function genericKey(ctx: AccountContext): KeyPlan {
  const { rng, account, org } = ctx;
  const { startIdx, endIdx } = org;
  const regions = org.options.regions;
  const bu = account.primaryBu && rng.chance(0.9) ? account.primaryBu : rng.pick(org.businessUnits).name;
  const unit = org.businessUnits.find((b) => b.name === bu)!;
  const role = rng.weighted<CustomerKeySpec["role"]>([
    // Shared accounts hold a few platform keys every unit uses; the rest belong to one unit.
    ["workload", account.kind === "shared" ? 0.74 : 0.89],
    ["shared", account.kind === "shared" ? 0.15 : 0],
    ["unused", 0.04],
    ["disabled", 0.015],
    ["pending-cleanup", 0.025],
    ["asymmetric", 0.02],
    ["hmac", 0.01],
  ]);
  const isNew = rng.chance(0.15);
  const createdIdx = isNew ? rng.int(startIdx + 1, endIdx - 2) : Math.max(account.createdIdx + 30, startIdx - rng.int(1, 2200));
  const spec: CustomerKeySpec = {
    role,
    region: rng.weighted(regions.map((r, i) => [r, i === 0 ? 0.55 : 0.45 / (regions.length - 1)] as const)),
    bu,
    app: rng.pick(unit.apps),
    env: account.env,
    purpose: rng.pick(PURPOSES),
    createdIdx,
    dailyRequests: role === "unused" || role === "pending-cleanup" ? 0 : rng.logBetween(2_000, 400_000),
    usableByResources: role === "workload" || role === "shared",
  };
  if (role === "asymmetric") {
    spec.keySpec = rng.pick(["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384"]);
    spec.keyUsage = rng.chance(0.7) ? "SIGN_VERIFY" : spec.keySpec.startsWith("RSA") ? "ENCRYPT_DECRYPT" : "SIGN_VERIFY";
    spec.purpose = spec.keyUsage === "SIGN_VERIFY" ? "signing" : "envelope";
    spec.dailyRequests = rng.logBetween(200, 20_000);
  } else if (role === "hmac") {
    spec.keySpec = rng.pick(["HMAC_256", "HMAC_512"]);
    spec.keyUsage = "GENERATE_VERIFY_MAC";
    spec.purpose = "token-mac";
  }

  if (isNew) {
    // New keys are born with gaps; the owning team closes them at its own pace (MTTP).
    const speed = rng.weighted<"quick" | "slow" | "never">([["quick", 0.4], ["slow", 0.35], ["never", 0.25]]);
    const fix = () => fixDay(rng, createdIdx, endIdx, speed);
    if (rng.chance(0.45)) spec.rotationOff = { value: true, fixedOn: fix() };
    if (rng.chance(0.4)) spec.missingTags = { value: randomMissingTags(rng), fixedOn: fix() };
    if (rng.chance(0.35)) spec.badAlias = { value: badAliasFor(rng, spec.app), fixedOn: fix() };
    if (rng.chance(0.08)) spec.policyFlaws = { value: [rng.pick<PolicyFlaw>(["broad", "noSeparation"])], fixedOn: fix() };
  } else {
    // Old keys: most problems stay; some get fixed during the year (a clean-up campaign).
    const oldFix = <T>(value: T, p: number): Issue<T> => ({ value, fixedOn: rng.chance(p) ? rng.int(startIdx + 1, endIdx) : null });
    if (rng.chance(0.15)) spec.rotationOff = oldFix(true, 0.3);
    if (rng.chance(0.1)) spec.missingTags = oldFix(randomMissingTags(rng), 0.3);
    if (rng.chance(0.08)) spec.badAlias = oldFix(badAliasFor(rng, spec.app), 0.25);
    const flaw = rng.weighted<PolicyFlaw | null>([["broad", 0.03], ["noSeparation", 0.03], ["public", 0.007], [null, 0.933]]);
    if (flaw) spec.policyFlaws = oldFix([flaw], 0.5);
  }

  if (role === "disabled") spec.disabledOn = rng.int(Math.max(createdIdx + 1, startIdx), endIdx);
  if (role === "pending-cleanup") {
    // Clean-up of unused keys: some scheduled long ago are gone, recent ones are still pending.
    spec.scheduledOn = { day: rng.int(Math.max(createdIdx + 1, startIdx), endIdx), windowDays: rng.pick([7, 14, 30]) };
  }
  return customerKey(ctx, spec);
}

function busyBucketKey(ctx: AccountContext): KeyPlan {
  const { rng, account, org } = ctx;
  const unit = org.businessUnits.find((b) => b.name === account.primaryBu) ?? org.businessUnits[0]!;
  return customerKey(ctx, {
    role: "busy-s3",
    region: org.options.regions[0]!,
    bu: unit.name,
    app: rng.pick(unit.apps),
    env: account.env,
    purpose: "s3",
    createdIdx: org.startIdx - rng.int(200, 1200),
    // Millions of GetObject/PutObject a day, each a KMS request without an S3 Bucket Key.
    dailyRequests: rng.logBetween(2_000_000, 12_000_000),
  });
}

/** Every key the account has ever had during the history, as plans. Deterministic per account. */
export function planAccountKeys(org: DemoOrganization, account: DemoAccount): KeyPlan[] {
  const ctx: AccountContext = { org, account, rng: new Rng(org.options.seed, "keys", account.record.accountId), aliases: new Set() };
  const plans = awsManagedKeys(ctx);
  const special = org.withSpecialKeys ? specialKeys(ctx) : [];
  plans.push(...special);
  let budget = account.cmkCount - special.length;
  if (org.withSpecialKeys && account.kind === "workload" && account.env === "prod" && account.resourceCount > 0 && budget > 4) {
    plans.push(busyBucketKey(ctx));
    budget--;
  }
  for (let i = 0; i < budget; i++) plans.push(genericKey(ctx));
  return plans;
}
