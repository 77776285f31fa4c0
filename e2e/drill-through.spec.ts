import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { formatPercent, formatUsd } from "@/lib/domain/format";
import { percentOneDecimal } from "@/lib/domain/percent";

// Slow on a shared machine: each test opens several server-rendered pages.
test.describe.configure({ timeout: 180_000 });

// Issue 19 item 1: every overview figure opens the rows behind it, and the list's total is the
// number clicked (read from the page, compared with the list page's total and the API's).

/** The table's "1–50 of 3,000" → 3000 ("0 of 0" → 0). */
async function listTotal(page: Page, testId: string): Promise<number> {
  const counter = page.getByTestId(`${testId}-count`);
  // A cold server loads each API route on its first call: over 10 s on a busy machine.
  await expect(counter).toHaveText(/ of [\d,]+$/, { timeout: 60_000 });
  return Number((await counter.innerText()).replace(/^.* of /, "").replaceAll(",", ""));
}

/** The number a link shows ("1,234" → 1234; "4 disabled or pending deletion" → 4). */
async function linkedNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).innerText()).trim();
  const match = /^([\d,]+)/.exec(text);
  expect(match, `${testId} starts with a number, got "${text}"`).not.toBeNull();
  return Number(match![1]!.replaceAll(",", ""));
}

async function apiTotal(request: APIRequestContext, path: string): Promise<number> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

/** The list page's path and query as the API's (same parameter names): /keys?manager=AWS → /api/keys?manager=AWS. */
const API_OF: Record<string, string> = { "/keys": "/api/keys", "/resources": "/api/resources/noncompliant", "/findings": "/api/findings" };

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * Clicks the link inside the element with testId on the overview, and checks that the list it
 * opens shows as many rows as the number clicked, and that the API says the same for that URL.
 */
async function clickThrough(page: Page, request: APIRequestContext, testId: string, expectPath: RegExp) {
  await page.goto("/");
  const figure = await linkedNumber(page, testId);
  await page.getByTestId(testId).getByRole("link").or(page.getByTestId(testId).and(page.getByRole("link"))).first().click();
  await expect(page).toHaveURL(expectPath);
  const url = new URL(page.url());
  const table = url.pathname === "/keys" ? "keys-table" : url.pathname === "/resources" ? "resources-table" : "findings-table";
  expect(await listTotal(page, table), `${testId} (${figure}) → ${url.pathname}${url.search}`).toBe(figure);
  expect(await apiTotal(request, `${API_OF[url.pathname]}${url.search}`)).toBe(figure);
  return { figure, url };
}

test("the overview's key tiles open the keys behind them; the filter is shown and removable", async ({ page, request }) => {
  await clickThrough(page, request, "kpi-cmk-count", /\/keys\?manager=CUSTOMER$/);
  // The active filter is said on the list, and removable: then every key is listed.
  await expect(page.getByTestId("active-filter-manager")).toHaveText(/Manager: customer managed/);
  await page.screenshot({ path: "e2e/artifacts/drill-keys-customer-managed.png", fullPage: true });
  await axeClean(page);
  await page.getByRole("button", { name: /Remove the filter Manager/ }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
  const allKeys = await apiTotal(request, "/api/keys");
  // Polled: the filtered count stays on screen (dimmed) until the new answer arrives.
  await expect.poll(() => listTotal(page, "keys-table"), { timeout: 60_000 }).toBe(allKeys);

  await clickThrough(page, request, "kpi-aws-managed-count", /\/keys\?manager=AWS$/);
  await clickThrough(page, request, "kpi-cmk-unusable", /\/keys\?manager=CUSTOMER&state=Disabled%2CPendingDeletion$/);
});

test("the overview's non-compliant total and reason bars open the resources behind them", async ({ page, request }) => {
  await clickThrough(page, request, "kpi-noncompliant-total", /\/resources$/);
  for (const reason of ["unencrypted", "sse-s3", "aws-managed-key", "key-unusable", "unknown-key"]) {
    await clickThrough(page, request, `kpi-noncompliant-${reason}`, /\/resources\?reason=[A-Z0-9_]+$/);
  }
  await expect(page.getByTestId("active-filter-reason")).toHaveText(/Reason: Unresolved key/);
});

test("the overview's findings counts and BU rows open lists whose total is the number clicked", async ({ page, request }) => {
  for (const severity of ["critical", "high"]) await clickThrough(page, request, `kpi-findings-${severity}`, new RegExp(`/findings\\?severity=${severity}$`));

  // The BU table: each of the first rows' non-compliant count opens that BU's resources.
  await page.goto("/");
  const rows = await page.getByTestId("coverage-by-bu").locator("tbody tr").count();
  expect(rows).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(rows, 3); i++) {
    await page.goto("/");
    const cell = page.getByTestId("coverage-by-bu").locator("tbody tr").nth(i).getByTestId("bu-noncompliant");
    const figure = Number((await cell.innerText()).replaceAll(",", ""));
    await cell.getByRole("link").click();
    await expect(page).toHaveURL(/\/resources\?bu=/);
    const url = new URL(page.url());
    expect(await listTotal(page, "resources-table")).toBe(figure);
    expect(await apiTotal(request, `/api/resources/noncompliant${url.search}`)).toBe(figure);
  }
  await page.screenshot({ path: "e2e/artifacts/drill-resources-bu.png", fullPage: true });
});

test("a reason × day cell and a reason legend entry of the non-compliance chart open that day's resources", async ({ page, request }) => {
  await page.goto("/");
  const card = page.getByTestId("chart-noncompliant");
  await card.getByRole("button", { name: "table" }).click();
  // The latest day's "Unencrypted" cell (the first series column after the day).
  const lastRow = card.locator("tbody tr").last();
  const cell = lastRow.locator("td").first();
  const figure = Number((await cell.innerText()).replaceAll(",", ""));
  // The row header shows the day as "Dec 5, 2026"; the link carries it as the API's YYYY-MM-DD.
  const day = new URL((await cell.getByRole("link").getAttribute("href"))!, "http://x").searchParams.get("day")!;
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await cell.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/resources\\?reason=UNENCRYPTED&day=${day}$`));
  await expect(page.getByTestId("active-filter-day")).toHaveText(new RegExp(day));
  expect(await listTotal(page, "resources-table")).toBe(figure);
  expect(await apiTotal(request, `/api/resources/noncompliant?reason=UNENCRYPTED&day=${day}`)).toBe(figure);

  // The legend's "rows" beside a reason: that reason on the latest day, the reason bar's figure.
  await page.goto("/");
  const bar = await linkedNumber(page, "kpi-noncompliant-sse-s3");
  await page.getByTestId("chart-noncompliant").getByRole("link", { name: "S3-managed keys (SSE-S3): show the rows" }).click();
  await expect(page).toHaveURL(/\/resources\?reason=SSE_S3$/);
  expect(await listTotal(page, "resources-table")).toBe(bar);
});

test("a BU × month cell of the cost chart opens that BU's cost rows for that month", async ({ page, request }) => {
  await page.goto("/");
  const card = page.getByTestId("chart-cost-bu");
  await card.getByRole("button", { name: "table" }).click();
  const header = card.locator("thead th");
  // textContent: the header is shown in capitals (CSS), the name is not.
  const bu = (await header.nth(1).textContent())!.trim();
  // The last full month's row (the last row may be the running month).
  const row = card.locator("tbody tr").nth(-2);
  const cell = row.locator("td").first();
  // The row header shows the month as "Nov 2025"; the link carries it as YYYY-MM.
  const month = new URL((await cell.getByRole("link").getAttribute("href"))!, "http://x").searchParams.get("from")!.slice(0, 7);
  const figure = (await cell.innerText()).trim();
  await cell.getByRole("link").click();
  await expect(page).toHaveURL(/\/costs\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&bu=/);
  const url = new URL(page.url());
  expect(url.searchParams.get("from")).toBe(`${month}-01`);
  expect(url.searchParams.get("bu")).toBe(bu);
  // The Costs page opens with the filters set, and its API answers the figure clicked.
  await expect(page.getByTestId("filter-bar").getByLabel("Business unit")).toHaveValue(bu);
  await expect(page.getByTestId("costs-table")).toContainText(figure, { timeout: 60_000 });
  const costs = (await (await request.get(`/api/costs/by-bu?${url.searchParams.toString()}&granularity=month`)).json()) as { rows: { total: number }[] };
  const total = costs.rows.reduce((sum, r) => sum + r.total, 0);
  expect(`$${total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`).toBe(figure);
});

test("list rows lead onward: a resource to its key, the key to its detail page", async ({ page, request }) => {
  const api = (await (await request.get("/api/resources/noncompliant?reason=AWS_MANAGED_KEY&pageSize=1")).json()) as { items: { keyArn: string | null }[] };
  test.skip(!api.items[0]?.keyArn, "no resource on an AWS managed key in this organization");
  await page.goto("/resources?reason=AWS_MANAGED_KEY");
  const keyArn = api.items[0]!.keyArn!;
  await page.getByTestId("resources-table").locator("tbody tr").first().getByRole("link").first().click();
  // The key page renders on the server: slower than a list page on a busy machine.
  await expect(page.getByTestId("key-arn")).toHaveText(keyArn, { timeout: 60_000 });
});

test("the coverage tiles open the resources not on a CMK behind them, the non-compliant tile the non-compliant ones", async ({ page, request }) => {
  await page.goto("/");
  // "4,840 of 10,000 resources encrypted with a CMK · the link lists the 5,160 that are not"
  const hint = await page.getByTestId("kpi-coverage-count-hint").innerText();
  const [, cmkText, allText] = /([\d,]+) of ([\d,]+) resources encrypted with a CMK/.exec(hint) ?? [];
  expect(cmkText, hint).toBeDefined();
  const [cmk, all] = [Number(cmkText!.replaceAll(",", "")), Number(allText!.replaceAll(",", ""))];
  const notOnACmk = all - cmk;
  expect(hint).toContain(`the link lists the ${notOnACmk.toLocaleString("en-US")} that are not`);
  // The percentage clicked is the share of those counts: the list is its complement.
  expect(await page.getByTestId("kpi-coverage-count").innerText()).toBe(formatPercent(percentOneDecimal(cmk, all)));
  const nonCompliant = await linkedNumber(page, "kpi-noncompliant-total");

  await page.getByTestId("kpi-coverage-count").getByRole("link").click();
  await expect(page).toHaveURL(/\/resources\?view=all&encryption=NONE%2CSSE_S3%2CAWS_MANAGED_KMS%2CUNKNOWN$/);
  expect(await listTotal(page, "resources-table")).toBe(notOnACmk);
  await expect(page.getByTestId("active-filter-encryption")).toContainText("Encryption: not a customer managed key");
  await expect(page.getByRole("radio", { name: "Every in-scope resource, by encryption" })).toBeChecked();
  const notOnCmkApi = "/api/resources?encryption=NONE,SSE_S3,AWS_MANAGED_KMS,UNKNOWN";
  expect(await apiTotal(request, notOnCmkApi)).toBe(notOnACmk);
  // Not the non-compliant list: a resource no policy requires a CMK for lowers coverage and is compliant.
  const compliant = await apiTotal(request, `${notOnCmkApi}&compliance=compliant`);
  expect(compliant).toBeGreaterThan(0);
  expect(await apiTotal(request, `${notOnCmkApi}&compliance=noncompliant`)).toBe(notOnACmk - compliant);
  const rows = page.getByTestId("resources-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.filter({ hasText: "Customer managed KMS key" }).count()).toBe(0);
  await axeClean(page);
  await page.screenshot({ path: "e2e/artifacts/drill-not-on-a-cmk.png", fullPage: true });

  // By storage: the same resources, largest first (the bytes that keep coverage by storage down).
  await page.goto("/");
  await page.getByTestId("kpi-coverage-storage").getByRole("link").click();
  await expect(page).toHaveURL(/\/resources\?view=all&encryption=[^&]+&sort=-size$/);
  expect(await listTotal(page, "resources-table")).toBe(notOnACmk);
  await expect(page.getByRole("columnheader", { name: /Size/ })).toHaveAttribute("aria-sort", "descending");
  const bySize = (await (await request.get(`${notOnCmkApi}&sort=-size&pageSize=3`)).json()) as { items: { sizeBytes: string | null }[] };
  const sizes = bySize.items.map((r) => BigInt(r.sizeBytes ?? -1));
  expect(sizes).toEqual([...sizes].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

  await page.goto("/");
  await page.getByTestId("kpi-noncompliant-total").getByRole("link").click();
  await expect(page).toHaveURL(/\/resources$/);
  expect(await listTotal(page, "resources-table")).toBe(nonCompliant);
  expect(await apiTotal(request, "/api/resources/noncompliant")).toBe(nonCompliant);
});

test("a top-buckets bar opens that bucket's row on Savings, with the savings clicked", async ({ page, request }) => {
  const overview = (await (await request.get("/api/overview")).json()) as { series: { topBuckets: { name: string; resourceArn: string; monthlySavings: number | null }[] } };
  const top = overview.series.topBuckets.find((b) => b.monthlySavings !== null);
  test.skip(!top, "no Bucket Key candidate with request data in this organization");
  await page.goto("/");
  const card = page.getByTestId("chart-top-buckets");
  await card.getByRole("button", { name: "table" }).click();
  const cell = card.locator("tbody tr").first().locator("td").first();
  const figure = (await cell.innerText()).trim();
  await cell.getByRole("link").click();
  await expect(page).toHaveURL(/\/savings\?bucket=/);
  const arn = new URL(page.url()).searchParams.get("bucket")!;
  expect(arn).toBe(top!.resourceArn);
  await expect(page.getByTestId("active-filter-bucket")).toHaveText(new RegExp(`Bucket: ${top!.name}`));
  const table = page.getByTestId("bucket-keys-table");
  await expect(page.getByTestId("bucket-keys-table-count")).toHaveText("1 of 1 rows", { timeout: 60_000 });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr").first()).toContainText(top!.name);
  await expect(table.locator("tbody tr").first()).toContainText(figure);
  const api = (await (await request.get(`/api/savings/bucket-keys?bucket=${encodeURIComponent(arn)}`)).json()) as { total: number; items: { monthlySavings: number }[] };
  expect(api.total).toBe(1);
  expect(formatUsd(api.items[0]!.monthlySavings)).toBe(figure);
  await axeClean(page);
  await page.screenshot({ path: "e2e/artifacts/drill-top-bucket.png", fullPage: true });
});
