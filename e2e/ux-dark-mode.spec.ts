// Dark mode (issue #20 item 7): the system preference is followed, charts included; a toggle
// overrides it and is remembered in this browser; the choice is applied before the first paint by
// an inline script carrying the CSP nonce (no flash, no CSP violation); axe stays clean in both.
import { expect, test, type Page } from "@playwright/test";
import { expectAxeCleanInBothSchemes, followSystemScheme } from "./support/axe";
import { APP_PAGES, pageUrl } from "./support/pages";

// axe twice per page and several reloads: more than the default minute on a shared machine.
test.setTimeout(180_000);

/** Lightness 0–100 of a computed colour: Chromium reports Tailwind's colours as lab(L …), oklch(L% …) or rgb(). */
function lightness(color: string): number {
  const lab = /^lab\(([\d.]+)/.exec(color);
  if (lab) return Number(lab[1]);
  const oklch = /^oklch\(([\d.]+)(%?)/.exec(color);
  if (oklch) return Number(oklch[1]) * (oklch[2] ? 1 : 100);
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(color);
  if (!rgb) throw new Error(`unreadable colour ${color}`);
  const [r, g, b] = rgb.slice(1).map(Number) as [number, number, number];
  return ((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255) * 100;
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const cardBackground = (page: Page) => page.getByTestId("chart-cost-bu").evaluate((el) => getComputedStyle(el).backgroundColor);
const tickFill = (page: Page) => page.getByTestId("chart-cost-bu").locator(".recharts-cartesian-axis-tick-value").first().evaluate((el) => getComputedStyle(el).fill);

/** Records the colour scheme <html> has when <body> is first parsed, i.e. before anything is painted. */
async function recordSchemeAtFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { schemeAtBody?: string; cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const observer = new MutationObserver(() => {
      if (document.body) {
        w.schemeAtBody = document.documentElement.dataset.theme ?? "none";
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}
const schemeAtBody = (page: Page) => page.evaluate(() => (window as unknown as { schemeAtBody?: string }).schemeAtBody);
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test("follows the system preference before the first paint, charts included, with no CSP violation", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await recordSchemeAtFirstPaint(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.getByTestId("chart-cost-bu").locator(".recharts-cartesian-axis-tick-value").first()).toBeVisible();
  expect(await schemeAtBody(page)).toBe("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // The inline script ran under the page's CSP: it carries the nonce, nothing was refused.
  const nonce = await page.locator("head script").first().evaluate((s) => (s as HTMLScriptElement).nonce ?? "");
  expect(nonce.length).toBeGreaterThan(0);
  expect(await cspViolations(page)).toEqual([]);
  expect(lightness(await bodyBackground(page))).toBeLessThan(25);
  expect(lightness(await cardBackground(page))).toBeLessThan(30);
  // Axis text is light on the dark card.
  expect(lightness(await tickFill(page))).toBeGreaterThan(60);
  await page.screenshot({ path: "e2e/artifacts/dark-overview.png", fullPage: true });

  await followSystemScheme(page, "light");
  expect(lightness(await bodyBackground(page))).toBeGreaterThan(90);
  expect(lightness(await tickFill(page))).toBeLessThan(55);
  expect(consoleErrors).toEqual([]);
});

test("the toggle overrides the system and is remembered across reloads; System follows it again", async ({ page }) => {
  await recordSchemeAtFirstPaint(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/keys");
  const toggle = page.getByRole("combobox", { name: "Theme" });
  await expect(toggle).toHaveValue("system");
  await toggle.selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.reload();
  await expect(page.getByTestId("keys-table")).toBeVisible();
  // Light from the first paint, though the system is dark.
  expect(await schemeAtBody(page)).toBe("light");
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("light");
  expect(await page.evaluate(() => localStorage.getItem("kms-finops-color-scheme"))).toBe("light");

  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  await page.goto("/resources");
  expect(await schemeAtBody(page)).toBe("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.screenshot({ path: "e2e/artifacts/dark-resources.png", fullPage: true });

  await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await page.evaluate(() => localStorage.getItem("kms-finops-color-scheme"))).toBeNull();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

// Every page (the list the responsive matrix uses too), as the local admin of the e2e server sees it.
for (const p of APP_PAGES) {
  test(`${p.name}: axe clean in the light and the dark scheme`, async ({ page, request }) => {
    await page.goto(await pageUrl(p, request));
    await expect(p.heading ? page.getByRole("heading", { level: 1, name: p.heading }) : page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
    if (p.ready) await expect(page.getByTestId(p.ready).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("error-state")).toHaveCount(0);
    await expectAxeCleanInBothSchemes(page, `scheme-${p.name}`);
  });
}
