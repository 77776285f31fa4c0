// When the business-unit tag key changed. Inventory history is re-derived with the new key, but
// Cost Explorer rows already stored stay grouped by the tag key in force when they were fetched
// (only the settle window is re-fetched): cost figures say from which day the new key applies.
// Kept as its own policy_setting row, so no migration and no change to the settings document.
import type { Db } from "@/lib/db/client";
import { type Day, toDay } from "@/lib/domain/days";

const KEY = "business_unit_tag_key_history";

export interface BuTagKeyChange {
  key: string;
  /** First day (UTC) whose cost rows are grouped by this key. */
  since: Day;
}

/** Changes, oldest first; empty when the key was never changed. */
export async function buTagKeyHistory(db: Db): Promise<BuTagKeyChange[]> {
  const row = await db.policySetting.findUnique({ where: { key: KEY } });
  return Array.isArray(row?.value) ? (row.value as unknown as BuTagKeyChange[]) : [];
}

/** The latest change, or null: what the Costs page and the exports mark. */
export async function latestBuTagKeyChange(db: Db): Promise<BuTagKeyChange | null> {
  return (await buTagKeyHistory(db)).at(-1) ?? null;
}

export async function recordBuTagKeyChange(db: Db, key: string, now: Date = new Date()): Promise<void> {
  const history = [...(await buTagKeyHistory(db)), { key, since: toDay(now) }].map((c) => ({ key: c.key, since: c.since }));
  await db.policySetting.upsert({ where: { key: KEY }, create: { key: KEY, value: history }, update: { value: history } });
}
