import type { Db } from "@/lib/db/client";
import { defaultPolicySettings, parsePolicySettings, POLICY_SETTING_KEYS, type PolicySettings } from "./policy";

export const POLICY_SETTINGS_KEY = "policy";

/**
 * The stored policy settings, or the defaults when none were saved. Names the current schema
 * no longer knows (a setting removed in an upgrade) are dropped rather than blocking start-up;
 * an invalid value of a known setting still stops with a message naming it.
 */
export async function loadPolicySettings(db: Db): Promise<PolicySettings> {
  const row = await db.policySetting.findUnique({ where: { key: POLICY_SETTINGS_KEY } });
  if (!row || typeof row.value !== "object" || row.value === null) return defaultPolicySettings;
  const stored = row.value as Record<string, unknown>;
  const known = Object.fromEntries(Object.entries(stored).filter(([k]) => (POLICY_SETTING_KEYS as string[]).includes(k)));
  return parsePolicySettings(known);
}
