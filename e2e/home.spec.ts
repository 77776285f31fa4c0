import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectedOverview } from "./expected-overview";
import { readCount, readPercent, readUsd } from "./read-figures";
import { NAV_LABELS } from "./support/nav";

// The e2e server runs AUTH_MODE=none: everyone is the local admin, who also sees "Alerts" and "Admin".
const REASON_IDS = ["unencrypted", "sse-s3", "aws-managed-key", "key-unusable", "unknown-key"];

test.describe("home page", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
  });

  test("has the header navigation and a skip link to the main landmark", async ({ page }) => {
    const nav = page.getByRole("banner").getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(NAV_LABELS);
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Keys" })).toHaveAttribute("href", "/keys");

    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toHaveAttribute("href", "#main");
    await expect(page.getByRole("main")).toHaveAttribute("id", "main");
  });

  test("shows the KPI tiles as numbers that add up", async ({ page }) => {
    await expect(page.getByTestId("overview-empty")).toHaveCount(0);
    await expect(page.getByTestId("data-as-of")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);

    await readPercent(page, "kpi-coverage-count");
    await readPercent(page, "kpi-coverage-storage");
    await readPercent(page, "kpi-unknown-size");

    // The total is the sum of the reasons: each non-compliant resource has exactly one reason.
    const total = await readCount(page, "kpi-noncompliant-total");
    let sumOfReasons = 0;
    for (const id of REASON_IDS) sumOfReasons += await readCount(page, `kpi-noncompliant-${id}`);
    expect(sumOfReasons).toBe(total);

    const cmks = await readCount(page, "kpi-cmk-count");
    const awsManaged = await readCount(page, "kpi-aws-managed-count");
    expect(cmks + awsManaged).toBeGreaterThan(0);
    expect(await readUsd(page, "kpi-cost-mtd")).toBeGreaterThanOrEqual(0);
    expect(await readUsd(page, "kpi-cost-last-month")).toBeGreaterThanOrEqual(0);
  });

  test("shows the figures the database holds", async ({ page }) => {
    const expected = await expectedOverview();
    test.skip(expected === null, "set E2E_DATABASE_URL (or DATABASE_URL) to the served database to cross-check figures");
    if (!expected) return;
    await expect(page.getByTestId("data-as-of")).toHaveAttribute("datetime", expected.asOf);
    expect(await readPercent(page, "kpi-coverage-count")).toBe(expected.coverageByCountPct);
    expect(await readPercent(page, "kpi-coverage-storage")).toBe(expected.coverageByStoragePct);
    expect(await readPercent(page, "kpi-unknown-size")).toBe(expected.unknownSizePct);
    expect(await readCount(page, "kpi-noncompliant-total")).toBe(expected.nonCompliant);
    expect(await readCount(page, "kpi-cmk-count")).toBe(expected.customerManagedKeys);
    expect(await readCount(page, "kpi-aws-managed-count")).toBe(expected.awsManagedKeys);
    expect(await readUsd(page, "kpi-cost-mtd")).toBeCloseTo(expected.costMonthToDate, 2);
    expect(await readUsd(page, "kpi-cost-last-month")).toBeCloseTo(expected.costLastFullMonth, 2);
  });

  test("renders a full-page screenshot", async ({ page }) => {
    await expect(page.getByTestId("kpi-coverage-count")).toBeVisible();
    await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`fits a ${viewport.width}px wide window without horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await expect(page.getByTestId("kpi-coverage-count")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test("has no serious or critical accessibility violations", async ({ page }) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });
});
