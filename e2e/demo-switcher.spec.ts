// The demo's "Viewing as" switcher against the AUTH_MODE=demo server scripts/e2e.ts starts for
// this spec (same build and database as the others): the visitor picks a BU manager in the
// banner and from then on every page and API answer is that BU's, then switches back to admin.
import { expect, test } from "@playwright/test";
import { readCount } from "./read-figures";

const base = process.env.E2E_DEMO_BASE_URL;
if (!base) throw new Error("e2e/demo-switcher.spec.ts needs the AUTH_MODE=demo server: run it through scripts/e2e.ts");

// The server closes idle keep-alive sockets after 5 s; a request that reuses one at that moment
// fails with ECONNRESET before reaching the app. Playwright retries exactly that error.
const KEEP_ALIVE_RETRY = { maxRetries: 2 };

type Keys = { total: number; items: { businessUnit: string }[] };

test("a demo visitor views the dashboard as a BU manager, then as the admin again", async ({ page, context }) => {
  // The largest BU by keys, read as the demo admin before switching.
  const adminKeys = (await (await page.request.get(`${base}/api/keys?pageSize=500`, KEEP_ALIVE_RETRY)).json()) as Keys;
  const counts = new Map<string, number>();
  for (const k of adminKeys.items) counts.set(k.businessUnit, (counts.get(k.businessUnit) ?? 0) + 1);
  const [bu] = [...counts].filter(([b]) => b !== "(untagged)").sort((a, b) => b[1] - a[1])[0]!;
  const buKeys = (await (await page.request.get(`${base}/api/keys?pageSize=500&bu=${encodeURIComponent(bu)}`, KEEP_ALIVE_RETRY)).json()) as Keys;

  await page.goto(`${base}/`);
  const switcher = page.getByLabel("Viewing as:");
  await expect(switcher).toHaveValue("");
  await expect(page.getByText("Demo admin · admin")).toBeVisible();
  const adminCmk = await readCount(page, "kpi-cmk-count");
  expect(await page.getByTestId("coverage-by-bu").locator("tbody tr").count()).toBeGreaterThan(1);

  await switcher.selectOption({ label: `BU manager of ${bu}` });
  await expect(page.getByText(`Demo BU manager of ${bu} · viewer · business units: ${bu}`)).toBeVisible();
  await expect(switcher).toHaveValue(bu);
  const cookie = (await context.cookies()).find((c) => c.name === "kms_finops_demo_view")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  // The overview page: only that BU's row, and fewer customer managed keys than the admin saw.
  await expect(page.getByTestId("coverage-by-bu").locator("tbody th")).toHaveText([bu]);
  const buCmk = await readCount(page, "kpi-cmk-count");
  expect(buCmk).toBeLessThan(adminCmk);
  // The API the browser calls: that BU's keys only, as many as the admin's ?bu= answer; another BU is out of scope.
  const mine = (await (await page.request.get(`${base}/api/keys?pageSize=500`, KEEP_ALIVE_RETRY)).json()) as Keys;
  expect(mine.total).toBe(buKeys.total);
  expect(new Set(mine.items.map((k) => k.businessUnit))).toEqual(new Set([bu]));
  const another = [...counts.keys()].find((b) => b !== bu)!;
  expect((await page.request.get(`${base}/api/keys?bu=${encodeURIComponent(another)}`, KEEP_ALIVE_RETRY)).status()).toBe(404);
  // The keys page shows the same total.
  await page.goto(`${base}/keys`);
  await expect(page.getByTestId("keys-table-count")).toContainText(`of ${buKeys.total.toLocaleString("en-US")}`);

  await page.getByLabel("Viewing as:").selectOption({ label: "Admin" });
  await expect(page.getByText("Demo admin · admin")).toBeVisible();
  expect((await (await page.request.get(`${base}/api/keys?pageSize=500`, KEEP_ALIVE_RETRY)).json()).total).toBe(adminKeys.total);
});

test("an unknown business unit is refused with 400 naming the field", async ({ request }) => {
  const response = await request.post(`${base}/auth/demo-view`, { headers: { "content-type": "application/json", origin: base! }, data: { businessUnit: "no-such-bu" } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toMatch(/^businessUnit: /);
});

test("outside demo mode the switch route is 404 and sets no cookie", async ({ request }) => {
  const oidc = process.env.E2E_OIDC_BASE_URL!;
  const response = await request.post(`${oidc}/auth/demo-view`, { headers: { "content-type": "application/json", origin: oidc }, data: { businessUnit: null } });
  expect(response.status()).toBe(404);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});
