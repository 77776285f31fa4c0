// Policy settings (DOMAIN.md §6): which tags carry the dimensions, what "requires a CMK" means,
// the key hygiene rules and the savings assumptions. Stored one JSON value per setting key
// (prisma PolicySetting); every read goes through parsePolicySettings so a bad value stops with
// a message that names the setting instead of skewing a KPI silently.
import { z } from "zod";
import { PRICE_KEYS, type KmsPrices } from "@/lib/domain/prices";
import { COST_SOURCE_SETTINGS } from "./cost-source";
import { compileSettingRegex } from "./setting-regex";

/** alias/<env>-<app>-<purpose>: lowercase words; the purpose may itself contain hyphens. */
export const DEFAULT_ALIAS_PATTERN = "^alias/[a-z0-9]+-[a-z0-9]+-[a-z0-9][a-z0-9_-]*$";

/** Caps on list settings: a tag value has at most 256 characters in AWS; lists stay short. */
export const MAX_SETTING_LIST = 100;
const tagKey = z.string().trim().min(1, "must be a non-empty tag key").max(128, "a tag key has at most 128 characters");
const tagValues = z
  .array(z.string().trim().min(1, "must not contain empty values").max(256, "a tag value has at most 256 characters"))
  .max(MAX_SETTING_LIST, `must have at most ${MAX_SETTING_LIST} values`);

// Compiled with RE2 (setting-regex.ts), the engine findings use: a pattern it cannot run, or one
// longer than its limit, is refused here with the setting's name.
const regexSource = z.string().min(1, "must be a non-empty regular expression").superRefine((source, ctx) => {
  try {
    compileSettingRegex(source);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const price = z.number().finite().nonnegative("must be a price >= 0");
const priceOverridesSchema = z.strictObject(
  Object.fromEntries(PRICE_KEYS.map((key) => [key, price.optional()])) as Record<keyof KmsPrices, z.ZodOptional<typeof price>>,
);

const percent = z.number().min(0, "must be between 0 and 100").max(100, "must be between 0 and 100");
const targetFields = {
  /** % of in-scope resources on a CMK. */
  coverageByCount: percent,
  /** % of known bytes on a CMK. */
  coverageByStorage: percent,
  /** Non-compliant resources tolerated. */
  nonCompliant: z.number().int("must be a whole number").nonnegative("must be a count >= 0"),
  /** Mean days from key creation to a key without hygiene findings. */
  mttpDays: z.number().nonnegative("must be a number of days >= 0"),
};
const targetsSchema = z.strictObject({
  coverageByCount: targetFields.coverageByCount.default(90),
  coverageByStorage: targetFields.coverageByStorage.default(90),
  nonCompliant: targetFields.nonCompliant.default(0),
  mttpDays: targetFields.mttpDays.default(7),
});

/** Each setting without its default: the shape of a partial update. */
const fields = {
  businessUnitTagKey: tagKey,
  environmentTagKey: tagKey,
  productionValues: tagValues,
  classificationTagKey: tagKey,
  cmkRequiredClassifications: tagValues,
  applicationTagKey: tagKey,
  ownerTagKey: tagKey,
  requiredKeyTags: z.array(tagKey).max(MAX_SETTING_LIST, `must have at most ${MAX_SETTING_LIST} tag keys`),
  aliasPattern: regexSource,
  sharedKeyApplicationThreshold: z.number().int("must be a whole number").min(1, "must be at least 1"),
  unusedKeyDays: z.number().int("must be a whole number of days").min(1, "must be at least 1 day"),
  bucketKeyReduction: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1"),
  priceOverrides: priceOverridesSchema,
  // "auto": a month's cost comes from the imported bill when one exists, from Cost Explorer
  // otherwise; "costExplorer" ignores the bill (the view kms_cost reads this value).
  costSource: z.enum(COST_SOURCE_SETTINGS, { error: "must be auto or costExplorer" }),
  targets: targetsSchema,
};

export const policySettingsSchema = z.strictObject({
  businessUnitTagKey: fields.businessUnitTagKey.default("business-unit"),
  environmentTagKey: fields.environmentTagKey.default("env"),
  productionValues: fields.productionValues.default(["prod", "production"]),
  classificationTagKey: fields.classificationTagKey.default("data-classification"),
  cmkRequiredClassifications: fields.cmkRequiredClassifications.default(["confidential", "restricted"]),
  applicationTagKey: fields.applicationTagKey.default("app"),
  ownerTagKey: fields.ownerTagKey.default("owner"),
  requiredKeyTags: fields.requiredKeyTags.default(["owner", "cost-center", "business-unit"]),
  aliasPattern: fields.aliasPattern.default(DEFAULT_ALIAS_PATTERN),
  // SHARED_MASTER_KEY fires when a key protects MORE than this many applications.
  sharedKeyApplicationThreshold: fields.sharedKeyApplicationThreshold.default(3),
  unusedKeyDays: fields.unusedKeyDays.default(90),
  // AWS measured 97% fewer KMS requests with S3 Bucket Keys in its sample ("up to 99%").
  bucketKeyReduction: fields.bucketKeyReduction.default(0.97),
  priceOverrides: fields.priceOverrides.default({}),
  costSource: fields.costSource.default("auto"),
  targets: fields.targets.prefault({}),
});

export type PolicySettings = z.output<typeof policySettingsSchema>;
export type PolicySettingKey = keyof PolicySettings;
export const POLICY_SETTING_KEYS = Object.keys(fields) as PolicySettingKey[];

/**
 * A partial update: only the given settings, each validated, unknown names rejected. Targets may
 * be given one by one; priceOverrides, like every other setting, replaces the stored value.
 */
export const policySettingsPatchSchema = z
  .strictObject({ ...fields, targets: z.strictObject(targetFields).partial() })
  .partial();
export type PolicySettingsPatch = z.output<typeof policySettingsPatchSchema>;

export const defaultPolicySettings: PolicySettings = policySettingsSchema.parse({});

/** One invalid setting: its dotted path and what is wrong with it. */
export interface SettingFieldError {
  field: string;
  message: string;
}

export class PolicySettingsError extends Error {
  constructor(
    message: string,
    /** Dotted paths of the offending settings, e.g. ["aliasPattern", "targets.mttpDays"]. */
    readonly fields: string[],
    /** Every problem, one per field, so a form can mark them all at once. */
    readonly fieldErrors: SettingFieldError[] = fields.map((field) => ({ field, message })),
  ) {
    super(message);
    this.name = "PolicySettingsError";
  }
}

function toSettingsError(error: z.ZodError): PolicySettingsError {
  const fieldsInError: string[] = [];
  const fieldErrors: SettingFieldError[] = [];
  const lines = error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    // Unknown settings have an empty path; their names are in issue.keys.
    const names = issue.code === "unrecognized_keys" ? issue.keys.map((k) => (path ? `${path}.${k}` : k)) : [path || "(root)"];
    fieldsInError.push(...names);
    const message = issue.code === "unrecognized_keys" ? "is not a known setting" : issue.message;
    fieldErrors.push(...names.map((field) => ({ field, message })));
    return `${names.join(", ")}: ${message}`;
  });
  return new PolicySettingsError(`Invalid policy settings: ${lines.join("; ")}`, fieldsInError, fieldErrors);
}

/** Full settings with defaults for what is missing; throws PolicySettingsError naming the field. */
export function parsePolicySettings(input: unknown): PolicySettings {
  const result = policySettingsSchema.safeParse(input ?? {});
  if (!result.success) throw toSettingsError(result.error);
  return result.data;
}

/** Validates a partial update; throws PolicySettingsError naming the field. */
export function parsePolicySettingsPatch(input: unknown): PolicySettingsPatch {
  const result = policySettingsPatchSchema.safeParse(input ?? {});
  if (!result.success) throw toSettingsError(result.error);
  return result.data;
}

/** Current settings with a validated patch applied (targets merge one by one). */
export function applyPolicySettingsPatch(current: PolicySettings, patch: PolicySettingsPatch): PolicySettings {
  return parsePolicySettings({ ...current, ...patch, targets: { ...current.targets, ...patch.targets } });
}

