import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const PAGES = [
  { path: "/keys", name: "keys", heading: "Keys", ready: "keys-table" },
  { path: "/resources", name: "resources", heading: "Resources", ready: "resources-table" },
  { path: "/costs", name: "costs", heading: "Costs", ready: "chart-cost-by-group" },
  { path: "/savings", name: "savings", heading: "Savings", ready: "bucket-keys-table" },
  { path: "/teams", name: "teams", heading: "Teams", ready: "team-scorecard" },
  { path: "/runs", name: "runs", heading: "Runs", ready: "runs-table" },
  { path: "/settings", name: "settings", heading: "Settings", ready: null },
] as const;

/** "12 of 34 rows" → [12, 34]. */
async function rowCount(page: Page, testId: string): Promise<[number, number]> {
  const text = await page.getByTestId(`${testId}-count`).innerText();
  const match = /^([\d,]+) of ([\d,]+) rows$/.exec(text.trim());
  expect(match, `${testId} shows "n of m rows"`).not.toBeNull();
  return [Number(match![1]!.replaceAll(",", "")), Number(match![2]!.replaceAll(",", ""))];
}

for (const p of PAGES) {
  test(`${p.name}: renders with data as of, no serious axe violation, screenshot`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(page.getByTestId("data-as-of")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
    if (p.ready) await expect(page.getByTestId(p.ready)).toBeVisible();
    else await expect(page.getByRole("button", { name: "Save" }).first()).toBeVisible();
    await expect(page.getByTestId("error-state")).toHaveCount(0);
    await page.screenshot({ path: `e2e/artifacts/${p.name}.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("overview: charts render next to the tiles", async ({ page }) => {
  await page.goto("/");
  for (const id of ["chart-coverage", "chart-noncompliant", "chart-cost-bu", "chart-top-buckets"]) await expect(page.getByTestId(id)).toBeVisible();
  // The table alternative holds the same series.
  await page.getByTestId("chart-cost-bu").getByRole("button", { name: "table" }).click();
  await expect(page.getByTestId("chart-cost-bu").getByRole("table")).toContainText("(untagged)");
  await page.screenshot({ path: "e2e/artifacts/overview.png", fullPage: true });
});

test("keys: the table holds every key the API lists", async ({ page, request }) => {
  const api = (await (await request.get("/api/keys?pageSize=500")).json()) as { total: number; items: { keyArn: string }[] };
  await page.goto("/keys");
  const [shown, total] = await rowCount(page, "keys-table");
  expect(total).toBe(api.total);
  expect(shown).toBe(api.total);
});

test("keys: a business-unit filter goes to the URL and narrows the table to the API's figure", async ({ page, request }) => {
  const all = (await (await request.get("/api/keys?pageSize=500")).json()) as { items: { businessUnit: string }[] };
  const bu = all.items.find((k) => k.businessUnit !== "(untagged)")!.businessUnit;
  const filtered = (await (await request.get(`/api/keys?pageSize=500&bu=${encodeURIComponent(bu)}`)).json()) as { total: number };
  await page.goto("/keys");
  await page.getByLabel("Business unit").fill(bu);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`bu=${encodeURIComponent(bu).replaceAll("%20", "(\\+|%20)")}`));
  await expect(page.getByTestId("keys-table-count")).toHaveText(`${filtered.total} of ${filtered.total} rows`.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
});

test("key detail: shows metadata and the policy of a key with a policy finding", async ({ page, request }) => {
  const findings = (await (await request.get("/api/keys?pageSize=500&finding=PUBLIC_POLICY,BROAD_USAGE,NO_SEPARATION_OF_DUTIES")).json()) as { items: { keyArn: string }[] };
  test.skip(findings.items.length === 0, "the demo organization has no key with a policy finding");
  const arn = findings.items[0]!.keyArn;
  await page.goto(`/keys/${encodeURIComponent(arn)}`);
  await expect(page.getByTestId("key-arn")).toHaveText(arn);
  await expect(page.getByTestId("key-policy").locator('[data-flagged="true"]').first()).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/key-detail.png", fullPage: true });
});

test("resources: the non-compliant list matches the API", async ({ page, request }) => {
  const api = (await (await request.get("/api/resources/noncompliant?pageSize=500")).json()) as { total: number };
  await page.goto("/resources");
  const [, total] = await rowCount(page, "resources-table");
  expect(total).toBe(api.total);
});

test("a bad URL parameter is reported, the page still works", async ({ page }) => {
  await page.goto("/resources?account=abc&from=2026-13-45");
  await expect(page.getByTestId("param-problems")).toContainText("account=abc");
  await expect(page.getByTestId("param-problems")).toContainText("from=2026-13-45");
  await expect(page.getByTestId("resources-table")).toBeVisible();
  const bad = await page.request.get("/api/export/chargeback?allocation=sideways");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBeTruthy();
});

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header!.split(",");
  // The export quotes only fields with commas; KMS rows have none in the fields summed here.
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [names[i]!, v])));
}

test("costs: the chargeback CSV downloads with the API's total and states its allocation", async ({ page, request }) => {
  await page.goto("/costs");
  const download = page.waitForEvent("download");
  await page.getByTestId("chargeback-download").click();
  const file = await download;
  const text = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
  const rows = parseCsv(text);
  expect(rows.length).toBeGreaterThan(0);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["BillingPeriodStart", "SubAccountId", "ServiceName", "BilledCost", "BillingCurrency", "x_BusinessUnit", "x_AllocationMethod"]));
  expect(new Set(rows.map((r) => (r.x_AllocationMethod ?? "").split(":")[0]))).toEqual(new Set(["direct"]));
  const days = rows.map((r) => r.ChargePeriodStart).sort();
  const from = days[0]!;
  const to = days.at(-1)!;
  const api = (await (await request.get(`/api/costs/by-bu?granularity=day&from=${from}&to=${to}`)).json()) as { rows: { total: number }[] };
  const apiTotal = api.rows.reduce((s, r) => s + r.total, 0);
  const csvTotal = rows.reduce((s, r) => s + Number(r.BilledCost), 0);
  expect(csvTotal).toBeCloseTo(apiTotal, 2);

  // Proportional allocation moves untagged cost to business units without changing the total.
  const prop = parseCsv(await (await request.get(`/api/export/chargeback?from=${from}&to=${to}&allocation=proportional`)).text());
  expect(prop.reduce((s, r) => s + Number(r.BilledCost), 0)).toBeCloseTo(csvTotal, 4);
});

test("settings: a bad value shows the API's 400 message next to the field", async ({ page }) => {
  await page.goto("/settings");
  const field = page.getByLabel("Bucket Key request reduction (0–1)");
  await field.fill("7");
  await field.press("Enter");
  await expect(page.getByTestId("setting-error")).toContainText("between 0 and 1");
  await expect(field).toHaveAttribute("aria-invalid", "true");
});
