import { OPEN_END_DATE } from "@/lib/domain/days";
import { db, type Db } from "@/lib/db/client";

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
    where: { validTo: OPEN_END_DATE, ...(bu ? { businessUnit: { in: bu } } : {}) },
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
