import pg from "pg";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { waitForSettingsRecompute } from "./support/settings-recompute";

// Issue #20 item 4: the settings page is one form with one Save. Several invalid fields are
// marked at once from the API's 400, nothing is saved while one is invalid, a fixed form saves
// in one go, the recompute summary says what a save rebuilds, and a price override reaches the
// API. The settings touched are put back afterwards (other specs read the demo's figures).
// Issue #17: a save answers at once; the page says the queued recompute is running, then done.

type Settings = { unusedKeyDays: number; bucketKeyReduction: number; priceOverrides: Record<string, number>; environmentTagKey: string; productionValues: string[]; classificationTagKey: string; cmkRequiredClassifications: string[] };
let original: Settings;

const getSettings = async (request: APIRequestContext) => ((await (await request.get("/api/settings")).json()) as { settings: Settings }).settings;
const shot = async (page: Page, name: string) => {
  const path = `e2e/artifacts/ux-settings-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
};

test.beforeAll(async ({ request }) => {
  original = await getSettings(request);
});
test.afterAll(async ({ request, baseURL }) => {
  const { unusedKeyDays, bucketKeyReduction, priceOverrides, cmkRequiredClassifications } = original;
  const res = await request.put("/api/settings", { headers: { origin: baseURL!, "content-type": "application/json" }, data: { unusedKeyDays, bucketKeyReduction, priceOverrides, cmkRequiredClassifications } });
  expect(res.status(), await res.text()).toBe(200);
  await waitForSettingsRecompute(request);
});

/**
 * Keeps the queued recompute's transaction from writing key_provisioning (its last step for a
 * key-hygiene setting) until released, so the page can be seen while it runs.
 */
async function holdRecompute(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE key_provisioning IN SHARE MODE");
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

test("settings: one Save, every invalid field marked, nothing saved until all are valid", async ({ page, request }) => {
  await page.goto("/settings");
  const unused = page.getByLabel("Unused key after (days)");
  const reduction = page.getByLabel("Bucket Key request reduction (0–1)");
  await expect(unused).toHaveValue(String(original.unusedKeyDays));
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(1);
  await expect(page.getByTestId("cmk-rule")).toHaveText(
    `A resource needs a customer managed key when its environment (tag ${original.environmentTagKey}) is one of: ${original.productionValues.join(", ")} ` +
      `OR its classification (tag ${original.classificationTagKey}) is one of: ${original.cmkRequiredClassifications.join(", ")}.`,
  );

  // Two invalid fields: both marked next to their field, in one answer.
  await unused.fill("0");
  await reduction.fill("7");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(unused).toHaveAttribute("aria-invalid", "true");
  await expect(reduction).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#setting-unusedKeyDays-error")).toHaveText("must be at least 1 day");
  await expect(page.locator("#setting-bucketKeyReduction-error")).toHaveText("must be between 0 and 1");
  await expect(reduction).toHaveAttribute("aria-describedby", /setting-bucketKeyReduction-error/);
  await expect(page.getByTestId("settings-invalid")).toContainText("Nothing was saved: 2 settings are invalid");

  // One valid, one invalid: only the invalid one is marked, the input stays as typed, nothing is saved.
  const newDays = original.unusedKeyDays + 30;
  await unused.fill(String(newDays));
  const summary = page.getByTestId("settings-summary");
  await expect(summary).toContainText("Changing unusedKeyDays, bucketKeyReduction.");
  await expect(summary).toContainText("Saving recomputes: key findings and time to provision; savings estimates (computed when read).");
  await expect(summary).toContainText(/Rough duration: (under a second|about \d+ (second|seconds|minutes)) \([\d,]+ history rows\)/);
  await shot(page, "summary");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-invalid")).toContainText("Nothing was saved: 1 setting is invalid");
  await expect(reduction).toHaveAttribute("aria-invalid", "true");
  await expect(unused).not.toHaveAttribute("aria-invalid", "true");
  await expect(reduction).toHaveValue("7");
  await shot(page, "invalid");
  expect(await getSettings(request)).toMatchObject({ unusedKeyDays: original.unusedKeyDays, bucketKeyReduction: original.bucketKeyReduction });
  await page.reload();
  await expect(page.getByLabel("Unused key after (days)")).toHaveValue(String(original.unusedKeyDays));
  await expect(page.getByLabel("Bucket Key request reduction (0–1)")).toHaveValue(String(original.bucketKeyReduction));

  // Fixed: one Save stores both, answers at once, and the page follows the recompute it queued.
  await page.getByLabel("Unused key after (days)").fill(String(newDays));
  await page.getByLabel("Bucket Key request reduction (0–1)").fill("0.5");
  const release = await holdRecompute();
  try {
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("settings-effect")).toContainText("Changed: unusedKeyDays, bucketKeyReduction");
    const progress = page.getByTestId("settings-recompute");
    await expect(progress).toHaveAttribute("data-state", "running", { timeout: 30_000 });
    await expect(progress).toContainText(/^Recomputing history with the new settings… \(started \d\d:\d\d UTC\)/);
    await shot(page, "recomputing");
  } finally {
    await release();
  }
  await expect(page.getByTestId("settings-recompute")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(page.getByTestId("settings-recompute")).toContainText(/^Figures recomputed with the saved settings \(done \d\d:\d\d UTC\)/);
  await page.reload();
  await expect(page.getByLabel("Unused key after (days)")).toHaveValue(String(newDays));
  await expect(page.getByLabel("Bucket Key request reduction (0–1)")).toHaveValue("0.5");
  expect(await getSettings(request)).toMatchObject({ unusedKeyDays: newDays, bucketKeyReduction: 0.5 });
});

test("settings: a price override typed in the form is what /api/settings returns", async ({ page, request }) => {
  await page.goto("/settings");
  const keyMonth = page.getByLabel("Key-month", { exact: true });
  await keyMonth.fill("1.25");
  await expect(page.getByTestId("settings-summary")).toContainText("modeled cost per key");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-effect")).toContainText("Changed: priceOverrides");
  expect((await getSettings(request)).priceOverrides).toEqual({ ...original.priceOverrides, keyMonth: 1.25 });
  await page.reload();
  await expect(page.getByLabel("Key-month", { exact: true })).toHaveValue("1.25");
});

/** The marker itself: one line labelled "recomputed" on the plot (drawn once the chart is in the window). */
async function expectMarker(chart: Locator) {
  await chart.locator(".recharts-cartesian-grid").scrollIntoViewIfNeeded();
  await expect(chart.locator("svg text").filter({ hasText: /^recomputed$/ })).toHaveCount(1);
}

type Recomputes = { recomputes: { finishedAt: string; recomputed: string[] }[] };

// Issue 19 item 3: a settings change that rewrote the coverage history is marked on the coverage
// charts on the day it did; a change of key hygiene only (the saves above) leaves them unmarked.
test("settings: a change the coverage history depends on marks the coverage charts on the day it recomputed them", async ({ page, request }) => {
  const today = new Date().toISOString().slice(0, 10);
  const coverageRecomputedToday = async () =>
    ((await (await request.get("/api/settings")).json()) as Recomputes).recomputes.some((r) => r.finishedAt.startsWith(today) && r.recomputed.some((d) => d === "compliance" || d === "resourceDims"));
  await page.goto("/");
  const coverageChart = page.getByTestId("chart-coverage");
  // The demo's history ends today, so today is on the chart.
  await expect(coverageChart.getByTestId("chart-span")).toContainText(`to ${today}`, { timeout: 60_000 });
  // Only when no earlier save today rewrote coverage (a retry of this test would have).
  if (!(await coverageRecomputedToday())) await expect(coverageChart.getByTestId("chart-recomputes")).toHaveCount(0);

  await page.goto("/settings");
  const classifications = page.getByLabel("Classifications requiring a CMK");
  // A classification no demo resource carries: history is rewritten, to the same figures.
  await classifications.fill(`${original.cmkRequiredClassifications.join(", ")}, e2e-marker`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("settings-effect")).toContainText("Changed: cmkRequiredClassifications");
  await expect(page.getByTestId("settings-recompute")).toHaveAttribute("data-state", "done", { timeout: 120_000 });
  expect(await coverageRecomputedToday()).toBe(true);

  await page.goto("/");
  for (const id of ["chart-coverage", "chart-noncompliant"]) {
    const chart = page.getByTestId(id);
    await expect(chart.getByTestId("chart-recomputes")).toHaveText(` · history recomputed after a settings change on ${today}`, { timeout: 60_000 });
    await expectMarker(chart);
  }
  await shot(page, "recompute-marker-overview");
  await page.goto("/teams");
  await expect(page.getByTestId("bu-trend").getByTestId("chart-recomputes")).toHaveText(` · history recomputed after a settings change on ${today}`, { timeout: 60_000 });
  await expectMarker(page.getByTestId("bu-trend"));
});
