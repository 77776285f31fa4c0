import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { APP_PAGES } from "./support/pages";

// The list pages and settings, from the one page list: each shows data as of a day and a table or form.
const PAGES = APP_PAGES.filter((p) => ["keys", "resources", "costs", "savings", "teams", "runs", "settings"].includes(p.name));

/** "51–100 of 3,000" → [51, 100, 3000]; "0 of 0" → [0, 0, 0]. */
async function range(page: Page, testId: string): Promise<[number, number, number]> {
  const text = (await page.getByTestId(`${testId}-count`).innerText()).trim();
  const n = (s: string) => Number(s.replaceAll(",", ""));
  const empty = /^0 of ([\d,]+)$/.exec(text);
  if (empty) return [0, 0, n(empty[1]!)];
  const match = /^([\d,]+)–([\d,]+) of ([\d,]+)$/.exec(text);
  expect(match, `${testId} shows "first–last of total", got "${text}"`).not.toBeNull();
  return [n(match![1]!), n(match![2]!), n(match![3]!)];
}

/** "1–50 of 3,000" as the table writes it. */
const rangeLabel = (first: number, last: number, total: number) => `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`;

interface KeyItem {
  keyArn: string;
  keyId: string;
  aliases: string[];
  businessUnit: string;
}
interface ResourceItem {
  resourceArn: string;
  name: string;
}
type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };

/** What the Key column shows for a key: its aliases, else its id. */
const keyLabel = (k: KeyItem) => (k.aliases.length ? k.aliases.join(", ") : k.keyId);
const firstCells = (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr td:first-child");

for (const p of PAGES) {
  test(`${p.name}: renders with data as of, no serious axe violation, screenshot`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading ?? undefined })).toBeVisible();
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

test("keys: one page of 50 from the server, the API's total and order, next page shows items 51–100", async ({ page, request }) => {
  const api = (await (await request.get("/api/keys?pageSize=100")).json()) as Paged<KeyItem>;
  expect(api.total, "the demo organization has more than two pages of keys").toBeGreaterThan(100);
  await page.goto("/keys");
  await expect(page.getByTestId("keys-table-count")).toHaveText(rangeLabel(1, 50, api.total));
  await expect(firstCells(page, "keys-table")).toHaveText(api.items.slice(0, 50).map(keyLabel));
  // Paging asks the API for the page and nothing else (no server render of the whole page).
  const requests: string[] = [];
  // Data requests only: the browser may fetch the app icon at any moment, and Next prefetches the
  // navigation's other pages (?_rsc=) when it is idle; a render of /keys itself would count.
  page.on("request", (r) => {
    const url = new URL(r.url());
    const prefetchOfAnotherPage = url.searchParams.has("_rsc") && url.pathname !== "/keys";
    if ((r.resourceType() === "fetch" || r.resourceType() === "document") && !prefetchOfAnotherPage) requests.push(url.pathname + url.search);
  });
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.getByTestId("keys-table-count")).toHaveText(rangeLabel(51, 100, api.total));
  await expect(firstCells(page, "keys-table")).toHaveText(api.items.slice(50, 100).map(keyLabel));
  await expect(page.getByLabel("Page", { exact: true })).toHaveValue("2");
  expect(requests).toEqual(["/api/keys?page=2&pageSize=50&sort=manager"]);
  await page.getByRole("button", { name: "Previous", exact: true }).click();
  await expect(page.getByTestId("keys-table-count")).toHaveText(rangeLabel(1, 50, api.total));
});

test("keys: clicking a sortable header sorts on the server; other headers are not sortable", async ({ page, request }) => {
  const byCost = (await (await request.get("/api/keys?sort=-cost&pageSize=50")).json()) as Paged<KeyItem>;
  const byCostAsc = (await (await request.get("/api/keys?sort=cost&pageSize=50")).json()) as Paged<KeyItem>;
  await page.goto("/keys");
  const table = page.getByTestId("keys-table");
  await expect(table.getByRole("columnheader", { name: "Region" }).getByRole("button")).toHaveCount(0);
  await table.getByRole("button", { name: /Request cost/ }).click();
  await expect(page).toHaveURL(/[?&]sort=-cost(&|$)/);
  await expect(table.getByRole("columnheader", { name: /Request cost/ })).toHaveAttribute("aria-sort", "descending");
  await expect(firstCells(page, "keys-table")).toHaveText(byCost.items.map(keyLabel));
  await table.getByRole("button", { name: /Request cost/ }).click();
  await expect(page).toHaveURL(/[?&]sort=cost(&|$)/);
  await expect(firstCells(page, "keys-table")).toHaveText(byCostAsc.items.map(keyLabel));
});

/** USD as the pages write it ("$1,234.50"). */
const usd = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n);
interface CostWindow { from: string; to: string; daysWithData: number }

test("keys: the cost columns say what they hold; the modeled storage + rotation column sorts on the server", async ({ page, request }) => {
  const api = (await (await request.get("/api/keys?sort=-modeled&pageSize=50")).json()) as Paged<KeyItem & { modeledMonthlyCost: number }> & { costWindow: CostWindow | null };
  await page.goto("/keys");
  const note = page.getByTestId("keys-table-note");
  if (api.costWindow) {
    const w = api.costWindow;
    await expect(note).toContainText(`Request cost: requests only, billed on the ${w.daysWithData} day(s) with per-key Cost Explorer data between ${w.from} and ${w.to}.`);
  } else {
    await expect(note).toContainText("Request cost: no per-key Cost Explorer data");
  }
  await expect(note).toContainText("Key storage + rotation: modeled from the price table for one month in the key's current state, requests not included.");
  const table = page.getByTestId("keys-table");
  await table.getByRole("button", { name: /Key storage \+ rotation/ }).click();
  await expect(page).toHaveURL(/[?&]sort=-modeled(&|$)/);
  await expect(firstCells(page, "keys-table")).toHaveText(api.items.map(keyLabel));
  await expect(table.locator("tbody tr").first().locator("td").last()).toHaveText(usd(api.items[0]!.modeledMonthlyCost));
});

test("key detail: the cost section shows the billed request cost with its days, and the model over the same days", async ({ page, request }) => {
  const top = (await (await request.get("/api/keys?sort=-cost&pageSize=1")).json()) as Paged<KeyItem & { cost30d: number | null }>;
  test.skip(top.items[0]?.cost30d == null, "the demo organization has no per-key cost data");
  const arn = top.items[0]!.keyArn;
  const { cost } = (await (await request.get(`/api/keys/${encodeURIComponent(arn)}`)).json()) as {
    cost: { window: CostWindow; requests: number; billedRequestCost: number; modeled: { total: number }; modeledMonthly: { total: number } };
  };
  expect(cost.billedRequestCost).toBeCloseTo(top.items[0]!.cost30d!, 6);
  await page.goto(`/keys/${encodeURIComponent(arn)}`);
  await expect(page.getByTestId("key-cost-billed")).toContainText(usd(cost.billedRequestCost));
  await expect(page.getByTestId("key-cost-billed")).toContainText(`Requests only, ${cost.window.daysWithData} day(s) with per-key data between ${cost.window.from} and ${cost.window.to}: ${cost.requests.toLocaleString("en-US")} requests`);
  await expect(page.getByTestId("key-cost-modeled")).toContainText(usd(cost.modeled.total));
  await expect(page.getByTestId("key-cost-monthly")).toContainText(usd(cost.modeledMonthly.total));
});

test("costs: billed vs modeled names the days the request comparison covers", async ({ page, request }) => {
  const api = (await (await request.get("/api/costs/modeled")).json()) as {
    requestDays: { covered: number; period: number; from: string | null; to: string | null };
    byBusinessUnit: { businessUnit: string; keyStorage: { billed: number } }[];
  };
  await page.goto("/costs");
  const days = api.requestDays;
  await expect(page.getByTestId("modeled-request-days")).toHaveText(
    days.covered
      ? `Requests compared on the ${days.covered} of ${days.period} days with per-key data (${days.from} to ${days.to}); requests billed on other days are in the month's billed total only.`
      : "No day of this month has per-key request data: requests are not compared.",
  );
  const first = api.byBusinessUnit[0]!;
  const row = page.getByTestId("modeled-table").locator("tbody tr").filter({ hasText: first.businessUnit }).first();
  await expect(row.locator("td").nth(1)).toHaveText(usd(first.keyStorage.billed));
});

test("keys: the search box sends search to the API after a pause, and the link reproduces it", async ({ page, request }) => {
  const term = "prod";
  const api = (await (await request.get(`/api/keys?search=${term}&pageSize=50`)).json()) as Paged<KeyItem>;
  expect(api.total).toBeGreaterThan(0);
  await page.goto("/keys");
  await expect(page.getByTestId("keys-table-count")).toHaveText(/^1–50 of /);
  const searched: string[] = [];
  page.on("request", (r) => {
    const value = new URL(r.url()).searchParams.get("search");
    if (r.url().includes("/api/keys?") && value) searched.push(value);
  });
  // Typed key by key: the debounce sends one request for the word, none per keystroke.
  await page.getByRole("searchbox", { name: "Search" }).pressSequentially(term, { delay: 60 });
  await expect(page).toHaveURL(new RegExp(`[?&]search=${term}(&|$)`));
  await expect(page.getByTestId("keys-table-count")).toHaveText(rangeLabel(1, Math.min(50, api.total), api.total));
  await expect(firstCells(page, "keys-table")).toHaveText(api.items.map(keyLabel));
  expect(searched).toEqual([term]);
  // The same link in a fresh page shows the same view, search box filled in.
  await page.goto(`/keys?search=${term}&sort=-resources`);
  const sorted = (await (await request.get(`/api/keys?search=${term}&sort=-resources&pageSize=50`)).json()) as Paged<KeyItem>;
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(term);
  await expect(firstCells(page, "keys-table")).toHaveText(sorted.items.map(keyLabel));
});

test("keys: a business-unit filter goes to the URL and narrows the table to the API's figure", async ({ page, request }) => {
  const all = (await (await request.get("/api/keys?pageSize=500")).json()) as Paged<KeyItem>;
  const bu = all.items.find((k) => k.businessUnit !== "(untagged)")!.businessUnit;
  const filtered = (await (await request.get(`/api/keys?pageSize=50&bu=${encodeURIComponent(bu)}`)).json()) as Paged<KeyItem>;
  await page.goto("/keys?page=2");
  // The global filter bar's dropdown (issue 19) applies on pick.
  await page.getByLabel("Business unit").selectOption(bu);
  await expect(page).toHaveURL(new RegExp(`bu=${encodeURIComponent(bu).replaceAll("%20", "(\\+|%20)")}`));
  // New filters start at page 1.
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(page.getByTestId("keys-table-count")).toHaveText(rangeLabel(1, Math.min(50, filtered.total), filtered.total));
  await expect(firstCells(page, "keys-table")).toHaveText(filtered.items.map(keyLabel));
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

test("resources: the server's total, sorting by name, page 2 and a reproducible link", async ({ page, request }) => {
  const first = (await (await request.get("/api/resources/noncompliant?pageSize=50")).json()) as Paged<ResourceItem>;
  const byName = (await (await request.get("/api/resources/noncompliant?sort=name&pageSize=100")).json()) as Paged<ResourceItem>;
  expect(first.total, "the demo organization has more than two pages of non-compliant resources").toBeGreaterThan(100);
  await page.goto("/resources");
  await expect(page.getByTestId("resources-table-count")).toHaveText(rangeLabel(1, 50, first.total));
  await expect(firstCells(page, "resources-table")).toHaveText(first.items.map((r) => r.name));
  await page.getByTestId("resources-table").getByRole("button", { name: "Resource" }).click();
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await expect(firstCells(page, "resources-table")).toHaveText(byName.items.slice(0, 50).map((r) => r.name));
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("resources-table-count")).toHaveText(rangeLabel(51, 100, first.total));
  await expect(firstCells(page, "resources-table")).toHaveText(byName.items.slice(50, 100).map((r) => r.name));
  const [from, to, total] = await range(page, "resources-table");
  expect([from, to, total]).toEqual([51, 100, first.total]);
  // The URL alone reproduces the view.
  const link = page.url();
  expect(link).toMatch(/[?&]page=2(&|$)/);
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  await expect(firstCells(fresh, "resources-table")).toHaveText(byName.items.slice(50, 100).map((r) => r.name));
  await fresh.close();
});

/** RFC 4180: quoted fields may hold commas, quotes and line breaks. */
function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  return records;
}

test("resources: Export CSV reads every matching page on demand and saves them all", async ({ page, request }) => {
  const search = "-";
  const api = (await (await request.get(`/api/resources/noncompliant?sort=-size&search=${search}&pageSize=500`)).json()) as Paged<ResourceItem>;
  expect(api.total, "the export spans more than one 500-row page").toBeGreaterThan(500);
  await page.goto(`/resources?sort=-size&search=${search}`);
  await expect(page.getByTestId("resources-table-count")).toHaveText(rangeLabel(1, 50, api.total));
  // Hold the second 500-row page so the progress is seen mid-export.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/resources\/noncompliant\?.*pageSize=500/, async (route) => {
    if (new URL(route.request().url()).searchParams.get("page") === "2") await held;
    await route.continue();
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page.getByTestId("resources-table-export-status")).toHaveText(new RegExp(`^Exporting 500 of ${api.total.toLocaleString("en-US")} rows…`));
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toHaveAttribute("value", "500");
  await expect(page.getByRole("button", { name: "Cancel export" })).toBeVisible();
  release();
  const file = await download;
  await expect(page.getByTestId("resources-table-export-status")).toHaveText(`Exported ${api.total.toLocaleString("en-US")} rows`);
  const text = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
  const [header, ...rows] = parseCsvRecords(text);
  expect(header).toEqual(["Resource", "Service", "Reason", "Business unit", "Owner", "Environment", "Account", "Region", "Size (bytes)", "Key", "Non-compliant since", "ARN"]);
  expect(rows).toHaveLength(api.total);
  // In the table's order (the server's sort), every row once.
  const arns = rows.map((r) => r[header!.indexOf("ARN")]);
  expect(arns.slice(0, 500)).toEqual(api.items.map((r) => r.resourceArn));
  expect(new Set(arns).size).toBe(api.total);
});

test("a bad URL parameter is reported, the page still works", async ({ page }) => {
  await page.goto("/resources?account=abc&from=2026-13-45");
  await expect(page.getByTestId("param-problems")).toContainText("account=abc");
  await expect(page.getByTestId("param-problems")).toContainText("from=2026-13-45");
  await expect(page.getByTestId("resources-table")).toBeVisible();
  const bad = await page.request.get("/api/export/chargeback?allocation=sideways");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
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
  // FOCUS date-times (2026-03-01T00:00:00Z): the API takes their day.
  const days = rows.map((r) => r.ChargePeriodStart!.slice(0, 10)).sort();
  const from = days[0]!;
  const to = days.at(-1)!;
  // BilledCost is what the invoice says: usage plus any imported bill's credits, tax and
  // corrections, i.e. the API's `net` (its `total` is usage only).
  const api = (await (await request.get(`/api/costs/by-bu?granularity=day&from=${from}&to=${to}`)).json()) as { rows: { net: number }[] };
  const apiTotal = api.rows.reduce((s, r) => s + r.net, 0);
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
