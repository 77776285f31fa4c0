import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { listMigrations } from "@/lib/db/migrate";
import { resetTables, testDb } from "./support/db";

// The migration SQL is written by hand (no schema engine here). This proves it matches
// schema.prisma: every model and every field is written and read back through the client,
// and the migration is recorded the way `prisma migrate deploy` expects.

const db = testDb();
beforeAll(() => resetTables(db));
afterAll(() => db.$disconnect());

const day = new Date("2026-03-01T00:00:00.000Z");
const at = new Date("2026-03-01T12:34:56.789Z");

const models = Object.values(Prisma.ModelName);

function fieldsOf(model: string): string[] {
  const scalars = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
  if (!scalars) throw new Error(`no scalar field list for ${model}`);
  return Object.values(scalars);
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));

// One fully populated row per model (every scalar set, nullable ones to non-null values).
const samples = {
  account: { accountId: "111122223333", name: "payments-prod", organizationalUnit: "Production", email: "a@example.com", status: "ACTIVE", firstSeenAt: at, lastSeenAt: at },
  // Before the version that names it (foreign key).
  kmsKeyPolicy: { policyHash: "p1", document: { Version: "2012-10-17", Statement: [] } },
  kmsKeyVersion: {
    keyArn: "arn:aws:kms:eu-west-1:111122223333:key/k1", accountId: "111122223333", region: "eu-west-1", keyId: "k1",
    validFrom: day, validTo: new Date("9999-12-31T00:00:00.000Z"), contentHash: "h", keyManager: "CUSTOMER" as const, keyState: "Enabled",
    keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", multiRegion: true, multiRegionRole: "PRIMARY",
    primaryKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/k1", creationDate: at, deletionDate: at, pendingWindowDays: 7,
    description: "d", aliases: ["alias/prod-app-db"], tags: { owner: "x" }, policyHash: "p1", policyError: "AccessDenied",
    rotationEnabled: true, rotationPeriodDays: 365, rotationCount: 2, lastRotatedAt: at, nextRotationDate: at, businessUnit: "payments", environment: "prod",
  },
  kmsKeyUsage: { keyArn: "arn:k1", status: "USED" as const, lastUsedAt: at, lastOperation: "Decrypt", trackingStartDate: at, observedDay: day },
  storageResourceVersion: {
    resourceArn: "arn:aws:s3:::b", accountId: "111122223333", region: "eu-west-1", service: "S3" as const, name: "b",
    validFrom: day, validTo: new Date("2026-04-01T00:00:00.000Z"), contentHash: "h", sizeBytes: 5_000_000_000_000n, encryptionClass: "CUSTOMER_KMS" as const,
    sseAlgorithm: "aws:kms", keyRef: "alias/x", keyArn: "arn:k1", keyState: "Enabled", bucketKeyEnabled: false, tags: { env: "prod" },
    businessUnit: "payments", environment: "prod", classification: "restricted", application: "ledger", owner: "ana", requiresCmk: true,
    nonCompliantReason: "KEY_UNUSABLE" as const, nonCompliantSince: day,
  },
  kmsCostDaily: {
    day, accountId: "111122223333", businessUnit: "payments", costCenter: "cc-1", usageType: "EU-KMS-Requests", region: "eu-west-1",
    category: "REQUESTS" as const, unblendedCost: new Prisma.Decimal("1.23456789"), usageQuantity: new Prisma.Decimal("411522.6300"), runId: "00000000-0000-4000-8000-000000000001",
  },
  keyRequestDaily: { keyArn: "arn:k1", day, accountId: "111122223333", requests: 12_345_678_901n, cost: new Prisma.Decimal("37.03703670") },
  ingestionRun: {
    id: "00000000-0000-4000-8000-000000000001", trigger: "CLI" as const, status: "PARTIAL" as const, snapshotDay: day, requestedAt: at, startedAt: at,
    finishedAt: at, scope: { accounts: ["111122223333"] }, unitsTotal: 3, kmsRequests: 10, costExplorerRequests: 2, otherRequests: 4, error: "e",
  },
  ingestionUnit: {
    id: 1n, runId: "00000000-0000-4000-8000-000000000001", accountId: "111122223333", region: "eu-west-1", kind: "inventory", status: "FAILED" as const,
    startedAt: at, finishedAt: at, workerId: "w1", heartbeatAt: at, keysCount: 1, resourcesCount: 2, apiRequests: { ListKeys: 1 }, error: "AccessDenied",
  },
  ingestionWarning: {
    id: 1n, runId: "00000000-0000-4000-8000-000000000001", accountId: "111122223333", region: "eu-west-1", source: "kms", code: "ACCESS_DENIED",
    message: "m", resourceArn: "arn:k1", createdAt: at,
  },
  scopeFreshness: { accountId: "111122223333", region: "eu-west-1", source: "inventory", lastGoodDay: day, lastRunId: "00000000-0000-4000-8000-000000000001", updatedAt: at },
  dataSourceStatus: { source: "ce-resources", available: false, message: "not enabled", checkedAt: at },
  policySetting: { key: "policy", value: { unusedKeyDays: 60 }, updatedAt: at },
  settingsRecompute: { id: 1, state: "FAILED" as const, requestedVersion: 3, doneVersion: 2, pending: ["compliance", "costs"], requestedAt: at, startedAt: at, finishedAt: at, error: "e" },
  settingsRecomputeLog: { id: 7n, finishedAt: at, version: 3, recomputed: ["compliance", "costs"] },
  coverageInterval: {
    validFrom: day, validTo: new Date("2026-03-09T00:00:00.000Z"), accountId: "111122223333", region: "eu-west-1", service: "AURORA" as const, businessUnit: "payments", environment: "prod", classification: "restricted",
    resources: 10, cmkResources: 7, sizedResources: 9, totalBytes: 9_000_000_000_000n, cmkBytes: 6_000_000_000_000n,
    ncUnencrypted: 1, ncSseS3: 0, ncAwsManagedKey: 2, ncKeyUnusable: 0, ncUnknownKey: 0,
  },
  coverageBuDaily: {
    day, businessUnit: "", resources: 10, cmkResources: 7, sizedResources: 9, totalBytes: 9n, cmkBytes: 6n,
    ncUnencrypted: 1, ncSseS3: 3, ncAwsManagedKey: 2, ncKeyUnusable: 4, ncUnknownKey: 5,
  },
  costBuMonthly: { month: day, businessUnit: "", category: "KEYS" as const, chargeKind: "Credit", cost: new Prisma.Decimal("-12.5"), costSource: "Bill", billFinal: true },
  keyFinding: { keyArn: "arn:k1", code: "ROTATION_DISABLED", severity: "medium", evidence: { statement: 1 }, firstSeen: day },
  keyProvisioning: { keyArn: "arn:k1", createdAt: at, compliantOn: day },
  keyCurrentStats: { keyArn: "arn:k1", resources: 3 },
  bucketKeySavings: { resourceArn: "arn:aws:s3:::b1", position: 0, name: "b1", accountId: "111122223333", region: "eu-west-1", businessUnit: "payments", keyArn: "arn:k1", encryptionClass: "CUSTOMER_KMS", basis: "exact", monthlyRequests: 120000.5, requestSource: "bill", monthlySavings: new Prisma.Decimal("0.3492000001") },
  bucketKeySavingsBasis: { id: 1, reduction: 0.97, perKeyRequestData: { available: true, days: 30, message: "m", billMonth: { month: "2026-02-01", billStatus: "final", daysCovered: null } } },
  bucketKeySavingsTotal: { businessUnit: "payments", accountId: "111122223333", basis: "exact", buckets: 3, monthlySavings: new Prisma.Decimal("1.0476000003") },
  appUser: { id: "u1", subject: "sub-1", email: "a@example.com", name: "A", role: "viewer", businessUnits: ["payments", ""], groups: ["eng-payments"], createdAt: at, lastSignInAt: at },
  appSession: { id: "s1", tokenHash: "ab".repeat(32), userId: "u1", createdAt: at, lastSeenAt: at, expiresAt: at, revokedAt: at },
  apiToken: { id: "t1", name: "finance", tokenHash: "cd".repeat(32), role: "finops", businessUnits: ["payments"], createdBy: "u1", createdAt: at, expiresAt: at, lastUsedAt: at, revokedAt: at },
  roleMapping: { group: "eng-payments", role: "viewer", businessUnits: ["payments"], updatedAt: at },
  auditLog: { id: 7n, at, actorKind: "session", actorId: "u1", actorName: "A", action: "settings.update", target: "policy", before: { a: 1 }, after: { a: 2 } },
  billImport: { id: "00000000-0000-4000-8000-000000000101", billingPeriod: day, format: "FOCUS_1_2", source: "s3://bills/kms/focus", fingerprint: "f1", final: true, status: "SUCCEEDED", filesRead: 2, linesRead: 10n, linesKept: 4n, error: "none", startedBy: "u1", startedAt: at, finishedAt: at },
  billCostLine: { billingPeriod: day, day, accountId: "111122223333", region: "eu-west-1", usageType: "eu-west-1-KMS-Requests", resourceId: "arn:aws:kms:eu-west-1:111122223333:key/k1", businessUnit: "payments", chargeCategory: "Usage", chargeClass: "Correction", category: "REQUESTS", billedCost: new Prisma.Decimal("0.1234567891"), effectiveCost: new Prisma.Decimal("0.1"), listCost: new Prisma.Decimal("0.2"), consumedQuantity: new Prisma.Decimal("12345.678901"), consumedUnit: "Requests", importId: "00000000-0000-4000-8000-000000000101" },
  alertChannel: { id: "00000000-0000-4000-8000-000000000201", name: "sec-slack", kind: "SLACK", config: { masked: "https://hooks.slack.com/…/abcd" }, secretCiphertext: "iv.tag.ct", createdBy: "u1", createdAt: at, updatedAt: at },
  alertRule: { id: "00000000-0000-4000-8000-000000000202", name: "Public keys", kind: "KEY_FINDING", params: { codes: ["PUBLIC_POLICY"] }, businessUnits: ["payments"], channelIds: ["00000000-0000-4000-8000-000000000201"], enabled: false, mutedUntil: at, createdBy: "u1", createdAt: at, updatedAt: at },
  alertCondition: { ruleId: "00000000-0000-4000-8000-000000000202", subject: "k1|PUBLIC_POLICY", open: false, detail: { key: "k1" }, openedAt: at, resolvedAt: at, lastSeenAt: at },
  alertDelivery: { id: "00000000-0000-4000-8000-000000000203", kind: "RESOLVED", ruleId: "00000000-0000-4000-8000-000000000202", channelId: "00000000-0000-4000-8000-000000000201", recipients: ["a@example.com"], title: "t", payload: { lines: [] }, status: "FAILED", attempts: 3, nextAttemptAt: at, lastError: "503", runId: "00000000-0000-4000-8000-000000000204", createdAt: at, sentAt: at },
  savedView: { id: "00000000-0000-4000-8000-000000000301", owner: "session:u1", name: "Payments costs", url: "/costs?bu=payments", createdAt: at },
  reportSchedule: { id: "00000000-0000-4000-8000-000000000205", kind: "WEEKLY_DIGEST", name: "Payments digest", channelId: "00000000-0000-4000-8000-000000000201", recipients: ["em@example.com"], businessUnits: ["payments"], enabled: false, lastSentAt: at, createdBy: "u1", createdAt: at },
} as const;

describe("migration matches schema.prisma", () => {
  it("has a sample for every model and every scalar field", () => {
    expect(models.length).toBe(Object.keys(samples).length);
    for (const model of models) {
      const key = (model[0]!.toLowerCase() + model.slice(1)) as keyof typeof samples;
      expect(samples[key], `sample for ${model}`).toBeDefined();
      expect(Object.keys(samples[key]).sort()).toEqual(fieldsOf(model).sort());
    }
  });

  it.each(Object.keys(samples))("round-trips every field of %s", async (name) => {
    const key = name as keyof typeof samples;
    const delegate = (db as unknown as Record<string, { create(a: unknown): Promise<unknown>; findFirstOrThrow(a: unknown): Promise<unknown> }>)[key]!;
    await delegate.create({ data: samples[key] });
    const back = (await delegate.findFirstOrThrow({})) as Record<string, unknown>;
    for (const [field, value] of Object.entries(samples[key])) {
      expect(json(back[field]), `${name}.${field}`).toBe(json(value));
    }
  });

  it("records the migration as Prisma does, with the file's sha256", async () => {
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished: boolean }[]>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = await listMigrations();
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum, finished: true })));
  });
});
