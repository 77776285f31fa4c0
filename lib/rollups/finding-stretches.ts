// The "since" of the two findings that depend on more than the key version: PENDING_DELETION_IN_USE
// (a pending key AND a resource still encrypted with it) and UNUSED (no use for unusedKeyDays AND
// no resource on it). Each half is read from history, the later start wins: a key pending since
// day 3 that a volume took on day 6 is "pending deletion and in use" since day 6.
import type { Db } from "@/lib/db/client";
import type { KeyUsageRecord } from "@/lib/domain/records";
import { OPEN_END_DATE, toDay } from "@/lib/domain/days";

const DAY_MS = 86_400_000;
const laterDay = (a: string, b: string) => (a > b ? a : b);

export interface ReferenceHistory {
  /** Start of the current unbroken stretch in which at least one resource used the key; null when none uses it now. */
  inUseSince: string | null;
  /** The day the last resource stopped using the key; null when one still does or none ever did. */
  lastUseEnded: string | null;
}

/**
 * Per key, from storage_resource_version: the intervals in which any resource version named the
 * key, merged (one resource leaving the day another arrives is no break).
 */
export async function referenceHistories(db: Db, keyArns: string[]): Promise<Map<string, ReferenceHistory>> {
  const histories = new Map<string, ReferenceHistory>();
  if (keyArns.length === 0) return histories;
  const rows = await db.storageResourceVersion.findMany({
    where: { keyArn: { in: keyArns } },
    select: { keyArn: true, validFrom: true, validTo: true },
    orderBy: [{ keyArn: "asc" }, { validFrom: "asc" }],
  });
  let arn = "";
  let start = 0;
  let end = 0;
  const close = () => {
    if (!arn) return;
    const open = end >= OPEN_END_DATE.getTime();
    histories.set(arn, { inUseSince: open ? toDay(new Date(start)) : null, lastUseEnded: open ? null : toDay(new Date(end)) });
  };
  for (const row of rows) {
    const from = row.validFrom.getTime();
    const to = row.validTo.getTime();
    if (row.keyArn !== arn) {
      close();
      arn = row.keyArn!;
      [start, end] = [from, to];
    } else if (from > end) {
      [start, end] = [from, to]; // a gap: a new stretch begins
    } else {
      end = Math.max(end, to);
    }
  }
  close();
  return histories;
}

/** PENDING_DELETION_IN_USE holds from the later of: pending deletion began, the key came into use. */
export function pendingInUseSince(pendingSince: string | undefined, refs: ReferenceHistory | undefined): string | undefined {
  if (!pendingSince || !refs?.inUseSince) return undefined;
  return laterDay(pendingSince, refs.inUseSince);
}

/**
 * UNUSED holds from the later of: the first day the key counted as idle (its last use, or the
 * later of creation and tracking start, plus unusedKeyDays: lib/kpi/key-findings.ts isIdle), the
 * day its last resource left it, and the start of its current stretch outside pending deletion.
 */
export function unusedSince(
  creationDate: Date,
  usage: KeyUsageRecord | undefined,
  unusedKeyDays: number,
  refs: ReferenceHistory | undefined,
  notPendingSince: string | undefined,
): string | undefined {
  if (!usage || !notPendingSince) return undefined;
  const lastActivity = usage.status === "USED" ? usage.lastUsedAt : new Date(Math.max(creationDate.getTime(), usage.trackingStartDate?.getTime() ?? 0));
  if (!lastActivity) return undefined;
  // isIdle compares with a snapshot day's midnight: idle from the first midnight at or after last activity + N days.
  const idleFrom = toDay(new Date(Math.ceil((lastActivity.getTime() + unusedKeyDays * DAY_MS) / DAY_MS) * DAY_MS));
  return [idleFrom, refs?.lastUseEnded ?? "", notPendingSince].reduce(laterDay);
}
