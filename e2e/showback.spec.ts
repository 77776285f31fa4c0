import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";

// The monthly showback pack from the Costs page: the PDF the server prints with Chromium from its
// own print page, read back with unpdf and compared with what the API answers for that month.

type CostRow = { period: string; group: string; keys: number; requests: number; other: number; total: number };
type CoveragePoint = { day: string; group: string; coverageByCountPct: number | null; resources: number };

const usd = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const monthEnd = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

test("the showback PDF downloaded from the Costs page holds the month's cost and coverage per business unit", async ({ page, request }) => {
  test.setTimeout(120_000);
  // The last full month of the demo's cost data.
  const overview = await (await request.get("/api/overview")).json();
  const costDay = overview.asOf.costs as string;
  const [y, m] = costDay.split("-").map(Number) as [number, number];
  const month = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  const from = `${month}-01`;
  const to = monthEnd(month);

  const costs = (await (await request.get(`/api/costs/by-bu?granularity=month&from=${from}&to=${to}`)).json()) as { rows: CostRow[] };
  expect(costs.rows.length).toBeGreaterThan(1);
  // The overview's monthly series holds the same month with the same totals.
  const overviewRows = (overview.series.costByBuMonthly as (CostRow & { businessUnit: string })[]).filter((r) => r.period === from);
  expect(new Map(overviewRows.map((r) => [r.businessUnit, r.total]))).toEqual(new Map(costs.rows.map((r) => [r.group, r.total])));
  const coverage = (await (await request.get(`/api/coverage?groupBy=bu&from=${from}&to=${to}`)).json()) as { points: CoveragePoint[] };
  const closingDay = coverage.points.reduce((d, p) => (p.day > d ? p.day : d), "");
  const closing = coverage.points.filter((p) => p.day === closingDay);
  expect(closing.length).toBeGreaterThan(1);

  await page.goto("/costs");
  await page.getByTestId("showback-month").fill(month);
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.getByTestId("showback-pdf").click()]);
  expect(download.suggestedFilename()).toBe(`kms-showback-${month}.pdf`);
  const pdf = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  test.info().annotations.push({ type: "render", description: `PDF of ${pdf.length} bytes in ${Date.now() - started} ms` });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  if (process.env.S6_DEBUG) { (await import("node:fs")).writeFileSync("/tmp/s6-pack.pdf", pdf); console.log(`render ${Date.now() - started} ms`); }

  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  const monthName = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${from}T00:00:00Z`));
  expect(flat).toContain(`KMS showback pack: ${monthName}`);
  // Cost per business unit: every row of the API's month, and the month's total.
  for (const row of costs.rows) {
    expect(flat, `cost row of ${row.group}`).toContain(`${row.group} ${usd(row.keys)} ${usd(row.requests)} ${usd(row.other)} ${usd(row.total)}`);
  }
  const total = costs.rows.reduce((a, r) => a + Math.round(r.total * 100), 0) / 100;
  expect(flat).toContain(`KMS cost, ${monthName} ${usd(total)}`);
  // Coverage per business unit on the month's last day with coverage: resources and coverage by count.
  for (const p of closing) {
    const pct = p.coverageByCountPct === null ? "—" : `${p.coverageByCountPct.toFixed(1)}%`;
    expect(flat, `coverage row of ${p.group}`).toContain(`${p.group} ${new Intl.NumberFormat("en-US").format(p.resources)} ${pct}`);
  }
  // Savings, as the savings API projects them.
  const idle = await (await request.get("/api/savings/idle-keys?pageSize=1")).json();
  expect(flat).toContain(`Unused and disabled keys ${usd(idle.monthlySavings)}`);

  // The renderer's short-lived credential was revoked once the pack was printed.
  const tokens = await (await request.get("/api/admin/tokens")).json();
  const renderTokens = (tokens.items as { name: string; status: string }[]).filter((t) => t.name === `internal: showback pack ${month}`);
  expect(renderTokens.length).toBeGreaterThan(0);
  expect(renderTokens.every((t) => t.status === "revoked")).toBe(true);

  // The month's chargeback CSV sits beside the button.
  await expect(page.getByTestId("showback-csv")).toHaveAttribute("href", `/api/export/chargeback?from=${month}&to=${month}`);
});

test("the showback route refuses a bad month with a 400 naming it", async ({ request }) => {
  const response = await request.get("/api/reports/showback?month=2026-13");
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toBe("month: must be a month like 2026-11");
});
