import { createDb, type Db } from "@/lib/db/client";

// Integration tests run against the scratch database scripts/with-db.ts created (DATABASE_URL).
// Files run one at a time; each test starts from empty tables.

const TABLES = [
  "account", "kms_key_version", "kms_key_policy", "kms_key_usage", "storage_resource_version", "kms_cost_daily", "key_request_daily",
  "ingestion_warning", "ingestion_unit", "ingestion_run", "scope_freshness", "data_source_status", "policy_setting",
  "coverage_interval", "coverage_bu_daily", "cost_bu_monthly", "key_finding", "key_provisioning", "key_current_stats",
  "app_session", "app_user", "api_token", "role_mapping", "audit_log",
  "bill_import", "bill_cost_line", "alert_channel", "alert_rule", "alert_condition", "alert_delivery", "report_schedule", "settings_recompute",
];

export function testDb(): Db {
  if (!process.env.DATABASE_URL) throw new Error("integration tests need DATABASE_URL: run them through `npm run test:integration`");
  return createDb(process.env.DATABASE_URL, 4);
}

export async function resetTables(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
