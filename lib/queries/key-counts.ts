import { db, type Db } from "@/lib/db/client";

/** Current key versions are those still open: validTo is the far-future sentinel. */
export const CURRENT_VALID_TO = new Date("9999-12-31T00:00:00.000Z");

export interface KeyCounts {
  /** Customer managed keys in the current inventory, every state included. */
  customerManaged: number;
  /** Of those, keys that cannot encrypt now (Disabled or PendingDeletion). */
  customerManagedUnusable: number;
  awsManaged: number;
}

/** bu: business units (stored form) to count; undefined = the whole organization. */
export async function getKeyCounts(client: Db = db(), bu?: string[]): Promise<KeyCounts> {
  const groups = await client.kmsKeyVersion.groupBy({
    by: ["keyManager", "keyState"],
    where: { validTo: CURRENT_VALID_TO, ...(bu ? { businessUnit: { in: bu } } : {}) },
    _count: { _all: true },
  });
  const counts: KeyCounts = { customerManaged: 0, customerManagedUnusable: 0, awsManaged: 0 };
  for (const group of groups) {
    const n = group._count._all;
    if (group.keyManager === "AWS") {
      counts.awsManaged += n;
      continue;
    }
    counts.customerManaged += n;
    if (group.keyState === "Disabled" || group.keyState === "PendingDeletion") counts.customerManagedUnusable += n;
  }
  return counts;
}
