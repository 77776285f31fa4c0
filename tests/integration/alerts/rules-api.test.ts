// /api/alerts/rules and /api/alerts/conditions through the route handlers and the real database:
// per-kind params validated with 400s naming the field, unknown channels refused, every change
// audited, finops and viewers refused (the Alerts page is admin-only).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRules, POST as createRule } from "@/app/api/alerts/rules/route";
import { DELETE as deleteRule, PUT as updateRule } from "@/app/api/alerts/rules/[id]/route";
import { POST as muteRule } from "@/app/api/alerts/rules/[id]/mute/route";
import { GET as listConditions } from "@/app/api/alerts/conditions/route";
import { evaluateAlertRules } from "@/lib/alerts/evaluate";
import { call, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";
import { arn, channel, coverage, finding, key } from "./rule-fixtures";

process.env.APP_URL = "http://x";
const db = testDb();
afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const post = (body: Json) => call(createRule, "/api/alerts/rules", { method: "POST", body });
const put = (id: string, body: Json) => call(updateRule, `/api/alerts/rules/${id}`, { method: "PUT", body, params: { id } });
const mute = (id: string, body: Json) => call(muteRule, `/api/alerts/rules/${id}/mute`, { method: "POST", body, params: { id } });

describe("alert rules API", () => {
  it("creates, lists, updates, mutes and deletes a rule, each change audited", async () => {
    const hook = await channel(db, "hook");
    await key(db, 1, "Payments");
    await coverage(db, "2026-12-04", "Risk", { resources: 1 });
    const created = await post({ kind: "KEY_FINDING", name: "Critical keys", params: { codes: ["PUBLIC_POLICY", "PENDING_DELETION_IN_USE"] }, businessUnits: ["Payments"], channelIds: [hook.id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "KEY_FINDING", params: { codes: ["PUBLIC_POLICY", "PENDING_DELETION_IN_USE"] }, businessUnits: ["Payments"], channelIds: [hook.id], enabled: true, mutedUntil: null, createdBy: "local (AUTH_MODE=none)" });

    const list = await call(listRules, "/api/alerts/rules");
    expect(list.body.rules.map((r: Json) => r.name)).toEqual(["Critical keys"]);
    expect(list.body.businessUnits).toEqual(["Payments", "Risk"]);
    expect(list.body.kinds.map((k: Json) => k.kind)).toEqual(["KEY_FINDING", "COVERAGE_DROP", "NONCOMPLIANT_RISE", "COST_PROJECTION", "INGESTION_HEALTH"]);

    const id = created.body.id;
    const updated = await put(id, { kind: "COVERAGE_DROP", name: "Coverage", params: { measure: "storage", minDropPoints: 2.5 }, channelIds: [hook.id] });
    expect(updated.body).toMatchObject({ kind: "COVERAGE_DROP", params: { measure: "storage", minDropPoints: 2.5 }, businessUnits: [] });

    const muted = await mute(id, { until: "2026-12-12" });
    expect(muted.body.mutedUntil).toBe("2026-12-12T00:00:00.000Z");
    expect((await mute(id, { until: null })).body.mutedUntil).toBeNull();

    expect((await call(deleteRule, `/api/alerts/rules/${id}`, { method: "DELETE", body: {}, params: { id } })).status).toBe(200);
    expect(await db.alertRule.count()).toBe(0);
    const log = await db.auditLog.findMany({ where: { target: id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["alert-rule.create", "alert-rule.update", "alert-rule.mute", "alert-rule.mute", "alert-rule.delete"]);
  });

  it("answers 400 naming the field for bad params, an unknown kind or channel, and 404 for an unknown rule", async () => {
    const msg = async (body: Json) => {
      const r = await post(body);
      expect(r.status).toBe(400);
      return r.body.error.message as string;
    };
    expect(await msg({ kind: "COVERAGE_DROP", name: "c", params: { minDropPoints: 0 } })).toMatch(/^params\.minDropPoints: /);
    expect(await msg({ kind: "COVERAGE_DROP", name: "c", params: { minDropPoints: 5, measure: "bytes" } })).toMatch(/^params\.measure: /);
    expect(await msg({ kind: "NONCOMPLIANT_RISE", name: "n", params: { minRise: 1.5 } })).toMatch(/^params\.minRise: /);
    expect(await msg({ kind: "KEY_FINDING", name: "k", params: { codes: ["NOT_A_CODE"] } })).toMatch(/^params\.codes\.0: /);
    expect(await msg({ kind: "COST_PROJECTION", name: "c", params: {} })).toMatch(/^params\.minIncreasePercent: /);
    expect(await msg({ kind: "INGESTION_HEALTH", name: "", params: { maxAgeHours: 24 } })).toMatch(/^name: /);
    expect(await msg({ kind: "SOMETHING", name: "x", params: {} })).toMatch(/^kind: /);
    expect(await msg({ kind: "INGESTION_HEALTH", name: "i", params: { maxAgeHours: 24 }, channelIds: ["00000000-0000-4000-8000-000000000000"] })).toBe(
      "channelIds: no channel 00000000-0000-4000-8000-000000000000",
    );
    const id = "00000000-0000-4000-8000-000000000001";
    expect((await mute(id, { until: null })).status).toBe(404);
    expect((await mute(id, { until: "next week" })).body.error.message).toMatch(/^until: /);
  });

  it("refuses viewers and finops users, reads and changes alike; lists the open conditions for the page", async () => {
    const viewer = { kind: "token" as const, id: "v", name: "viewer", role: "viewer" as const, businessUnits: [] };
    const finops = { ...viewer, name: "finops", role: "finops" as const };
    expect((await call(listRules, "/api/alerts/rules", { principal: viewer })).status).toBe(403);
    expect((await call(listConditions, "/api/alerts/conditions", { principal: finops })).status).toBe(403);
    expect((await call(createRule, "/api/alerts/rules", { method: "POST", principal: finops, body: { kind: "INGESTION_HEALTH", name: "i", params: { maxAgeHours: 24 } } })).status).toBe(403);

    await finding(db, await key(db, 1, "Payments", "alias/prod-pay-ledger"), "PUBLIC_POLICY", "critical");
    await post({ kind: "KEY_FINDING", name: "Keys", params: {} });
    await evaluateAlertRules(db, { now: new Date("2026-12-05T06:00:00Z") });
    const conditions = await call(listConditions, "/api/alerts/conditions");
    expect(conditions.status).toBe(200);
    expect(conditions.body.conditions).toEqual([
      expect.objectContaining({ ruleName: "Keys", kind: "KEY_FINDING", subject: `${arn(1)}|PUBLIC_POLICY`, url: `/keys/${encodeURIComponent(arn(1))}`, severity: "critical", openedAt: "2026-12-05T06:00:00.000Z" }),
    ]);
    expect(conditions.body.conditions[0].text).toContain("alias/prod-pay-ledger");
  });
});
