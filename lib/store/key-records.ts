// Stored key versions back to the normalized record the pure KPI rules take: next to the writes
// (write-versions.ts), so the rollups and the read-side queries both map rows the same way.
import type { KmsKeyUsage, KmsKeyVersion, Prisma } from "@/generated/prisma/client";
import type { KmsKeyRecord, KeyUsageRecord, Tags } from "@/lib/domain/records";

/** Include of a key version query that reads its policy document (stored once per document). */
export const WITH_POLICY = { policy: { select: { document: true } } } as const;

export type KeyVersionWithPolicy = KmsKeyVersion & { policy: { document: Prisma.JsonValue } | null };

export function keyRecordOf(v: KeyVersionWithPolicy): KmsKeyRecord {
  return {
    keyArn: v.keyArn,
    accountId: v.accountId,
    region: v.region,
    keyId: v.keyId,
    keyManager: v.keyManager,
    keyState: v.keyState,
    keySpec: v.keySpec,
    keyUsage: v.keyUsage,
    origin: v.origin,
    multiRegion: v.multiRegion,
    multiRegionRole: v.multiRegionRole as KmsKeyRecord["multiRegionRole"],
    primaryKeyArn: v.primaryKeyArn,
    creationDate: v.creationDate,
    deletionDate: v.deletionDate,
    pendingWindowDays: v.pendingWindowDays,
    description: v.description,
    aliases: v.aliases,
    tags: (v.tags ?? {}) as Tags,
    policy: v.policy?.document ?? null,
    policyError: v.policyError,
    rotationEnabled: v.rotationEnabled,
    rotationPeriodDays: v.rotationPeriodDays,
    rotationCount: v.rotationCount,
    lastRotatedAt: v.lastRotatedAt,
    nextRotationDate: v.nextRotationDate,
  };
}

export function keyUsageRecordOf(u: KmsKeyUsage): KeyUsageRecord {
  return { keyArn: u.keyArn, status: u.status, lastUsedAt: u.lastUsedAt, lastOperation: u.lastOperation, trackingStartDate: u.trackingStartDate };
}
