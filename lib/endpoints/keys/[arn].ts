// GET /api/keys/[arn]: one key in full: metadata, aliases, tags, policy, findings with evidence,
// the resources it protects, its daily request trend and cost (billed requests and modeled, see
// key-cost.ts), rotation and the deletion countdown. Another business unit's key answers exactly
// like an unknown one (404), and resources of other BUs a key protects are left out.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { currentPrincipal } from "@/lib/auth/context";
import { labelInScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { latestSnapshotDay } from "@/lib/queries/kpi/as-of";
import { keyCost } from "@/lib/queries/kpi/key-cost";
import { WITH_POLICY } from "@/lib/store/key-records";
import { num } from "@/lib/queries/kpi/sql";
import { type Day, OPEN_END_DATE, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { notFound } from "@/lib/domain/errors";

const DAY_MS = 86_400_000;
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** The ARN arrives URL-encoded ("arn%3Aaws%3Akms%3A...%3Akey%2F..."); decoded once if still encoded. */
const keyArn = z
  .string()
  .transform((raw, ctx) => {
    if (!raw.includes("%")) return raw;
    try {
      return decodeURIComponent(raw);
    } catch {
      ctx.issues.push({ code: "custom", message: "is not a valid URL-encoded key ARN", input: raw });
      return z.NEVER;
    }
  })
  .pipe(z.string().regex(KEY_ARN, "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), URL-encoded"));

async function keyDetail(db: Db, keyArn: string) {
  // The current version, or the last one seen for a key no longer in the inventory.
  const version = await db.kmsKeyVersion.findFirst({ where: { keyArn }, orderBy: { validFrom: "desc" }, include: WITH_POLICY });
  if (!version) return null;
  const [asOf, findings, resources, requests, usage, versions] = await Promise.all([
    latestSnapshotDay(db),
    db.keyFinding.findMany({ where: { keyArn }, orderBy: [{ severity: "asc" }, { code: "asc" }] }),
    db.storageResourceVersion.findMany({
      where: { keyArn, validTo: OPEN_END_DATE },
      orderBy: { name: "asc" },
      select: { resourceArn: true, name: true, service: true, accountId: true, region: true, businessUnit: true, environment: true, application: true, encryptionClass: true, nonCompliantReason: true, bucketKeyEnabled: true, sizeBytes: true },
    }),
    db.keyRequestDaily.findMany({ where: { keyArn }, orderBy: { day: "asc" } }),
    db.kmsKeyUsage.findUnique({ where: { keyArn } }),
    db.kmsKeyVersion.findMany({ where: { keyArn }, orderBy: { validFrom: "asc" }, select: { keyState: true, validFrom: true } }),
  ]);
  const requestTrend = requests.map((r) => ({ day: toDay(r.day), requests: Number(r.requests), cost: num(r.cost) }));
  const cost = await keyCost(db, version, versions, requestTrend);
  const current = version.validTo.getTime() === OPEN_END_DATE.getTime();
  const asOfDate = asOf ? new Date(`${asOf}T00:00:00Z`) : null;
  const daysLeft =
    version.keyState === "PendingDeletion" && version.deletionDate && asOfDate
      ? Math.max(0, Math.ceil((version.deletionDate.getTime() - asOfDate.getTime()) / DAY_MS))
      : null;
  return {
    asOf,
    current,
    /** Last day the key was in the inventory when it is no longer current. */
    lastSeen: current ? null : (toDay(new Date(version.validTo.getTime() - DAY_MS)) as Day),
    versions: versions.length,
    metadata: {
      keyArn: version.keyArn,
      keyId: version.keyId,
      accountId: version.accountId,
      region: version.region,
      keyManager: version.keyManager,
      keyState: version.keyState,
      keySpec: version.keySpec,
      keyUsage: version.keyUsage,
      origin: version.origin,
      multiRegion: version.multiRegion,
      multiRegionRole: version.multiRegionRole,
      primaryKeyArn: version.primaryKeyArn,
      description: version.description,
      creationDate: version.creationDate.toISOString(),
      businessUnit: buLabel(version.businessUnit),
      environment: version.environment,
    },
    aliases: version.aliases,
    tags: version.tags,
    policy: version.policy?.document ?? null,
    policyError: version.policyError,
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, evidence: f.evidence, firstSeen: toDay(f.firstSeen) })),
    resources: resources.map((r) => ({ ...r, businessUnit: buLabel(r.businessUnit) })),
    requestTrend,
    cost,
    usage: usage && {
      status: usage.status,
      lastUsedAt: usage.lastUsedAt?.toISOString() ?? null,
      lastOperation: usage.lastOperation,
      trackingStartDate: usage.trackingStartDate?.toISOString() ?? null,
      observedDay: toDay(usage.observedDay),
    },
    rotation: {
      enabled: version.rotationEnabled,
      periodDays: version.rotationPeriodDays,
      count: version.rotationCount,
      lastRotatedAt: version.lastRotatedAt?.toISOString() ?? null,
      // KMS's schedule (GetKeyRotationStatus NextRotationDate), never last rotation + period: an
      // on-demand rotation does not move it. Null on a version stored before it was collected.
      nextRotationAt: version.rotationEnabled ? (version.nextRotationDate?.toISOString() ?? null) : null,
    },
    deletion: version.keyState === "PendingDeletion"
      ? { deletionDate: version.deletionDate?.toISOString() ?? null, pendingWindowDays: version.pendingWindowDays, daysLeft }
      : null,
  };
}

export const keyEndpoint = defineEndpoint({
  route: "GET /api/keys/[arn]",
  access: "read",
  params: z.strictObject({ arn: keyArn }),
  query: async (db, { arn }) => {
    const detail = await keyDetail(db, arn);
    if (!detail || !labelInScope(currentPrincipal(), detail.metadata.businessUnit)) throw notFound(`key ${arn} is not in the inventory`);
    return { ...detail, resources: detail.resources.filter((r) => labelInScope(currentPrincipal(), r.businessUnit)) };
  },
});
