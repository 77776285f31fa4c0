// The weekly digest of one business unit over a hand-made dataset (./fixture.ts): the figures
// computed by hand, the same figures the API answers for that BU, and links filtered to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as coverageApi } from "@/app/api/coverage/route";
import { GET as findingsApi } from "@/app/api/findings/route";
import { GET as overviewApi } from "@/app/api/overview/route";
import { GET as nonCompliantApi } from "@/app/api/resources/noncompliant/route";
import { parseEnv } from "@/lib/config/env";
import { buDigest } from "@/lib/reports/digest";
import { digestPayload } from "@/lib/reports/digest-message";
import { call, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";
import { KEY_PAY, loadDigestFixture } from "./fixture";

const db = testDb();
/** Only the base URL: the links are built from it (the type wants the whole environment). */
const appUrl = (APP_URL: string) => parseEnv({ APP_URL });
const PAYMENTS_MANAGER = { kind: "token" as const, id: "em", name: "EM payments", role: "viewer" as const, businessUnits: ["payments"] };

beforeAll(async () => {
  await resetTables(db);
  await loadDigestFixture(db);
});
afterAll(() => db.$disconnect());

describe("weekly digest of a business unit", () => {
  it("has the hand-computed coverage, non-compliant resources with their age, new findings and cost", async () => {
    const d = await buDigest(db, "payments");
    expect(d.day).toBe("2026-11-30");
    expect(d.coverage.now).toMatchObject({ day: "2026-11-30", resources: 10, cmkResources: 7, coverageByCountPct: 70, coverageByStoragePct: 65 });
    expect(d.coverage.weekBefore).toMatchObject({ day: "2026-11-23", coverageByCountPct: 50, coverageByStoragePct: 40 });
    expect([d.coverage.countPts, d.coverage.storagePts]).toEqual([20, 25]);
    expect(d.nonCompliant.total).toBe(2);
    expect(d.nonCompliant.items.map((r) => [r.name, r.reason, r.since, r.ageDays])).toEqual([
      ["pay-logs", "SSE_S3", "2026-11-01", 29],
      ["pay-vol", "UNENCRYPTED", "2026-11-20", 10],
    ]);
    expect(d.newFindings.from).toBe("2026-11-24");
    expect(d.newFindings.items.map((f) => [f.code, f.alias, f.firstSeen])).toEqual([
      ["PUBLIC_POLICY", "alias/prod-payments-db", "2026-11-27"],
      ["ROTATION_DISABLED", "alias/prod-payments-db", "2026-11-24"],
    ]);
    expect(d.cost).toEqual({
      monthToDate: { from: "2026-12-01", to: "2026-12-03", total: 1.25 },
      sameDaysLastMonth: { from: "2026-11-01", to: "2026-11-03", total: 1.05 },
      change: 0.2,
      changePct: 19,
    });
  });

  it("equals what the API answers for the same business unit", async () => {
    const d = await buDigest(db, "payments");
    const coverage = (await call(coverageApi, "/api/coverage?bu=payments&from=2026-11-23&to=2026-11-30")).body;
    const byDay = new Map(coverage.points.map((p: Json) => [p.day, p]));
    expect((byDay.get("2026-11-30") as Json).coverageByCountPct).toBe(d.coverage.now?.coverageByCountPct);
    expect((byDay.get("2026-11-30") as Json).coverageByStoragePct).toBe(d.coverage.now?.coverageByStoragePct);
    expect((byDay.get("2026-11-23") as Json).coverageByCountPct).toBe(d.coverage.weekBefore?.coverageByCountPct);

    const resources = (await call(nonCompliantApi, "/api/resources/noncompliant?bu=payments&sort=since")).body;
    expect(resources.total).toBe(d.nonCompliant.total);
    expect(resources.items.map((r: Json) => [r.name, r.since])).toEqual(d.nonCompliant.items.map((r) => [r.name, r.since]));

    const findings = (await call(findingsApi, "/api/findings?bu=payments")).body;
    const thisWeek = findings.items.filter((f: Json) => f.firstSeen >= "2026-11-24");
    expect(thisWeek.map((f: Json) => [f.keyArn, f.code]).sort()).toEqual(d.newFindings.items.map((f) => [f.keyArn, f.code]).sort());

    // The overview as the BU's manager sees it: the same month-to-date window and total.
    const overview = (await call(overviewApi, "/api/overview", { principal: PAYMENTS_MANAGER })).body;
    expect(overview.tiles.cost.monthToDate).toMatchObject({ from: d.cost?.monthToDate.from, to: d.cost?.monthToDate.to, total: d.cost?.monthToDate.total });
  });

  it("renders text lines and HTML with the figures and links filtered to the business unit", async () => {
    const payload = digestPayload(await buDigest(db, "payments"), appUrl("https://finops.example.com/"));
    const text = payload.lines.map((l) => l.text);
    expect(payload.summary).toBe("payments: CMK coverage 70.0% by count, 2 non-compliant resources, 2 new key findings this week");
    expect(text).toContain("CMK coverage by count on 2026-11-30: 70.0% (7 of 10 resources), +20.0 pts vs a week before");
    expect(text).toContain("CMK coverage by storage on 2026-11-30: 65.0%, +25.0 pts vs a week before");
    expect(text).toContain("  pay-logs (S3, SSE_S3): non-compliant since 2026-11-01, 29 days");
    expect(text).toContain("  PUBLIC_POLICY on alias/prod-payments-db (first seen 2026-11-27)");
    expect(text).toContain("KMS cost month to date (2026-12-01 to 2026-12-03): $1.25 vs $1.05 on the same days last month (2026-11-01 to 2026-11-03): +$0.20 (+19.0%) vs the same days last month");
    const urls = new Set(payload.lines.map((l) => l.url));
    expect([...urls].sort()).toEqual([
      "https://finops.example.com/costs?bu=payments",
      `https://finops.example.com/keys/${encodeURIComponent(KEY_PAY)}`,
      "https://finops.example.com/keys?bu=payments",
      "https://finops.example.com/resources?bu=payments",
      "https://finops.example.com/teams?bu=payments",
    ]);
    expect(payload.html).toContain('href="https://finops.example.com/resources?bu=payments"');
    expect(payload.html).toContain("<td>pay-vol</td>".replace("<td>", '<td style="padding:4px 8px;border-bottom:1px solid #e2e8f0;text-align:left">'));
    expect(payload.html).not.toContain("search");
  });

  it("says a business unit without coverage rows has no coverage data, not 0 %", async () => {
    const d = await buDigest(db, "billing");
    expect(d.coverage.now).toBeNull();
    expect(d.nonCompliant.total).toBe(0);
    expect(d.cost?.monthToDate.total).toBe(0);
    expect(digestPayload(d, appUrl("https://finops.example.com")).lines[0]?.text).toBe("CMK coverage: no coverage data for billing on 2026-11-30");
  });
});
