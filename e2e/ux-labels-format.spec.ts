// Labels, not codes (issue #20 item 3) and number formatting (item 6), as a person sees them:
// lists show the label map's words with the API's code on hover, the CSV keeps codes at the
// source's precision, chart axes read "$4.1K" and "Nov 2025", tooltips list the largest first.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ENCRYPTION_CLASS_LABELS, FINDING_LABELS, KEY_MANAGER_LABELS, REASON_LABELS, codeLabel, codeLabels } from "../lib/domain/labels";
import { blockingAxeViolations } from "./support/axe";

type Paged<T> = { total: number; items: T[] };

test.setTimeout(120_000);

/** The cells of one column, found by its header's text (headers are upper-cased by CSS: textContent, not innerText). */
async function column(table: Locator, header: string): Promise<Locator> {
  // The table renders after its query: wait for its first row before reading the headers.
  await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 60_000 });
  const headers = await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ""));
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `column "${header}" among ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr td:nth-child(${index + 1}), tbody tr th:nth-child(${index + 1})`);
}

async function downloadCsv(page: Page, table: Locator): Promise<string[][]> {
  const download = page.waitForEvent("download");
  await table.getByRole("button", { name: "Export CSV" }).click();
  const text = await readFile((await (await download).path())!, "utf8");
  // These tables' fields hold no commas or quotes.
  return text.trim().split("\r\n").map((line) => line.split(","));
}

test("resources: reasons as labels with the code on hover; a stretch from the first snapshot says 'before'", async ({ page, request }) => {
  const api = (await (await request.get("/api/resources/noncompliant?sort=since&pageSize=50")).json()) as Paged<{ reason: string; since: string; sinceHistoryStart: boolean; service: string }>;
  await page.goto("/resources");
  const table = page.getByTestId("resources-table");
  const reasons = await column(table, "Reason");
  await expect(reasons).toHaveText(api.items.map((r) => codeLabel(REASON_LABELS, r.reason)));
  await expect(reasons.first().locator("span")).toHaveAttribute("title", api.items[0]!.reason);
  const since = await column(table, "Non-compliant since");
  await expect(since).toHaveText(api.items.map((r) => (r.sinceHistoryStart ? `before ${r.since} (start of history)` : r.since)));
  // The demo's oldest resources were non-compliant from its first day: the case is shown.
  expect(api.items[0]!.sinceHistoryStart).toBe(true);
  await expect(since.first()).toHaveText(`before ${api.items[0]!.since} (start of history)`);
  await page.screenshot({ path: "e2e/artifacts/labels-resources.png" });
});

test("keys: manager and findings as labels with their codes on hover", async ({ page, request }) => {
  const api = (await (await request.get("/api/keys?sort=-findings&pageSize=50")).json()) as Paged<{ keyManager: string; findings: string[] }>;
  await page.goto("/keys?sort=-findings");
  const table = page.getByTestId("keys-table");
  await expect(await column(table, "Manager")).toHaveText(api.items.map((k) => codeLabel(KEY_MANAGER_LABELS, k.keyManager)));
  const first = api.items[0]!;
  expect(first.findings.length).toBeGreaterThan(0);
  const badges = (await column(table, "Findings")).first().locator("span[title]");
  await expect(badges).toHaveText(first.findings.map((c) => codeLabel(FINDING_LABELS, c)));
  for (const [i, code] of first.findings.entries()) await expect(badges.nth(i)).toHaveAttribute("title", code);
  await expect(table.locator("tbody")).not.toContainText("CUSTOMER");
});

test("savings: encryption and idle reasons as labels; the CSV keeps codes, whole requests and money at 10 decimals", async ({ page, request }) => {
  const buckets = (await (await request.get("/api/savings/bucket-keys?pageSize=500")).json()) as Paged<{ name: string; encryptionClass: string; monthlyRequests: number | null; monthlySavings: number | null }>;
  const idle = (await (await request.get("/api/savings/idle-keys?pageSize=500")).json()) as Paged<{ codes: string[] }>;
  await page.goto("/savings");
  const table = page.getByTestId("bucket-keys-table");
  const classes = await column(table, "Encryption");
  await expect(classes.first()).toBeVisible();
  const shown = await classes.allTextContents();
  const labels = new Set(Object.values(ENCRYPTION_CLASS_LABELS) as string[]);
  for (const text of shown) expect(labels.has(text), `"${text}" is a label`).toBe(true);
  const idleReasons = await column(page.getByTestId("idle-keys-table"), "Why");
  const expectedIdle = new Set(idle.items.map((k) => codeLabels(FINDING_LABELS, k.codes)));
  for (const text of await idleReasons.allTextContents()) expect(expectedIdle.has(text), `"${text}" is a label list`).toBe(true);
  await expect(page.getByTestId("idle-keys-table").locator("tbody")).not.toContainText("DISABLED_BILLED");

  const [header, ...rows] = await downloadCsv(page, table);
  expect(header).toEqual(["Bucket", "Business unit", "Account", "Encryption", "Attribution", "KMS requests / month", "Projected savings (USD / month)", "Key"]);
  expect(rows).toHaveLength(buckets.total);
  const byName = new Map(buckets.items.map((b) => [b.name, b]));
  for (const r of rows) {
    const b = byName.get(r[0]!)!;
    expect(r[3]).toBe(b.encryptionClass);
    // Requests are counted whole (Cost Explorer's usage quantity per day is a whole number of requests).
    expect(r[5]).toBe(b.monthlyRequests === null ? "" : String(Math.round(b.monthlyRequests)));
    expect(r[6]).toMatch(/^(|-?\d+(\.\d{1,10})?)$/);
    if (b.monthlySavings !== null) expect(Number(r[6])).toBeCloseTo(b.monthlySavings, 9);
  }
});

test("alerts: the rule form lists findings by label, the code on hover", async ({ page }) => {
  await page.goto("/alerts");
  await page.getByRole("button", { name: "Add rule" }).click();
  const form = page.getByRole("form", { name: "Add a rule" });
  for (const [code, label] of Object.entries(FINDING_LABELS)) {
    const box = form.getByRole("checkbox", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) });
    await expect(box).toHaveValue(code);
  }
});

/** Tick texts of one axis of a chart. */
// Recharts 3 draws tick labels in a layer of their own, outside the axis group.
const ticks = (chart: Locator, axis: "x" | "y") => chart.locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();

/**
 * Shows the chart again after reading its table, and waits until it is drawn: the chart mounts
 * anew, at first without a size (ResponsiveContainer measures it on the next frame), then draws
 * its grid and bars and, in a later layer, its tick labels. Reading at any step before the last
 * found no grid box or no y tick (the two tests were flaky until they waited for each).
 * `xTicks`: how many x labels to wait for, or "some" where the axis may skip crowded ones.
 */
async function backToChart(chart: Locator, xTicks: number | "some") {
  await chart.getByRole("button", { name: "chart" }).click();
  await expect(chart.getByRole("button", { name: "chart" })).toHaveAttribute("aria-pressed", "true");
  const grid = chart.locator(".recharts-cartesian-grid");
  await expect.poll(async () => (await grid.boundingBox())?.width ?? 0, { timeout: 30_000, message: "the chart's grid is laid out" }).toBeGreaterThan(0);
  const xDrawn = expect.poll(async () => (await ticks(chart, "x")).length, { timeout: 30_000, message: "the x ticks are drawn" });
  if (xTicks === "some") await xDrawn.toBeGreaterThan(0);
  else await xDrawn.toBe(xTicks);
  await expect.poll(async () => (await ticks(chart, "y")).length, { timeout: 30_000, message: "the y ticks are drawn" }).toBeGreaterThan(1);
}

/**
 * Moves the pointer over the x-th of `count` bands of the chart's plot and waits for the tooltip
 * to name `label`. The plot's box is read again on each try (it may still move while the chart
 * settles), and the pointer leaves first so the next move is a new hover.
 */
async function hoverBand(page: Page, chart: Locator, index: number, count: number, label: string): Promise<Locator> {
  const tooltip = page.getByTestId("chart-tooltip");
  await expect(async () => {
    // In the window first: a pointer moved below the fold hovers nothing (one run in three failed so).
    const grid = chart.locator(".recharts-cartesian-grid");
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.mouse.move(box!.x + (box!.width * (2 * index + 1)) / (2 * count), box!.y + box!.height / 2, { steps: 4 });
    await expect(tooltip.locator("p").first()).toHaveText(label, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return tooltip;
}

test("overview cost chart: dollar ticks abbreviated in round steps, every month labelled 'Nov 2025', tooltip largest first", async ({ page }) => {
  await page.goto("/");
  const chart = page.getByTestId("chart-cost-bu");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible({ timeout: 60_000 });
  // One label per month in the data: the table alternative has one row per month.
  await chart.getByRole("button", { name: "table" }).click();
  await expect(chart.locator("tbody th").first()).toBeVisible();
  const rows = await chart.locator("tbody th").allTextContents();
  await backToChart(chart, rows.length);
  expect(await ticks(chart, "x")).toEqual(rows);
  const y = await ticks(chart, "y");
  for (const t of y) expect(t, "no cents on a tick").toMatch(/^\$\d+(\.\d)?[KM]?$/);
  const values = y.map((t) => Number(t.slice(1, /[KM]$/.test(t) ? -1 : undefined)) * (t.endsWith("M") ? 1e6 : t.endsWith("K") ? 1e3 : 1));
  expect(values[0]).toBe(0);
  const step = values[1]! - values[0]!;
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toFixed(6)));
  for (let i = 1; i < values.length; i += 1) expect(values[i]! - values[i - 1]!).toBeCloseTo(step, 6);

  const months = await ticks(chart, "x");
  for (const m of months) expect(m).toMatch(/^[A-Z][a-z]{2} \d{4}$/);

  // Hover the last month: the tooltip lists business units by cost, largest first, readable text.
  const tooltip = await hoverBand(page, chart, months.length - 1, months.length, months.at(-1)!);
  const amounts = (await tooltip.getByTestId("chart-tooltip-row").locator("span.tabular-nums").allTextContents()).map((t) => Number(t.replace(/[$,]/g, "")));
  expect(amounts.length).toBeGreaterThan(1);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  expect(await blockingAxeViolations(page, '[data-testid="chart-tooltip"]')).toEqual([]);
  await page.screenshot({ path: "e2e/artifacts/chart-cost-tooltip.png" });
});

test("top buckets chart: the tooltip names the bucket in full", async ({ page }) => {
  await page.goto("/");
  const chart = page.getByTestId("chart-top-buckets");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible({ timeout: 60_000 });
  await chart.getByRole("button", { name: "table" }).click();
  await expect(chart.locator("tbody th").first()).toBeVisible();
  const names = await chart.locator("tbody th").allTextContents();
  // Bucket names are categories: the axis may leave some out when they crowd, so not one each.
  await backToChart(chart, "some");
  // The axis cuts long names; the tooltip of the first bar gives the first bucket's whole name.
  await hoverBand(page, chart, 0, names.length, names[0]!);
  expect(names[0]!.endsWith("…")).toBe(false);
});

test("a one-day range draws bars, and an empty range says how to widen it", async ({ page }) => {
  await page.goto("/");
  const day = await page.getByTestId("data-as-of").getAttribute("datetime");
  await page.goto(`/?from=${day}&to=${day}`);
  const chart = page.getByTestId("chart-noncompliant");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.locator(".recharts-area")).toHaveCount(0);
  await page.screenshot({ path: "e2e/artifacts/one-day-bars.png", fullPage: true });
  await page.goto("/?from=2001-01-01&to=2001-01-02");
  await expect(page.getByTestId("chart-noncompliant")).toContainText("No data for these filters: widen the date range or clear a filter.");
});
