import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
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

type Mail = { to: string[]; subject: string; text: string; attachments: { filename: string; contentType: string; contentBase64: string }[] };

// What the worker does on the 1st, run from here against the built app (scripts/e2e.ts starts no
// worker): the schedule's pack is printed by Chromium from the running dashboard, queued in the
// outbox and sent through the email channel to the harness SMTP server, PDF and CSV attached.
test("a scheduled showback pack arrives by email with the month's PDF and chargeback CSV", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const inbox = process.env.E2E_SMTP_INBOX_URL;
  test.skip(!inbox || !process.env.DATABASE_URL, "needs the SMTP server and the database scripts/e2e.ts provides");
  const [{ createDb }, { sendSchedule }, { deliverDue }, pino] = await Promise.all([import("@/lib/db/client"), import("@/lib/reports/send"), import("@/lib/alerts/deliver"), import("pino")]);
  const json = { "content-type": "application/json", origin: baseURL! };
  const channel = await request.post("/api/alerts/channels", {
    headers: json,
    data: { kind: "EMAIL", name: `showback mail ${Date.now()}`, host: process.env.E2E_SMTP_HOST, port: process.env.E2E_SMTP_PORT, tls: "none", user: process.env.E2E_SMTP_USER, password: process.env.E2E_SMTP_PASSWORD, from: "finops@example.com", recipients: [] },
  });
  expect(channel.status()).toBe(201);
  const to = `finops-review+${Date.now()}@example.com`;
  const created = await request.post("/api/reports/schedules", { headers: json, data: { kind: "MONTHLY_SHOWBACK", name: "FinOps review", channelId: (await channel.json()).id, recipients: [to] } });
  expect(created.status()).toBe(201);
  const overview = await (await request.get("/api/overview")).json();
  const [y, m] = (overview.asOf.costs as string).split("-").map(Number) as [number, number];
  const month = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);

  const db = createDb(process.env.DATABASE_URL!, 2);
  try {
    const schedule = await db.reportSchedule.findUniqueOrThrow({ where: { id: (await created.json()).id } });
    const queued = await sendSchedule({ db, log: pino.default({ level: "silent" }), renderBaseUrl: baseURL! }, schedule, { now: new Date(), month, claim: true });
    expect(queued).toHaveLength(1);
    expect((await deliverDue(db)).filter((o) => o.id === queued[0]).map((o) => o.status)).toEqual(["SENT"]);
  } finally {
    await db.$disconnect();
  }

  const mails = ((await (await fetch(inbox!)).json()) as Mail[]).filter((mail) => mail.to.includes(to));
  expect(mails.map((mail) => mail.subject)).toEqual([`KMS showback pack: ${month}`]);
  const [pdf, csv] = mails[0]!.attachments;
  expect([pdf?.filename, pdf?.contentType, csv?.filename, csv?.contentType]).toEqual([`kms-showback-${month}.pdf`, "application/pdf", `kms-chargeback-${month}.csv`, "text/csv"]);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(pdf!.contentBase64, "base64"))), { mergePages: true });
  const costs = (await (await request.get(`/api/costs/by-bu?granularity=month&from=${month}-01&to=${monthEnd(month)}`)).json()) as { rows: CostRow[] };
  const total = costs.rows.reduce((a, r) => a + Math.round(r.total * 100), 0) / 100;
  expect(text.replace(/\s+/g, " ")).toContain(usd(total));
  // The CSV is the month's chargeback export: its BilledCost adds up to the month's total.
  const rows = parse(Buffer.from(csv!.contentBase64, "base64"), { columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.BillingPeriodStart!.startsWith(month))).toBe(true);
  expect(Math.round(rows.reduce((a, r) => a + Number(r.BilledCost), 0) * 100) / 100).toBe(total);
});

// An admin schedules the weekly digest on the Alerts page and sends it now: the schedule is listed
// with its next Monday, and "Send now" queues the worker's job.
test("an admin adds a weekly digest schedule on the Alerts page and sends it now", async ({ page, request, baseURL }) => {
  const channelName = `digest mail ${Date.now()}`;
  const channel = await request.post("/api/alerts/channels", {
    headers: { "content-type": "application/json", origin: baseURL! },
    data: { kind: "EMAIL", name: channelName, host: "127.0.0.1", port: 2525, tls: "none", from: "finops@example.com", recipients: [] },
  });
  expect(channel.status()).toBe(201);
  const name = `EM digest ${Date.now()}`;
  await page.goto("/alerts");
  await page.getByRole("button", { name: "Add schedule" }).click();
  const form = page.getByRole("form", { name: "New report schedule" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email channel").selectOption({ label: channelName });
  await form.getByLabel("Recipients (comma-separated)").fill("em-payments@example.com");
  await form.getByLabel(/^Business units/).fill("payments");
  await form.getByRole("button", { name: "Add schedule" }).click();
  await expect(form).toHaveCount(0);

  const row = page.getByTestId("report-schedules-table").getByRole("row").filter({ hasText: name });
  const monday = (await (await request.get("/api/reports/schedules")).json()).items.find((s: { name: string }) => s.name === name).nextSendAt as string;
  expect(new Date(monday).getUTCDay()).toBe(1);
  await expect(row.getByRole("cell")).toHaveText([name, "Weekly digest", "em-payments@example.com", "payments", "—", `${monday.slice(0, 16).replace("T", " ")} UTC`, "Send nowEditDelete"]);
  await row.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Queued" })).toBeVisible();
});
