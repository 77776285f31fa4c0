import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { readUsd } from "./read-figures";

interface Figures {
  resources: number;
  keysPerBuEnv: number;
  keysPerApplication: number;
  monthlyPerBuEnv: number;
  monthlyPerApplication: number;
  requestCost: "unchanged" | null;
}
type Answer = { businessUnits: (Figures & { businessUnit: string })[]; total: Figures };

const usd = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n);

test("savings: the cost of compliance shows the API's totals and per-BU rows, and exports them", async ({ page, request }) => {
  const api = (await (await request.get("/api/savings/compliance-cost")).json()) as Answer;
  expect(api.businessUnits.length).toBeGreaterThan(0);
  await page.goto("/savings");
  const table = page.getByTestId("compliance-cost-table");
  await expect(table).toBeVisible();
  await expect(page.getByTestId("chart-compliance-cost")).toBeVisible();
  expect(await readUsd(page, "compliance-cost-bu-env")).toBe(api.total.monthlyPerBuEnv);
  expect(await readUsd(page, "compliance-cost-application")).toBe(api.total.monthlyPerApplication);
  await expect(table.getByTestId("compliance-cost-table-count")).toHaveText(`${api.businessUnits.length} of ${api.businessUnits.length} rows`);
  const bu = api.businessUnits[0]!;
  await expect(table.locator("tbody tr", { hasText: bu.businessUnit }).locator("td").nth(3)).toHaveText(usd(bu.monthlyPerBuEnv));

  const download = page.waitForEvent("download");
  await table.getByRole("button", { name: "Export CSV" }).click();
  const lines = (await readFile((await (await download).path())!, "utf8")).trim().split(/\r?\n/);
  expect(lines).toHaveLength(api.businessUnits.length + 1);
  expect(lines[0]).toBe(
    "Business unit,Non-compliant resources,New keys (per BU × env),USD / month (per BU × env) 1st year,USD / month (per BU × env) rotations capped," +
      "New keys (per application),USD / month (per application) 1st year,USD / month (per application) rotations capped,Request cost",
  );
  // The demo's business units hold no comma: a row splits on it.
  const row = lines.find((l) => l.startsWith(`${bu.businessUnit},`))!.split(",");
  expect(row.slice(0, 4)).toEqual([bu.businessUnit, String(bu.resources), String(bu.keysPerBuEnv), String(bu.monthlyPerBuEnv)]);
  expect(row.at(-1)).toBe(bu.requestCost ?? "no data");
});
