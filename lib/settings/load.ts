import type { Db } from "@/lib/db/client";
import { defaultPolicySettings, parsePolicySettings, type PolicySettings } from "./policy";

export const POLICY_SETTINGS_KEY = "policy";

/** The stored policy settings, or the defaults when none were saved. */
export async function loadPolicySettings(db: Db): Promise<PolicySettings> {
  const row = await db.policySetting.findUnique({ where: { key: POLICY_SETTINGS_KEY } });
  return row ? parsePolicySettings(row.value) : defaultPolicySettings;
}
