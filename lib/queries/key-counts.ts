import { OPEN_END_DATE } from "@/lib/domain/days";
import { db, type Db } from "@/lib/db/client";
import type { DimensionFilters } from "@/lib/domain/dimensions";

export interface KeyCounts {
  /** Customer managed keys in the current inventory, every state included. */
  customerManaged: number;
  /** Of those, keys that cannot encrypt now (Disabled or PendingDeletion). */
  customerManagedUnusable: number;
  awsManaged: number;
}

/** The dimensions a key has (a key is not a storage service's: there is no service filter). */
export type KeyFilters = Pick<DimensionFilters, "bu" | "account" | "region" | "env">;

/** The current key versions under the filters (stored forms; an absent filter is every value). */
export function keyFilterWhere({ bu, account, region, env }: KeyFilters) {
  return {
    ...(bu ? { businessUnit: { in: bu } } : {}),
    ...(account?.length ? { accountId: { in: account } } : {}),
    ...(region?.length ? { region: { in: region } } : {}),
    ...(env?.length ? { environment: { in: env } } : {}),
  };
}

/** The keys under the filters; no filter = the whole organization. */
export async function getKeyCounts(client: Db = db(), filters: KeyFilters = {}): Promise<KeyCounts> {
  const groups = await client.kmsKeyVersion.groupBy({
    by: ["keyManager", "keyState"],
    where: { validTo: OPEN_END_DATE, ...keyFilterWhere(filters) },
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
