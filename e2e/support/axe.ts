// axe-core checks shared by the specs: WCAG 2.1 A/AA, serious and critical issues block. Both
// colour schemes are checked where a page is (issue #20 item 7): dark must keep the contrast light has.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type Scheme = "light" | "dark";

/** Serious or critical violations on the page as it is now, as "rule: selectors" lines. */
export async function blockingAxeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Switches the system preference and waits for the page to follow it (no stored choice). */
export async function followSystemScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
}

/** axe clean in light, then in dark (the page follows the system preference live). */
export async function expectAxeCleanInBothSchemes(page: Page, screenshot?: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await followSystemScheme(page, scheme);
    if (screenshot) await page.screenshot({ path: `e2e/artifacts/${screenshot}-${scheme}.png`, fullPage: true });
    expect(await blockingAxeViolations(page), `axe in the ${scheme} scheme`).toEqual([]);
  }
}
