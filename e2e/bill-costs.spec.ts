import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { waitForSettingsRecompute } from "./support/settings-recompute";

// The bill as the Costs page shows it (issue 15): one month of the demo organization gets an
// imported, final bill (its Cost Explorer rows copied as bill lines, the first business unit's
// 2% higher, as a restated bill would be), through the database as the importer writes it. The
// page must say "Source: bill (final)" for that month and "Cost Explorer" for the next one, and
// its reconciliation section must show the API's figures. The month is the demo's oldest full
// one, far from the overview's windows, and the rows are removed afterwards.

const IMPORT_ID = "00000000-0000-4000-8000-0000000e2e15";
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dbUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
let month = "";
let nextMonth = "";
let nextMonthEnd = "";

async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The monthly cost rollup follows a change of source: toggling the setting rebuilds it (once its recompute is done), as an import does. */
async function rebuildCostMonths(request: APIRequestContext, baseURL: string) {
  for (const costSource of ["costExplorer", "auto"]) {
    const res = await request.put("/api/settings", { headers: { origin: baseURL, "content-type": "application/json" }, data: { costSource } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await waitForSettingsRecompute(request);
}

test.beforeAll(async ({ request, baseURL }) => {
  test.skip(!dbUrl, "set E2E_DATABASE_URL (or DATABASE_URL) to the served database");
  await withDb(async (client) => {
    const { rows } = await client.query<{ month: string; next: string; next_end: string }>(
      `SELECT to_char(m, 'YYYY-MM-DD') AS month, to_char(m + interval '1 month', 'YYYY-MM-DD') AS next,
              to_char(m + interval '2 months' - interval '1 day', 'YYYY-MM-DD') AS next_end
       FROM (SELECT date_trunc('month', min(day)) + interval '1 month' AS m FROM kms_cost_daily) x`,
    );
    ({ month, next: nextMonth, next_end: nextMonthEnd } = rows[0]!);
    await client.query(`INSERT INTO bill_import (id, billing_period, format, source, fingerprint, final, status, finished_at)
                        VALUES ($1, $2::date, 'FOCUS_1_2', 'upload:e2e-bill.parquet', 'e2e', true, 'SUCCEEDED', now())`, [IMPORT_ID, month]);
    await client.query(
      `INSERT INTO bill_cost_line (billing_period, day, account_id, region, usage_type, resource_id, business_unit, charge_category, charge_class,
                                   category, billed_cost, effective_cost, list_cost, consumed_quantity, consumed_unit, import_id)
       SELECT $1::date, day, account_id, region, usage_type, '', business_unit, 'Usage', '', category, cost, cost, cost, quantity,
              CASE category WHEN 'KEYS' THEN 'Keys' WHEN 'REQUESTS' THEN 'Requests' ELSE '' END, $2::uuid
       FROM (SELECT day, account_id, region, usage_type, business_unit, category,
                    sum(unblended_cost) * CASE WHEN business_unit = (SELECT min(business_unit) FROM kms_cost_daily WHERE business_unit <> '') THEN 1.02 ELSE 1 END AS cost,
                    sum(usage_quantity) AS quantity
             FROM kms_cost_daily WHERE day >= $1::date AND day < $1::date + interval '1 month'
             GROUP BY 1, 2, 3, 4, 5, 6) c`,
      [month, IMPORT_ID],
    );
  });
  await rebuildCostMonths(request, baseURL!);
});

test.afterAll(async ({ request, baseURL }) => {
  if (!dbUrl || !month) return;
  await withDb(async (client) => {
    await client.query(`DELETE FROM bill_cost_line WHERE import_id = $1`, [IMPORT_ID]);
    await client.query(`DELETE FROM bill_import WHERE id = $1`, [IMPORT_ID]);
  });
  await rebuildCostMonths(request, baseURL!);
});

interface ReconciliationMonth { month: string; status: string; bill: number | null; costExplorer: number | null; difference: number | null; differencePct: number | null }

test("costs: each month says its source, and the reconciliation shows the API's bill vs Cost Explorer", async ({ page, request }) => {
  const by = (await (await request.get(`/api/costs/by-bu?granularity=month&from=${month}&to=${nextMonthEnd}`)).json()) as { sources: { month: string; label: string }[] };
  expect(by.sources.map((s) => [s.month, s.label])).toEqual([[month, "bill (final)"], [nextMonth, "Cost Explorer"]]);

  await page.goto(`/costs?from=${month}&to=${nextMonthEnd}`);
  const sources = page.getByTestId("cost-sources");
  await expect(sources.locator(`[data-month="${month.slice(0, 7)}"]`)).toHaveText(`${month.slice(0, 7)}: Source: bill (final)`);
  await expect(sources.locator(`[data-month="${nextMonth.slice(0, 7)}"]`)).toHaveText(`${nextMonth.slice(0, 7)}: Source: Cost Explorer`);
  // Every showback row of the bill month says so too.
  const billRows = page.getByTestId("costs-table").locator("tbody tr", { hasText: month });
  expect(await billRows.count()).toBeGreaterThan(0);
  for (const row of await billRows.all()) await expect(row).toContainText("bill (final)");

  const api = (await (await request.get(`/api/costs/reconciliation?from=${month}&to=${nextMonthEnd}`)).json()) as { months: ReconciliationMonth[]; rows: (ReconciliationMonth & { businessUnit: string })[] };
  const billMonth = api.months.find((m) => m.month === month)!;
  expect(billMonth.status).toBe("both");
  expect(billMonth.difference).toBeGreaterThan(0); // one BU billed 2% above Cost Explorer
  const months = page.getByTestId("reconciliation-months");
  const cells = (m: ReconciliationMonth) => [
    m.month,
    m.status === "both" ? "bill and Cost Explorer" : m.status === "billOnly" ? "bill only" : "Cost Explorer only",
    m.bill === null ? "—" : usd.format(m.bill),
    m.costExplorer === null ? "—" : usd.format(m.costExplorer),
    m.difference === null ? "—" : usd.format(m.difference),
    m.differencePct === null ? "—" : `${m.differencePct.toFixed(1)} %`,
  ];
  for (const m of api.months) await expect(months.locator("tbody tr", { hasText: m.month }).locator("td")).toHaveText(cells(m));
  expect(api.months.find((m) => m.month === nextMonth)?.status).toBe("costExplorerOnly");

  // The per-BU table exports what it shows, the API's figures.
  const perBu = page.getByTestId("reconciliation-table");
  await expect(perBu.getByTestId("reconciliation-table-count")).toContainText(`of ${api.rows.length} rows`);
  const download = page.waitForEvent("download");
  await perBu.getByRole("button", { name: "Export CSV" }).click();
  const text = await (await import("node:fs/promises")).readFile((await (await download).path())!, "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe("Month,Business unit,Sources,Bill usage (USD),Cost Explorer (USD),Difference (USD),Difference (%),\"Bill credits, tax, corrections (USD)\"");
  const billed = api.rows.find((r) => r.month === month && r.difference !== 0)!;
  expect(lines).toContain(
    [billed.month, billed.businessUnit, "bill and Cost Explorer", billed.bill, billed.costExplorer, billed.difference, billed.differencePct, 0].join(","),
  );
});

test("overview: the cost tiles say their source (the recent months have no bill here)", async ({ page }) => {
  await page.goto("/");
  const labels = page.getByTestId("cost-source");
  await expect(labels).toHaveCount(2);
  for (const label of await labels.all()) await expect(label).toHaveText("Source: Cost Explorer");
});
