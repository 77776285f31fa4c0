import type { KmsKeyRecord, Tags } from "@/lib/domain/records";
import { dateAt } from "./days";
import type { KeyChange, KeyPlan, KeyRole } from "./model";
import type { DemoAccount, DemoOrganization, Environment } from "./org";
import { customerKeyPolicy, type PolicyFlaw } from "./policies";
import { pricingOfKeySpec } from "./usage-types";
import { hashString, type Rng } from "./random";

export interface AccountContext {
  org: DemoOrganization;
  account: DemoAccount;
  rng: Rng;
  /** Alias names taken per region ("region|alias"): an alias names one key in an account-region. */
  aliases: Set<string>;
}

/** Reserves `alias` (or the first free "-2", "-3"... variant) in the region. */
function reserveAlias(ctx: AccountContext, region: string, alias: string): string {
  let candidate = alias;
  for (let n = 2; ctx.aliases.has(`${region}|${candidate}`); n++) candidate = `${alias}-${n}`;
  ctx.aliases.add(`${region}|${candidate}`);
  return candidate;
}

/** A hygiene problem the key starts with; fixedOn = the day someone fixed it (null: never). */
export interface Issue<T = true> {
  value: T;
  fixedOn: number | null;
}

export interface CustomerKeySpec {
  role: KeyRole;
  region: string;
  bu: string;
  app: string;
  env: Environment;
  purpose: string;
  createdIdx: number;
  dailyRequests: number;
  keySpec?: string;
  keyUsage?: string;
  origin?: string;
  multiRegion?: { role: "PRIMARY" | "REPLICA"; keyId: string; primaryArn: string | null };
  rotationOff?: Issue;
  missingTags?: Issue<string[]>;
  /** A non-conforming alias, or null for a key with no alias at all. */
  badAlias?: Issue<string | null>;
  policyFlaws?: Issue<PolicyFlaw[]>;
  disabledOn?: number;
  scheduledOn?: { day: number; windowDays: number };
  usableByResources?: boolean;
  /** Disabled/scheduled keys stop being used; so do abandoned ones. */
  activeUntil?: number | null;
}

const REQUIRED_TAGS = ["owner", "cost-center", "business-unit"];

export function randomMissingTags(rng: Rng): string[] {
  const missing = REQUIRED_TAGS.filter(() => rng.chance(0.45));
  return missing.length > 0 ? missing : [rng.pick(REQUIRED_TAGS)];
}

export function badAliasFor(rng: Rng, app: string): string | null {
  return rng.weighted<string | null>([
    ["alias/test", 1],
    ["alias/my-key", 1],
    [`alias/${app.replaceAll("-", "")}`, 2],
    [`alias/${app.toUpperCase().replaceAll("-", "_")}_KEY`, 1],
    [`alias/temp-${rng.hex(4)}`, 1],
    [null, 2],
  ]);
}

function tagsFor(ctx: AccountContext, spec: CustomerKeySpec, missing: string[]): Tags {
  const unit = ctx.org.businessUnits.find((b) => b.name === spec.bu);
  const tags: Tags = {
    "business-unit": spec.bu,
    owner: unit?.owner ?? "platform-team",
    "cost-center": unit?.costCenter ?? "",
    env: spec.env,
    app: spec.app,
  };
  for (const name of missing) delete tags[name];
  return tags;
}

/** A CMK plan: its first-day record plus the fixes and state changes that follow. */
export function customerKey(ctx: AccountContext, spec: CustomerKeySpec): KeyPlan {
  const { rng, account } = ctx;
  const accountId = account.record.accountId;
  const keyId = spec.multiRegion?.keyId ?? rng.uuid();
  const keyArn = `arn:aws:kms:${spec.region}:${accountId}:key/${keyId}`;
  const keySpec = spec.keySpec ?? "SYMMETRIC_DEFAULT";
  const origin = spec.origin ?? "AWS_KMS";
  // Automatic rotation exists only for symmetric keys with AWS_KMS origin (DOMAIN.md §1).
  const rotatable = keySpec === "SYMMETRIC_DEFAULT" && origin === "AWS_KMS";
  const goodAlias = reserveAlias(ctx, spec.region, `alias/${spec.env}-${spec.app}-${spec.purpose}`);
  // A taken bad alias is not made unique with a suffix (that could make it conform): the key goes without.
  const badAlias = spec.badAlias?.value && !ctx.aliases.has(`${spec.region}|${spec.badAlias.value}`) ? reserveAlias(ctx, spec.region, spec.badAlias.value) : null;
  const flaws = spec.policyFlaws?.value ?? [];

  const base: KmsKeyRecord = {
    keyArn,
    accountId,
    region: spec.region,
    keyId,
    keyManager: "CUSTOMER",
    keyState: "Enabled",
    keySpec,
    keyUsage: spec.keyUsage ?? "ENCRYPT_DECRYPT",
    origin,
    multiRegion: spec.multiRegion !== undefined,
    multiRegionRole: spec.multiRegion?.role ?? null,
    primaryKeyArn: spec.multiRegion ? (spec.multiRegion.primaryArn ?? keyArn) : null,
    creationDate: dateAt(spec.createdIdx, rng.int(7 * 3600, 19 * 3600)),
    deletionDate: null,
    pendingWindowDays: null,
    description: spec.badAlias ? "" : `${spec.app} ${spec.purpose} encryption key`,
    aliases: spec.badAlias ? (badAlias === null ? [] : [badAlias]) : [goodAlias],
    tags: tagsFor(ctx, spec, spec.missingTags?.value ?? []),
    policy: customerKeyPolicy(accountId, spec.app, flaws, rng.chance(0.3)),
    policyError: null,
    rotationEnabled: rotatable ? false : null,
    rotationPeriodDays: null,
    rotationCount: rotatable ? 0 : null,
    lastRotatedAt: null,
    nextRotationDate: null,
  };

  const changes: KeyChange[] = [];
  if (spec.missingTags?.fixedOn != null) {
    const tags = tagsFor(ctx, spec, []);
    changes.push({ day: spec.missingTags.fixedOn, apply: (r) => ({ ...r, tags }) });
  }
  if (spec.badAlias?.fixedOn != null) {
    changes.push({ day: spec.badAlias.fixedOn, apply: (r) => ({ ...r, aliases: [goodAlias], description: `${spec.app} ${spec.purpose} encryption key` }) });
  }
  if (spec.policyFlaws?.fixedOn != null) {
    const fixed = customerKeyPolicy(accountId, spec.app, [], false);
    changes.push({ day: spec.policyFlaws.fixedOn, apply: (r) => ({ ...r, policy: fixed }) });
  }
  let leftEnabled: number | null = null;
  if (spec.disabledOn !== undefined) {
    leftEnabled = spec.disabledOn;
    changes.push({ day: spec.disabledOn, apply: (r) => ({ ...r, keyState: "Disabled" }) });
  }
  let deletedIdx: number | null = null;
  if (spec.scheduledOn) {
    const { day, windowDays } = spec.scheduledOn;
    leftEnabled = Math.min(leftEnabled ?? day, day);
    const deletionDate = dateAt(day + windowDays, rng.int(0, 86_399));
    changes.push({ day, apply: (r) => ({ ...r, keyState: "PendingDeletion", deletionDate, pendingWindowDays: windowDays }) });
    deletedIdx = day + windowDays + 1;
  }
  changes.sort((a, b) => a.day - b.day);

  const rotationFrom = !rotatable ? null : spec.rotationOff ? spec.rotationOff.fixedOn : spec.createdIdx;
  return {
    keyArn,
    accountId,
    region: spec.region,
    role: spec.role,
    bu: spec.bu,
    app: spec.app,
    env: spec.env,
    awsService: null,
    createdIdx: spec.createdIdx,
    base,
    changes,
    rotationFrom,
    rotationPeriodDays: rotatable && rng.chance(0.1) ? 180 : 365,
    rotationUntil: leftEnabled,
    deletedIdx,
    dailyRequests: spec.dailyRequests,
    activeUntil: spec.activeUntil !== undefined ? spec.activeUntil : leftEnabled,
    pricing: pricingOfKeySpec(keySpec),
    usableByResources: spec.usableByResources ?? false,
    noiseSeed: hashString(keyArn),
  };
}
