import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { parseCsv } from "./support/csv";

// Slow on a shared machine: each test opens several server-rendered pages.
test.describe.configure({ timeout: 180_000 });

// Issue 19 item 5: the Findings page — filters in the URL, the evidence in words, the fix, since
// when, and a CSV equal to the API's answer.

interface Finding {
  keyArn: string;
  code: string;
  severity: string;
  firstSeen: string;
  evidenceText: string;
  fix: string;
  businessUnit: string | null;
  accountId: string | null;
}
type Findings = { total: number; items: Finding[] };

async function api(request: APIRequestContext, path: string): Promise<Findings> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as Findings;
}

async function listTotal(page: Page): Promise<number> {
  const counter = page.getByTestId("findings-table-count");
  // A cold server loads each API route on its first call: over 10 s on a busy machine.
  await expect(counter).toHaveText(/ of [\d,]+$/, { timeout: 60_000 });
  return Number((await counter.innerText()).replace(/^.* of /, "").replaceAll(",", ""));
}

test("the overview's critical count opens the findings page filtered to it, with the evidence and fix of each row", async ({ page, request }) => {
  await page.goto("/");
  const critical = Number((await page.getByTestId("kpi-findings-critical").innerText()).replaceAll(",", ""));
  await page.getByTestId("kpi-findings-critical").getByRole("link").click();
  await expect(page).toHaveURL(/\/findings\?severity=critical$/);
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await expect(page.getByTestId("active-filter-severity")).toHaveText(/Severity: critical/);
  expect(await listTotal(page)).toBe(critical);
  const expected = await api(request, "/api/findings?severity=critical");
  expect(expected.total).toBe(critical);
  // The first row as the API has it: its severity, code, evidence sentence, fix and since.
  if (expected.items.length) {
    const first = expected.items[0]!;
    const cells = page.getByTestId("findings-table").locator("tbody tr").first().locator("td");
    await expect(cells.nth(0)).toHaveText(first.severity);
    await expect(cells.nth(1)).toHaveText(first.code);
    await expect(cells.nth(3)).toHaveText(first.evidenceText);
    await expect(cells.nth(4)).toHaveText(first.fix);
    await expect(cells.nth(5)).toHaveText(first.firstSeen);
  }
  await page.screenshot({ path: "e2e/artifacts/findings-critical.png", fullPage: true });
});

test("filters live in the URL: a summary count adds its filter, the total is that count, a reload keeps it", async ({ page, request }) => {
  await page.goto("/findings");
  const all = await api(request, "/api/findings?pageSize=1");
  expect(await listTotal(page)).toBe(all.total);
  await expect(page.getByTestId("summary-severity-critical")).toBeVisible({ timeout: 60_000 });

  // The largest finding code, then the first business unit on top of it.
  const codeLink = page.getByTestId("findings-summary").locator('[data-testid^="summary-code-"]').first();
  const code = (await codeLink.getAttribute("data-testid"))!.replace("summary-code-", "");
  const count = Number((await codeLink.innerText()).replaceAll(",", ""));
  await codeLink.click();
  await expect(page).toHaveURL(new RegExp(`/findings\\?code=${code}$`));
  // Polled: the previous page's count stays on screen (dimmed) until the new answer arrives.
  await expect.poll(() => listTotal(page), { timeout: 60_000 }).toBe(count);
  expect((await api(request, `/api/findings?code=${code}&pageSize=1`)).total).toBe(count);

  const buLink = page.getByTestId("findings-summary").locator('[data-testid^="summary-bu-"]').first();
  const bu = (await buLink.getAttribute("data-testid"))!.replace("summary-bu-", "");
  const buCount = Number((await buLink.innerText()).replaceAll(",", ""));
  await buLink.click();
  await expect(page).toHaveURL(/\/findings\?code=[A-Z_]+&bu=/);
  expect(new URL(page.url()).searchParams.get("bu")).toBe(bu);
  await expect.poll(() => listTotal(page), { timeout: 60_000 }).toBe(buCount);
  await expect(page.getByTestId("filter-bar").getByLabel("Business unit")).toHaveValue(bu);

  await page.reload();
  expect(await listTotal(page)).toBe(buCount);
  await expect(page.getByTestId("active-filter-code")).toHaveText(new RegExp(code));
  // Every row is of that code and BU, as the API lists them.
  const rows = (await api(request, `/api/findings?code=${code}&bu=${encodeURIComponent(bu)}&pageSize=50`)).items;
  const table = page.getByTestId("findings-table").locator("tbody tr");
  await expect(table).toHaveCount(rows.length);
  for (let i = 0; i < Math.min(rows.length, 5); i++) await expect(table.nth(i).locator("td").nth(3)).toHaveText(rows[i]!.evidenceText);
});

test("a shared key's evidence says how many applications against the threshold", async ({ page, request }) => {
  const shared = await api(request, "/api/findings?code=SHARED_MASTER_KEY&pageSize=1");
  test.skip(shared.total === 0, "no shared key in this organization");
  await page.goto("/findings?code=SHARED_MASTER_KEY");
  const cell = page.getByTestId("findings-table").locator("tbody tr").first().locator("td").nth(3);
  await expect(cell).toHaveText(shared.items[0]!.evidenceText);
  await expect(cell).toHaveText(/(applications?, threshold \d+|business units)/);
});

test("the CSV holds the rows the API lists, and the page is axe clean", async ({ page, request }) => {
  const filter = "severity=critical,high";
  await page.goto(`/findings?${filter}`);
  const expected = await api(request, `/api/findings?${filter}&pageSize=500`);
  expect(await listTotal(page)).toBe(expected.total);
  const download = page.waitForEvent("download");
  await page.getByTestId("findings-table").getByRole("button", { name: "Export CSV" }).click();
  const csv = parseCsv(await readFile((await (await download).path())!, "utf8"));
  expect(csv.length).toBe(expected.total);
  expect(csv.map((r) => [r.Severity, r.Finding, r["Key ARN"], r.Evidence, r.Fix, r.Since])).toEqual(
    expected.items.map((f) => [f.severity, f.code, f.keyArn, f.evidenceText, f.fix, f.firstSeen]),
  );
  await page.screenshot({ path: "e2e/artifacts/findings.png", fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
