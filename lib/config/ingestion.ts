import { z } from "zod";
import { CronExpressionParser } from "cron-parser";
import { ConfigError, type EnvSource } from "./env";

// Ingestion configuration: `env(parseIngestionConfig)` validates it once (./env.ts); an invalid
// value stops the worker or the CLI with a message naming the variable.

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

const commaList = (name: string, pattern: RegExp, what: string) =>
  z
    .string()
    .transform((value) => [...new Set(value.split(",").map((part) => part.trim()).filter(Boolean))])
    .superRefine((items, ctx) => {
      for (const item of items) if (!pattern.test(item)) ctx.addIssue({ code: "custom", message: `${name}: "${item}" is not ${what}` });
    });

const flag = z.enum(["1", "0", "true", "false", "yes", "no"]).transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  INGEST_ACCOUNTS: commaList("INGEST_ACCOUNTS", ACCOUNT_ID, "a 12-digit account id").optional(),
  INGEST_REGIONS: commaList("INGEST_REGIONS", REGION, "a region name such as eu-west-1").optional(),
  INGEST_ROLE_NAME: z.string().regex(/^[\w+=,.@/-]{1,64}$/, "must be an IAM role name").default("KmsFinOpsReadOnly"),
  INGEST_EXTERNAL_ID: z.string().min(2).max(1224).optional(),
  /** Account that holds Cost Explorer and Organizations; empty = the base credentials' own. */
  INGEST_MANAGEMENT_ACCOUNT: z.string().regex(ACCOUNT_ID, "must be a 12-digit account id").optional(),
  INGEST_SCHEDULE: z
    .string()
    .default("0 3 * * *")
    .refine((cron) => {
      try {
        CronExpressionParser.parse(cron);
        return cron.trim().split(/\s+/).length === 5;
      } catch {
        return false;
      }
    }, "must be a 5-field cron expression such as \"0 3 * * *\""),
  INGEST_COST_SETTLE_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  INGEST_SKIP_ASSUME_ROLE: flag.default(false),
  INGEST_UNIT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Share of each published API quota one account-region may use (others share it too). */
  INGEST_QUOTA_SHARE: z.coerce.number().gt(0).max(1).default(0.8),
});

export interface IngestionConfig {
  accounts: string[] | null;
  regions: string[] | null;
  roleName: string;
  externalId: string | null;
  managementAccountId: string | null;
  schedule: string;
  costSettleDays: number;
  skipAssumeRole: boolean;
  unitConcurrency: number;
  quotaShare: number;
}

export function parseIngestionConfig(source: EnvSource): IngestionConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("INGEST_") && v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.message.startsWith(`${String(i.path[0])}:`) ? i.message : `${i.path.join(".")}: ${i.message}`));
    throw new ConfigError(`Invalid ingestion configuration: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  return {
    accounts: env.INGEST_ACCOUNTS?.length ? env.INGEST_ACCOUNTS : null,
    regions: env.INGEST_REGIONS?.length ? env.INGEST_REGIONS : null,
    roleName: env.INGEST_ROLE_NAME,
    externalId: env.INGEST_EXTERNAL_ID ?? null,
    managementAccountId: env.INGEST_MANAGEMENT_ACCOUNT ?? null,
    schedule: env.INGEST_SCHEDULE,
    costSettleDays: env.INGEST_COST_SETTLE_DAYS,
    skipAssumeRole: env.INGEST_SKIP_ASSUME_ROLE,
    unitConcurrency: env.INGEST_UNIT_CONCURRENCY,
    quotaShare: env.INGEST_QUOTA_SHARE,
  };
}

/** Validators the CLI shares for its flags (same rules as the variables). */
export const isAccountId = (value: string) => ACCOUNT_ID.test(value);
export const isRegionName = (value: string) => REGION.test(value);
