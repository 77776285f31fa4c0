import { expect as baseExpect, test, type Page } from "@playwright/test";
import { NAV_LABELS } from "./support/nav";
import { APP_PAGES, pageUrl } from "./support/pages";
import { createLongValues } from "./support/long-values";

// Generous waits: with several builds and e2e runs on a shared 2-core machine a page's first
// queries took tens of seconds (10 s, the default, failed pages that were only slow).
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 240_000 });

// Issue 20: every page at a phone's width (390 px), a tablet's (768 px) and a laptop's (1440 px):
// the page never scrolls sideways (wide tables scroll inside their card), every navigation link
// can be reached (directly, or behind the "Menu" button below 768 px), and nothing fails in the
// browser (console error, uncaught exception, failed request). The e2e server runs AUTH_MODE=none:
// every visitor is the local admin, so the admin pages and the Alerts/Admin links are there.

const WIDTHS = [390, 768, 1440] as const;

interface KeyItem {
  keyArn: string;
  keyId: string;
  aliases: string[];
  keyManager: "CUSTOMER" | "AWS";
  findings: string[];
}
interface ResourceItem {
  resourceArn: string;
  name: string;
}
type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };

const keyLabel = (k: KeyItem) => (k.aliases.length ? k.aliases.join(", ") : k.keyId);

/** What went wrong in the browser while the page was used. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") failures.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => failures.push(`exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    // An abort is the app's own choice (a query superseded by the next one, a prefetch dropped on
    // navigation), not a failure of the server or the network.
    if (r.failure()?.errorText !== "net::ERR_ABORTED") failures.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) failures.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return failures;
}

/** The page has drawn its data: no request in flight and no loading indicator left. */
async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  // Generous: the shared CI machine answers a page's first queries in tens of seconds when busy.
  await expect(page.locator("main").getByRole("status").filter({ hasText: /Loading/ })).toHaveCount(0, { timeout: 90_000 });
}

/**
 * How far the document reaches sideways, against the window's width, and what sticks out: the
 * innermost elements past the window's right edge that no scroller clips (an absolutely placed
 * box is not clipped by a scroller it is not placed against, so it is always named).
 */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = window.innerWidth;
    const pastEdge = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const clipped = (el: Element) => {
      if (["absolute", "fixed"].includes(getComputedStyle(el).position)) return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const stickingOut = [...document.body.querySelectorAll("*")]
      .filter((el) => pastEdge(el) && ![...el.children].some(pastEdge) && !clipped(el))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> "${(el.textContent ?? "").trim().slice(0, 60)}" ends at ${Math.round(el.getBoundingClientRect().right)} px`);
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, stickingOut };
  });

/** Every navigation link on screen: within the window's width, opening the menu first when there is one. */
async function expectNavigationReachable(page: Page, width: number) {
  const nav = page.getByRole("banner").getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: /Menu/ });
  if (width < 768) {
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
  } else {
    await expect(menu).toBeHidden();
  }
  await expect(nav.getByRole("link")).toHaveText(NAV_LABELS);
  for (const label of NAV_LABELS) {
    const link = nav.getByRole("link", { name: label, exact: true });
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x, `${label} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${label} ends inside the ${width} px window`).toBeLessThanOrEqual(width);
  }
}

test.describe("tables fit their card", () => {
  test("390 px: the keys table scrolls inside its card, its key column stays in view", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto("/keys");
    const table = page.getByTestId("keys-table");
    const scroller = table.locator("table").locator("xpath=..");
    await expect(table.locator("tbody tr").first()).toBeVisible();
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth, "the table is wider than a phone: it scrolls inside the card").toBeGreaterThan(clientWidth);
    const firstCell = table.locator("tbody tr").first().locator("td").first();
    const before = (await firstCell.boundingBox())!.x;
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(async () => (await firstCell.boundingBox())!.x, { message: "the key column is sticky" }).toBe(before);
    // A column further right did move.
    const lastCell = table.locator("tbody tr").first().locator("td").last();
    expect((await lastCell.boundingBox())!.x + (await lastCell.boundingBox())!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "e2e/artifacts/responsive/keys-390-scrolled.png" });
  });

  test("1440 px: the keys and resources tables are no wider than their card; days and regions on one line", async ({ page }) => {
    for (const [path, testId] of [["/keys", "keys-table"], ["/resources", "resources-table"]] as const) {
      await page.goto(path);
      const table = page.getByTestId(testId);
      await expect(table.locator("tbody tr").first()).toBeVisible();
      const { scrollWidth, clientWidth } = await table.locator("table").locator("xpath=..").evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(scrollWidth, `${testId} fits its ${clientWidth} px card`).toBeLessThanOrEqual(clientWidth);
      // Days, regions, accounts and figures on one line: their text's boxes share one top (a
      // wrapped "2026-02-/28" has two). Counted from the text itself, not the cell, which takes
      // the row's height.
      const lines = await table.locator("tbody td").evaluateAll((cells) =>
        cells
          .filter((c) => getComputedStyle(c).display !== "none" && /^(\d{4}-\d{2}-\d{2}|[a-z]{2}(-[a-z]+)+-\d|\d{12})$/.test((c.textContent ?? "").trim()))
          .map((c) => {
            const range = document.createRange();
            range.selectNodeContents(c);
            return { text: c.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
          }),
      );
      expect(lines.length, "the table shows days, regions or accounts").toBeGreaterThan(0);
      expect(lines.filter((l) => l.lines > 1)).toEqual([]);
    }
  });
});

test.describe("keys: order, filters and names", () => {
  test("default order: customer managed keys first, the API's order; no key without a name", async ({ page, request }) => {
    const api = (await (await request.get("/api/keys?pageSize=50")).json()) as Paged<KeyItem>;
    const customer = (await (await request.get("/api/keys?manager=CUSTOMER&pageSize=1")).json()) as Paged<KeyItem>;
    expect(customer.total, "the demo organization has customer managed keys").toBeGreaterThan(0);
    // The first min(50, customer keys) rows are customer managed, the rest AWS managed.
    const firstPageCustomer = Math.min(50, customer.total);
    expect(api.items.map((k) => k.keyManager)).toEqual([...Array(firstPageCustomer).fill("CUSTOMER"), ...Array(api.items.length - firstPageCustomer).fill("AWS")]);
    await page.goto("/keys");
    const rows = page.getByTestId("keys-table").locator("tbody tr");
    await expect(rows.locator("td:first-child")).toHaveText(api.items.map(keyLabel));
    // The full ARN behind each name, on hover.
    await expect(rows.first().getByTestId("truncated-value")).toHaveAttribute("title", api.items[0]!.keyArn);
  });

  test("a key without alias shows its key id", async ({ page, request }) => {
    // Customer managed keys without alias come last of their group: on the last customer page.
    const customer = (await (await request.get("/api/keys?manager=CUSTOMER&pageSize=1")).json()) as Paged<KeyItem>;
    const lastPage = Math.max(1, Math.ceil(customer.total / 50));
    const api = (await (await request.get(`/api/keys?manager=CUSTOMER&page=${lastPage}`)).json()) as Paged<KeyItem>;
    const bare = api.items.filter((k) => k.aliases.length === 0);
    test.skip(bare.length === 0, "the demo organization has no customer managed key without alias");
    await page.goto(`/keys?manager=CUSTOMER${lastPage > 1 ? `&page=${lastPage}` : ""}`);
    const firstCells = page.getByTestId("keys-table").locator("tbody tr td:first-child");
    await expect(firstCells).toHaveText(api.items.map(keyLabel));
    await expect(firstCells.filter({ hasText: bare[0]!.keyId })).toHaveCount(1);
  });

  test("the manager and finding filters: the API's parameter names in the URL, the API's rows", async ({ page, request }) => {
    await page.goto("/keys");
    const table = page.getByTestId("keys-table");
    await expect(table.locator("tbody tr").first()).toBeVisible();
    await page.getByTestId("key-list-filters").getByLabel("Manager").selectOption("AWS");
    await expect(page).toHaveURL(/[?&]manager=AWS(&|$)/);
    const aws = (await (await request.get("/api/keys?manager=AWS")).json()) as Paged<KeyItem>;
    await expect(page.getByTestId("keys-table-count")).toHaveText(`1–${aws.items.length} of ${aws.total.toLocaleString("en-US")}`);
    await expect(table.locator("tbody tr td:first-child")).toHaveText(aws.items.map(keyLabel));

    await page.getByTestId("key-list-filters").getByLabel("Manager").selectOption("");
    await page.getByTestId("key-list-filters").getByLabel("Finding").selectOption("UNUSED");
    await expect(page).toHaveURL(/[?&]finding=UNUSED(&|$)/);
    await expect(page).not.toHaveURL(/manager=/);
    const unused = (await (await request.get("/api/keys?finding=UNUSED")).json()) as Paged<KeyItem>;
    expect(unused.total, "the demo organization has unused keys").toBeGreaterThan(0);
    expect(unused.items.every((k) => k.findings.includes("UNUSED"))).toBe(true);
    await expect(page.getByTestId("keys-table-count")).toHaveText(`1–${unused.items.length} of ${unused.total.toLocaleString("en-US")}`);
    await expect(table.locator("tbody tr td:first-child")).toHaveText(unused.items.map(keyLabel));
    // A link with the filter opens the same view.
    await page.reload();
    await expect(page.getByTestId("key-list-filters").getByLabel("Finding")).toHaveValue("UNUSED");
    await expect(table.locator("tbody tr td:first-child")).toHaveText(unused.items.map(keyLabel));
    await page.screenshot({ path: "e2e/artifacts/responsive/keys-filtered.png", fullPage: true });
  });
});

test("resources: each row by its name with the ARN on hover and copy, no raw ARN on screen", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const api = (await (await request.get("/api/resources/noncompliant?pageSize=50")).json()) as Paged<ResourceItem>;
  expect(api.items.length).toBeGreaterThan(0);
  await page.goto("/resources");
  const table = page.getByTestId("resources-table");
  await expect(table.locator("tbody tr td:first-child")).toHaveText(api.items.map((r) => r.name || r.resourceArn));
  await expect(table.getByTestId("truncated-value")).toHaveCount(api.items.length);
  for (const [i, r] of api.items.slice(0, 5).entries()) await expect(table.getByTestId("truncated-value").nth(i)).toHaveAttribute("title", r.resourceArn);
  await expect(table.locator("tbody td").filter({ hasText: /^arn:/ })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "ARN" })).toHaveCount(0);
  // The copy button next to a cut name puts the whole ARN on the clipboard.
  await table.locator("tbody tr").first().getByRole("button", { name: "Copy ARN" }).click();
  await expect(table.locator("tbody tr").first().getByRole("button", { name: "Copied ARN" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(api.items[0]!.resourceArn);
});

// Alert rules, channels, report schedules, deliveries, tokens and users whose names, addresses and
// hosts are long unbroken words, as earlier specs of a full run leave them (their tables used to
// make /alerts 862 px and the admin pages 761 px wide on a phone): created here, so this spec
// checks those pages with rows whether it runs alone or after the others.
test.beforeAll(async ({ request, browser, baseURL }) => {
  test.setTimeout(120_000);
  await createLongValues(request, browser, baseURL!);
});

for (const width of WIDTHS) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const p of APP_PAGES) {
      test(`${p.name}: no sideways scroll, navigation reachable, nothing fails`, async ({ page, request }) => {
        test.setTimeout(180_000);
        const failures = watchFailures(page);
        await page.goto(await pageUrl(p, request));
        const heading = p.heading ? page.getByRole("heading", { level: 1, name: p.heading }) : page.getByRole("heading", { level: 1 });
        await expect(heading).toBeVisible({ timeout: 60_000 });
        if (p.ready) await expect(page.getByTestId(p.ready).first()).toBeVisible();
        await settled(page);
        await expect(page.getByTestId("error-state")).toHaveCount(0);
        const { scrollWidth, innerWidth, stickingOut } = await horizontalOverflow(page);
        expect(scrollWidth, `${p.path} is ${scrollWidth} px wide in a ${innerWidth} px window; sticking out: ${stickingOut.join("; ")}`).toBeLessThanOrEqual(innerWidth);
        await page.screenshot({ path: `e2e/artifacts/responsive/${p.name}-${width}.png`, fullPage: true });
        await expectNavigationReachable(page, width);
        if (width < 768) await page.screenshot({ path: `e2e/artifacts/responsive/${p.name}-${width}-menu.png` });
        expect(failures).toEqual([]);
      });
    }
  });
}
