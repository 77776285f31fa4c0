// Rule evaluation against hand-made findings: an alert fires once per new subject, is not repeated
// while it holds, resolves with a RESOLVED message, fires again when it comes back, groups every
// new subject of an evaluation into one message, stays silent while muted, and keeps to its BUs.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateAlertRules } from "@/lib/alerts/evaluate";
import { resetTables, testDb } from "../support/db";
import { APP_URL, arn, channel, deliveries, finding, key, linesOf, rule } from "./rule-fixtures";

process.env.APP_URL = APP_URL;
const db = testDb();
const T1 = new Date("2026-12-05T06:00:00Z");
const T2 = new Date("2026-12-05T07:00:00Z");
const T3 = new Date("2026-12-05T08:00:00Z");
const T4 = new Date("2026-12-05T09:00:00Z");

afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const keyUrl = (n: number) => `${APP_URL}/keys/${encodeURIComponent(arn(n))}`;

describe("alert rule evaluation", () => {
  it("fires once per new finding, does not repeat it, resolves it when it clears and fires again when it returns", async () => {
    const k1 = await key(db, 1, "Payments", "alias/prod-pay-ledger");
    const k2 = await key(db, 2, "Risk", "alias/prod-risk-models");
    const k3 = await key(db, 3, "Payments");
    await finding(db, k1, "PUBLIC_POLICY", "critical");
    await finding(db, k2, "BROAD_USAGE", "high");
    await finding(db, k3, "MISSING_TAGS", "low"); // below the default minimum (high): no alert
    const hook = await channel(db, "hook");
    const r = await rule(db, "KEY_FINDING", {}, { channelIds: [hook.id], name: "Dangerous keys" });

    const [first] = await evaluateAlertRules(db, { now: T1 });
    expect(first!.fired).toEqual([`${k1}|PUBLIC_POLICY`, `${k2}|BROAD_USAGE`]);
    let sent = await deliveries(db);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "FIRED", ruleId: r.id, channelId: hook.id, status: "PENDING", title: "Dangerous keys: 2 new" });
    const lines = linesOf(sent[0]!.payload);
    expect(lines.map((l) => l.url)).toEqual([keyUrl(1), keyUrl(2)]);
    expect(lines[0]!.text).toContain("CRITICAL PUBLIC_POLICY: alias/prod-pay-ledger");
    expect(lines[0]!.text).toContain("BU Payments");
    expect(lines[0]!.severity).toBe("critical");
    expect(lines[1]!.text).toContain("HIGH BROAD_USAGE: alias/prod-risk-models");

    // Same findings again: the conditions hold, nothing new is queued.
    const [again] = await evaluateAlertRules(db, { now: T2 });
    expect(again).toMatchObject({ fired: [], resolved: [], open: 2 });
    expect(await deliveries(db)).toHaveLength(1);

    // The public policy is fixed: one RESOLVED message naming that key.
    await db.keyFinding.delete({ where: { keyArn_code: { keyArn: k1, code: "PUBLIC_POLICY" } } });
    const [cleared] = await evaluateAlertRules(db, { now: T3 });
    expect(cleared).toMatchObject({ fired: [], resolved: [`${k1}|PUBLIC_POLICY`], open: 1 });
    sent = await deliveries(db);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ kind: "RESOLVED", title: "Dangerous keys: 1 resolved" });
    expect(linesOf(sent[1]!.payload)).toEqual([{ text: expect.stringContaining("Resolved: CRITICAL PUBLIC_POLICY: alias/prod-pay-ledger"), url: keyUrl(1), severity: "info" }]);
    const closed = await db.alertCondition.findUniqueOrThrow({ where: { ruleId_subject: { ruleId: r.id, subject: `${k1}|PUBLIC_POLICY` } } });
    expect(closed).toMatchObject({ open: false, resolvedAt: T3, openedAt: T1 });

    // It comes back: a new FIRED message, the condition reopened at the new time.
    await finding(db, k1, "PUBLIC_POLICY", "critical");
    const [reopened] = await evaluateAlertRules(db, { now: T4 });
    expect(reopened!.fired).toEqual([`${k1}|PUBLIC_POLICY`]);
    sent = await deliveries(db);
    expect(sent.map((d) => d.kind)).toEqual(["FIRED", "RESOLVED", "FIRED"]);
    expect(linesOf(sent[2]!.payload).map((l) => l.url)).toEqual([keyUrl(1)]);
    expect(await db.alertCondition.findUniqueOrThrow({ where: { ruleId_subject: { ruleId: r.id, subject: `${k1}|PUBLIC_POLICY` } } })).toMatchObject({ open: true, resolvedAt: null, openedAt: T4 });
  });

  it("groups 40 new findings into one message of 40 lines per channel, with the days left of each key pending deletion", async () => {
    for (let n = 1; n <= 40; n++) {
      const k = await key(db, n, n % 2 ? "Payments" : "Risk");
      await finding(db, k, "PENDING_DELETION_IN_USE", "critical", { daysLeft: n % 7 + 1, deletionDate: "2026-12-10T00:00:00.000Z", resourceArns: ["arn:aws:s3:::b"] });
    }
    const [a, b] = [await channel(db, "a"), await channel(db, "b")];
    await rule(db, "KEY_FINDING", { codes: ["PENDING_DELETION_IN_USE"] }, { channelIds: [a.id, b.id] });
    await evaluateAlertRules(db, { now: T1 });
    const sent = await deliveries(db);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((d) => d.channelId))).toEqual(new Set([a.id, b.id]));
    for (const d of sent) expect(linesOf(d.payload)).toHaveLength(40);
    const line7 = linesOf(sent[0]!.payload).find((l) => l.url === keyUrl(7))!;
    expect(line7.text).toContain("1 day left before deletion"); // 7 % 7 + 1
    const line9 = linesOf(sent[0]!.payload).find((l) => l.url === keyUrl(9))!;
    expect(line9.text).toContain("3 days left before deletion"); // 9 % 7 + 1
  });

  it("a muted rule keeps its conditions current but queues nothing, and does not replay them when the mute ends", async () => {
    const k1 = await key(db, 1, "Payments");
    await finding(db, k1, "PUBLIC_POLICY", "critical");
    const hook = await channel(db, "hook");
    const r = await rule(db, "KEY_FINDING", {}, { channelIds: [hook.id], mutedUntil: T3 });

    const [muted] = await evaluateAlertRules(db, { now: T1 });
    expect(muted).toMatchObject({ muted: true, fired: [`${k1}|PUBLIC_POLICY`], deliveryIds: [] });
    expect(await db.alertCondition.count({ where: { ruleId: r.id, open: true } })).toBe(1);

    const [after] = await evaluateAlertRules(db, { now: T4 });
    expect(after).toMatchObject({ muted: false, fired: [], resolved: [] });
    expect(await deliveries(db)).toHaveLength(0);

    // After the mute a new subject fires as usual.
    await finding(db, await key(db, 2, "Payments"), "BROAD_USAGE", "high");
    await evaluateAlertRules(db, { now: T4 });
    expect((await deliveries(db)).map((d) => linesOf(d.payload).map((l) => l.url))).toEqual([[keyUrl(2)]]);
  });

  it("keeps to its business units, honours codes and severity, and skips disabled rules", async () => {
    await finding(db, await key(db, 1, "Payments"), "PUBLIC_POLICY", "critical");
    await finding(db, await key(db, 2, "Risk"), "PUBLIC_POLICY", "critical");
    await finding(db, await key(db, 3, ""), "PUBLIC_POLICY", "critical");
    await finding(db, await key(db, 4, "Payments"), "ROTATION_DISABLED", "medium");
    const hook = await channel(db, "hook");
    const payments = await rule(db, "KEY_FINDING", {}, { businessUnits: ["Payments", ""], channelIds: [hook.id] });
    const medium = await rule(db, "KEY_FINDING", { minSeverity: "medium", codes: ["ROTATION_DISABLED", "BROAD_USAGE"] }, { channelIds: [hook.id] });
    const off = await rule(db, "KEY_FINDING", {}, { channelIds: [hook.id] });
    await db.alertRule.update({ where: { id: off.id }, data: { enabled: false } });

    const results = await evaluateAlertRules(db, { now: T1 });
    expect(results.map((r) => r.ruleId)).toEqual([payments.id, medium.id]);
    expect(results[0]!.fired).toEqual([`${arn(1)}|PUBLIC_POLICY`, `${arn(3)}|PUBLIC_POLICY`]);
    expect(results[1]!.fired).toEqual([`${arn(4)}|ROTATION_DISABLED`]);
    const untagged = linesOf((await deliveries(db)).find((d) => d.ruleId === payments.id)!.payload)[1]!;
    expect(untagged.text).toContain("BU (untagged)");
    expect(await db.alertCondition.count({ where: { ruleId: off.id } })).toBe(0);
  });

  it("records conditions without a channel and skips a rule whose stored params no longer validate", async () => {
    await finding(db, await key(db, 1, "Payments"), "PUBLIC_POLICY", "critical");
    const quiet = await rule(db, "KEY_FINDING", {});
    const broken = await rule(db, "COVERAGE_DROP", { minDropPoints: "five" });
    const results = await evaluateAlertRules(db, { now: T1 });
    expect(results.find((r) => r.ruleId === quiet.id)).toMatchObject({ fired: [`${arn(1)}|PUBLIC_POLICY`], deliveryIds: [] });
    expect(results.find((r) => r.ruleId === broken.id)!.error).toContain("minDropPoints");
    expect(await deliveries(db)).toHaveLength(0);
  });
});
