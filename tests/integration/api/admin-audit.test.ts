// GET /api/admin/audit (keyset pages, newest first, filters) and GET /api/export/audit (the same
// filter as a CSV written by Postgres, formula-like text neutralised) over hand-made rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/admin/audit/route";
import { GET as exportAudit } from "@/app/api/export/audit/route";
import { PUT as putSettings } from "@/app/api/settings/route";
import { AUDIT_ACTIONS } from "@/lib/auth/audit-actions";
import { runWithPrincipal } from "@/lib/auth/context";
import { db as appDb } from "@/lib/db/client";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { call, TEST_ADMIN, type Json } from "./call";
import { resetTables, testDb } from "../support/db";

const db = testDb();

// ids 1..6 in this order (RESTART IDENTITY); ids, not times, order the log.
const ROWS = [
  { at: "2026-11-30T23:59:59.999Z", actorKind: "session", actorId: "u-1", actorName: "ana@example.com", action: "settings.update", target: "policy", before: { unusedKeyDays: 90 }, after: { unusedKeyDays: 45 } },
  { at: "2026-12-01T00:00:00.000Z", actorKind: "session", actorId: "u-2", actorName: "=cmd|' /C calc'!A0", action: "run.start", after: { trigger: "UI" } },
  { at: "2026-12-01T12:00:00.000Z", actorKind: "none", actorId: "anonymous", actorName: "(not signed in)", action: "sign-in.failure", after: { reason: "state mismatch, \"x\"" } },
  { at: "2026-12-01T23:59:59.999Z", actorKind: "session", actorId: "u-1", actorName: "ana@example.com", action: "token.create", target: "t-1", after: { name: "ci", role: "finops" } },
  { at: "2026-12-02T00:00:00.000Z", actorKind: "session", actorId: "u-1", actorName: "ana@example.com", action: "token.revoke", target: "t-1" },
  { at: "2026-12-02T08:00:00.000Z", actorKind: "token", actorId: "t-9", actorName: "Ops_100%", action: "run.start", after: { trigger: "UI" } },
];

beforeAll(async () => {
  await resetTables(db);
  for (const row of ROWS) await db.auditLog.create({ data: { ...row, at: new Date(row.at) } });
});
afterAll(async () => {
  await closeQueueClient();
  await appDb().$disconnect();
  await db.$disconnect();
});

const list = (query: string) => call(listAudit, `/api/admin/audit${query}`);
const ids = (body: Json) => body.items.map((i: Json) => i.id);

describe("GET /api/admin/audit", () => {
  it("pages newest first with exact keyset boundaries", async () => {
    const first = await list("?limit=4");
    expect([ids(first.body), first.body.nextCursor]).toEqual([["6", "5", "4", "3"], "3"]);
    const second = await list("?limit=4&cursor=3");
    expect([ids(second.body), second.body.nextCursor]).toEqual([["2", "1"], null]);
    // A page that ends exactly on the last row says so: no empty page after it.
    const exact = await list("?limit=3&cursor=4");
    expect([ids(exact.body), exact.body.nextCursor]).toEqual([["3", "2", "1"], null]);
    expect(first.body.items[2]).toEqual({
      id: "4", at: "2026-12-01T23:59:59.999Z", actorKind: "session", actorId: "u-1", actorName: "ana@example.com",
      action: "token.create", target: "t-1", before: null, after: { name: "ci", role: "finops" },
    });
  });

  it("filters by action, actor (name part or exact id) and inclusive UTC days", async () => {
    expect(ids((await list("?action=run.start,token.revoke")).body)).toEqual(["6", "5", "2"]);
    expect(ids((await list("?actor=ANA@")).body)).toEqual(["5", "4", "1"]);
    expect(ids((await list("?actor=anonymous")).body)).toEqual(["3"]);
    // % and _ are literal characters, not LIKE wildcards.
    expect(ids((await list("?actor=_100%25")).body)).toEqual(["6"]);
    expect(ids((await list("?actor=a%25")).body)).toEqual([]);
    expect(ids((await list("?from=2026-12-01&to=2026-12-01")).body)).toEqual(["4", "3", "2"]);
    expect(ids((await list("?from=2026-12-02&action=run.start&limit=1")).body)).toEqual(["6"]);
  });

  it("refuses bad parameters with a 400 naming them", async () => {
    const cases: [string, string][] = [
      ["?limit=501", "limit: must be a whole number between 1 and 500"],
      ["?limit=0", "limit: must be a whole number between 1 and 500"],
      ["?cursor=abc", "cursor: must be the nextCursor of a previous page"],
      ["?cursor=9223372036854775808", "cursor: must be the nextCursor of a previous page"],
      // The list grows with every audited feature; the message names each action the filter accepts.
      ["?action=run.delete", `action.0: must be among ${AUDIT_ACTIONS.join(", ")}`],
      ["?from=2026-12-02&to=2026-12-01", "from: must not be after to"],
      ["?page=2", "page: is not a known parameter"],
    ];
    for (const [query, message] of cases) {
      const response = await list(query);
      expect([response.status, response.body.error.message], query).toEqual([400, message]);
    }
  });
});

const download = (query: string) =>
  runWithPrincipal(TEST_ADMIN, () => exportAudit(new Request(`http://x/api/export/audit${query}`)));

describe("GET /api/export/audit", () => {
  it("writes the filtered rows newest first, formula-like text neutralised", async () => {
    const response = await download("?to=2026-12-01");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect((await response.text()).split("\n")).toEqual([
      "id,at,actorKind,actorId,actorName,action,target,before,after",
      "4,2026-12-01T23:59:59.999Z,session,u-1,ana@example.com,token.create,t-1,,\"{\"\"name\"\": \"\"ci\"\", \"\"role\"\": \"\"finops\"\"}\"",
      "3,2026-12-01T12:00:00.000Z,none,anonymous,(not signed in),sign-in.failure,,,\"{\"\"reason\"\": \"\"state mismatch, \\\"\"x\\\"\"\"\"}\"",
      "2,2026-12-01T00:00:00.000Z,session,u-2,'=cmd|' /C calc'!A0,run.start,,,\"{\"\"trigger\"\": \"\"UI\"\"}\"",
      "1,2026-11-30T23:59:59.999Z,session,u-1,ana@example.com,settings.update,policy,\"{\"\"unusedKeyDays\"\": 90}\",\"{\"\"unusedKeyDays\"\": 45}\"",
      "",
    ]);
  });

  it("answers 400 JSON for a bad filter, before any byte of CSV", async () => {
    const response = await download("?action=nope");
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^action\.0: must be among settings\.update/);
    expect((await download("?cursor=3")).status).toBe(400);
  });
});

describe("settings changes in the log", () => {
  it("hold the settings that changed, before and after", async () => {
    const response = await call(putSettings, "/api/settings", { method: "PUT", body: { unusedKeyDays: 30, targets: { mttpDays: 5 } } });
    expect(response.status).toBe(200);
    const { body } = await list("?action=settings.update&limit=1");
    expect(body.items[0]).toMatchObject({ target: "policy", actorName: "local (AUTH_MODE=none)" });
    expect(body.items[0].before).toEqual({ unusedKeyDays: 90, targets: expect.objectContaining({ mttpDays: expect.any(Number) }) });
    expect(body.items[0].after).toEqual({ unusedKeyDays: 30, targets: expect.objectContaining({ mttpDays: 5 }) });
  });
});
