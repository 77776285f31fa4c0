// Stored key versions back to the normalized record the pure KPI rules take.
import type { KmsKeyVersion } from "@/generated/prisma/client";
import type { KmsKeyRecord, KeyUsageRecord, Tags } from "@/lib/domain/records";
import type { KmsKeyUsage } from "@/generated/prisma/client";

/** The open end of a current version (validTo 9999-12-31). */
export const CURRENT = new Date("9999-12-31T00:00:00.000Z");

export function keyRecordOf(v: KmsKeyVersion): KmsKeyRecord {
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
    policy: v.policy ?? null,
    policyError: v.policyError,
    rotationEnabled: v.rotationEnabled,
    rotationPeriodDays: v.rotationPeriodDays,
    rotationCount: v.rotationCount,
    lastRotatedAt: v.lastRotatedAt,
  };
}

export function keyUsageRecordOf(u: KmsKeyUsage): KeyUsageRecord {
  return { keyArn: u.keyArn, status: u.status, lastUsedAt: u.lastUsedAt, lastOperation: u.lastOperation, trackingStartDate: u.trackingStartDate };
}
