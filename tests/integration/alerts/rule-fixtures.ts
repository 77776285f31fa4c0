// Hand-made rows for the rule evaluation tests: keys and their findings, coverage rollups, cost
// days and ingestion runs, inserted directly (what the store and the rollups would have written).
import type { Db } from "@/lib/db/client";
import type { AlertRuleKind } from "@/generated/prisma/client";

export const APP_URL = "https://finops.example.com";
export const day = (d: string) => new Date(`${d}T00:00:00Z`);
export const arn = (n: number, account = "111122223333") => `arn:aws:kms:eu-west-1:${account}:key/0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;

export async function key(db: Db, n: number, businessUnit: string, alias = `alias/prod-app${n}-data`): Promise<string> {
  const keyArn = arn(n);
  await db.kmsKeyVersion.create({
    data: {
      keyArn, accountId: "111122223333", region: "eu-west-1", keyId: keyArn.split("/")[1]!, validFrom: day("2026-11-01"),
      contentHash: `h${n}`, keyManager: "CUSTOMER", keyState: "Enabled", keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT",
      origin: "AWS_KMS", multiRegion: false, creationDate: day("2026-01-10"), aliases: [alias], businessUnit,
    },
  });
  return keyArn;
}

export const finding = (db: Db, keyArn: string, code: string, severity: string, evidence: object = {}) =>
  db.keyFinding.create({ data: { keyArn, code, severity, evidence, firstSeen: day("2026-12-04") } });

export const channel = (db: Db, name: string) =>
  db.alertChannel.create({ data: { name, kind: "WEBHOOK", config: {}, secretCiphertext: "sealed-elsewhere", createdBy: "test" } });

export const rule = (db: Db, kind: AlertRuleKind, params: object, extra: { businessUnits?: string[]; channelIds?: string[]; mutedUntil?: Date; name?: string } = {}) =>
  db.alertRule.create({
    data: { name: extra.name ?? `${kind} rule`, kind, params, businessUnits: extra.businessUnits ?? [], channelIds: extra.channelIds ?? [], mutedUntil: extra.mutedUntil, createdBy: "test" },
  });

interface Coverage {
  resources?: number; cmk?: number; sized?: number; bytes?: bigint; cmkBytes?: bigint;
  ncUnencrypted?: number; ncSseS3?: number; ncAwsManagedKey?: number; ncKeyUnusable?: number; ncUnknownKey?: number;
}

export const coverage = (db: Db, d: string, businessUnit: string, c: Coverage) =>
  db.coverageBuDaily.create({
    data: {
      day: day(d), businessUnit, resources: c.resources ?? 0, cmkResources: c.cmk ?? 0, sizedResources: c.sized ?? 0,
      totalBytes: c.bytes ?? 0n, cmkBytes: c.cmkBytes ?? 0n, ncUnencrypted: c.ncUnencrypted ?? 0, ncSseS3: c.ncSseS3 ?? 0,
      ncAwsManagedKey: c.ncAwsManagedKey ?? 0, ncKeyUnusable: c.ncKeyUnusable ?? 0, ncUnknownKey: c.ncUnknownKey ?? 0,
    },
  });

export const cost = (db: Db, d: string, businessUnit: string, amount: string, usageType = "eu-west-1-KMS-Requests") =>
  db.kmsCostDaily.create({
    data: { day: day(d), accountId: "111122223333", businessUnit, costCenter: "", usageType, region: "eu-west-1", category: "REQUESTS", unblendedCost: amount, usageQuantity: "0" },
  });

export const run = (db: Db, status: "SUCCEEDED" | "PARTIAL" | "FAILED", finishedAt: Date, error?: string) =>
  db.ingestionRun.create({ data: { trigger: "SCHEDULE", status, snapshotDay: day(finishedAt.toISOString().slice(0, 10)), requestedAt: finishedAt, startedAt: finishedAt, finishedAt, error } });

export async function deliveries(db: Db) {
  return db.alertDelivery.findMany({ orderBy: [{ createdAt: "asc" }, { channelId: "asc" }] });
}

export const linesOf = (payload: unknown) => (payload as { lines: { text: string; url?: string; severity?: string }[] }).lines;
