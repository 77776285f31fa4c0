import { readFile } from "node:fs/promises";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, describe, expect, it } from "vitest";
import { schemaTables, testDb } from "./support/db";

// Responses cached per data generation (lib/db/generation.ts) stay correct only while every
// change to what they read moves the generation: each table has the `data_change` trigger unless
// it is named here. A new table therefore needs its trigger in its migration, or a line here
// saying why its rows are not figures: read live, never by a response cached per generation.
const WITHOUT_DATA_CHANGE: Record<string, string> = {
  ingestion_run: "run bookkeeping read live by the Runs page; its progress writes would drop unchanged cached figures",
  ingestion_unit: "run bookkeeping (per account-region unit), read live by the run detail",
  ingestion_warning: "run bookkeeping (warnings of a unit), read live by the run detail",
  app_user: "sign-in: the caller's own account, read per request",
  app_session: "sign-in: sessions, read per request",
  api_token: "sign-in: API tokens, read per request",
  role_mapping: "sign-in: identity-provider groups to roles, read at sign-in",
  audit_log: "append-only record of admin actions, read live by the audit page",
  alert_channel: "alerting configuration, read live by the Alerts page and the worker",
  alert_rule: "alerting configuration, read live by the Alerts page and the evaluator",
  alert_condition: "the evaluator's own state (firing or resolved per rule and subject)",
  alert_delivery: "the alert outbox: written by every delivery attempt, read live",
  report_schedule: "report schedules, read live by the Reports page and the worker",
  settings_recompute: "the recompute's own status (queued, running, done), polled live by the Settings page",
  saved_view: "a person's named links (saved views), read live by the filter bar",
  settings_recompute_log: "when each settings recompute finished: the charts' markers, read live by GET /api/settings",
};

const db = testDb();
afterAll(() => db.$disconnect());

// A statement-level AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE trigger (pg_trigger.tgtype bits
// 4, 8, 16 and 32; neither ROW nor BEFORE) calling note_data_change().
const DATA_CHANGE_TYPE = 4 | 8 | 16 | 32;

async function triggeredTables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname = 'data_change'
       AND t.tgtype = $1 AND t.tgfoid = 'note_data_change'::regproc AND t.tgenabled = 'O'
     ORDER BY 1`,
    DATA_CHANGE_TYPE,
  );
  return rows.map((r) => r.table);
}

async function prismaTables(): Promise<string[]> {
  const schema = await readFile("prisma/schema.prisma", "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as { datamodel: { models: { name: string; dbName: string | null }[] } };
  return dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort();
}

describe("schema-driven plumbing", () => {
  it("resets exactly the tables of schema.prisma between tests", async () => {
    expect(await schemaTables(db)).toEqual(await prismaTables());
  });

  it("moves the data generation on a change to every table but the exempt ones", async () => {
    const tables = await schemaTables(db);
    const expected = tables.filter((t) => !(t in WITHOUT_DATA_CHANGE));
    expect(await triggeredTables()).toEqual(expected);
    // The exemptions name tables that exist, so the list cannot outlive a dropped table.
    expect(Object.keys(WITHOUT_DATA_CHANGE).filter((t) => !tables.includes(t))).toEqual([]);
  });
});
