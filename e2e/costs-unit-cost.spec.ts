// The Costs page's KMS cost per TiB of CMK storage: the chart's table, the figures table and its
// CSV show what GET /api/costs/unit-cost answers for the demo organization.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { formatMonthShort, formatUsd } from "@/lib/domain/format";

interface UnitCostRow {
  month: string;
  businessUnit: string;
  cost: number;
  costPerTiB: number | null;
}

test("costs: cost per TiB of CMK storage matches the API in the chart's table, the table and its CSV", async ({ page, request }) => {
  const api = (await (await request.get("/api/costs/unit-cost")).json()) as { rows: UnitCostRow[] };
  // The latest month's BU with the most CMK-backed figure to check; the page asks for the same default range.
  const priced = api.rows.filter((r) => r.costPerTiB !== null);
  expect(priced.length).toBeGreaterThan(0);
  const row = priced.at(-1)!;
  const month = row.month.slice(0, 7);
  const figure = formatUsd(row.costPerTiB!);
  await page.goto("/costs");

  // The chart's Table view: one row per month, one column per business unit.
  const card = page.getByTestId("chart-unit-cost");
  await card.getByRole("button", { name: "table" }).click();
  await expect(card.locator("tbody tr").first()).toBeVisible({ timeout: 30_000 });
  const headers = await card.locator("thead th").allInnerTexts();
  const column = headers.findIndex((h) => h.trim().toUpperCase() === row.businessUnit.toUpperCase());
  expect(column, `${row.businessUnit} is a column of the chart's table`).toBeGreaterThan(0);
  // The chart's table names months in words ("Dec 2026").
  await expect(card.locator("tbody tr").filter({ hasText: formatMonthShort(month) }).locator("th, td").nth(column)).toHaveText(figure);

  // The figures table, narrowed to the BU, and its CSV with the raw figure.
  const table = page.getByTestId("unit-cost-table");
  await table.getByRole("searchbox", { name: "Search" }).fill(row.businessUnit);
  const line = table.locator("tbody tr").filter({ hasText: month }).filter({ hasText: row.businessUnit }).first();
  await expect(line.locator("td").nth(5)).toHaveText(figure);
  await expect(line.locator("td").nth(2)).toHaveText(formatUsd(row.cost));
  const download = page.waitForEvent("download");
  await table.getByRole("button", { name: "Export CSV" }).click();
  const [header, ...lines] = (await readFile((await (await download).path())!, "utf8")).trim().split("\r\n");
  const names = header!.split(",");
  const csv = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i]!, v])));
  const csvRow = csv.find((r) => r.Month === month && r["Business unit"] === row.businessUnit);
  expect(Number(csvRow?.["Cost per TiB (USD)"])).toBeCloseTo(row.costPerTiB!, 8);
});
