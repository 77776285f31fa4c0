import type { StorageResourceRecord, StorageService, Tags } from "@/lib/domain/records";
import type { VersionedKey, VersionedResource } from "@/lib/store/types";
import { dayIndex, dayString } from "./days";
import type { EncryptionState } from "./model";

export interface ResourcePlan {
  resourceArn: string;
  accountId: string;
  region: string;
  service: StorageService;
  name: string;
  sizeBytes: bigint | null;
  tags: Tags;
  createdIdx: number;
  /** First day the resource is gone, or null when it still exists on the last day. */
  deletedIdx: number | null;
  /** Encryption over time: each segment holds from its day until the next one. */
  segments: { from: number; encryption: EncryptionState }[];
}

/** A key's state per day range, merged where the state does not change. */
export interface KeyStateSpan {
  from: number;
  to: number; // exclusive; Infinity while current
  state: string;
}

export function keyStateSpans(versions: VersionedKey[]): KeyStateSpan[] {
  const spans: KeyStateSpan[] = [];
  for (const v of versions) {
    const from = dayIndex(v.validFrom);
    const to = v.validTo === null ? Infinity : dayIndex(v.validTo);
    const last = spans[spans.length - 1];
    if (last && last.state === v.record.keyState && last.to === from) last.to = to;
    else spans.push({ from, to, state: v.record.keyState });
  }
  return spans;
}

function stateOn(spans: KeyStateSpan[] | undefined, day: number): string | null {
  return spans?.find((s) => s.from <= day && day < s.to)?.state ?? null;
}

/**
 * The resource's versions within [startIdx, endIdx]: a new version whenever its encryption changes
 * or the state of its key changes (a key scheduled for deletion makes KEY_UNUSABLE that day).
 */
export function resourceVersions(
  plan: ResourcePlan,
  keyStates: Map<string, KeyStateSpan[]>,
  startIdx: number,
  endIdx: number,
): VersionedResource[] {
  const from = Math.max(plan.createdIdx, startIdx);
  const last = plan.deletedIdx === null ? endIdx : Math.min(endIdx, plan.deletedIdx - 1);
  if (from > last) return [];
  const days = new Set<number>([from]);
  for (const segment of plan.segments) {
    if (segment.from > from && segment.from <= last) days.add(segment.from);
    const spans = segment.encryption.keyArn ? keyStates.get(segment.encryption.keyArn) : undefined;
    for (const span of spans ?? []) if (span.from > from && span.from <= last) days.add(span.from);
  }

  const versions: VersionedResource[] = [];
  let previousSignature = "";
  for (const day of [...days].sort((a, b) => a - b)) {
    const segment = [...plan.segments].reverse().find((s) => s.from <= day) ?? plan.segments[0]!;
    const keyState = segment.encryption.keyArn ? stateOn(keyStates.get(segment.encryption.keyArn), day) : null;
    const signature = `${JSON.stringify(segment.encryption)}|${keyState}`;
    if (signature === previousSignature) continue;
    previousSignature = signature;
    const record: StorageResourceRecord = {
      resourceArn: plan.resourceArn,
      accountId: plan.accountId,
      region: plan.region,
      service: plan.service,
      name: plan.name,
      sizeBytes: plan.sizeBytes,
      ...segment.encryption,
      tags: plan.tags,
    };
    const open = versions[versions.length - 1];
    if (open) open.validTo = dayString(day);
    versions.push({ record, validFrom: dayString(day), validTo: null, keyState });
  }
  if (plan.deletedIdx !== null && plan.deletedIdx <= endIdx) versions[versions.length - 1]!.validTo = dayString(plan.deletedIdx);
  return versions;
}
