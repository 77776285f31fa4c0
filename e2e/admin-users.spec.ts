// Users & sessions on the AUTH_MODE=oidc server: an admin ends another user's browser session
// from the page (one session, then everywhere) and that user's cookie stops working at once.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { base, signIn } from "./oidc-sign-in";

test.skip(!base, "needs the AUTH_MODE=oidc server that scripts/e2e.ts starts");

const SAM = "sam.signout@example.test";

/** Sam (finops) signed in in a browser of their own; their page's requests carry their cookie. */
async function samSignedIn(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "sam.signout");
  expect((await page.request.get(`${base}/api/keys`)).status()).toBe(200);
  return page;
}

test("an admin revokes a user's session, then signs them out everywhere", async ({ page, browser }) => {
  const sam = await samSignedIn(browser);
  await signIn(page, "ada.admin", "/admin/users");
  await expect(page.getByRole("heading", { name: "Users & sessions", level: 1 })).toBeVisible();

  // One session: Sam's row in the live sessions, revoked there.
  const session = page.getByTestId("session-row").filter({ hasText: SAM });
  await expect(session).toHaveCount(1);
  await expect(session).toContainText("finops");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await session.getByRole("button", { name: "Revoke" }).click();
  await session.getByRole("button", { name: "Revoke session" }).click();
  await expect(session).toHaveCount(0);
  expect((await sam.request.get(`${base}/api/keys`)).status()).toBe(401);

  // Everywhere: two fresh browsers of Sam's, one click.
  const samAgain = [await samSignedIn(browser), await samSignedIn(browser)];
  await page.reload();
  const user = page.getByTestId("user-row").filter({ hasText: SAM });
  await expect(user.getByRole("cell").nth(6)).toHaveText("2");
  await user.getByRole("button", { name: "Sign out everywhere" }).click();
  await user.getByRole("button", { name: `Sign out ${SAM}` }).click();
  await expect(user.getByRole("cell").nth(6)).toHaveText("0");
  for (const p of samAgain) expect((await p.request.get(`${base}/api/keys`)).status()).toBe(401);
  // The admin's own session is untouched.
  expect((await page.request.get(`${base}/api/admin/sessions`)).status()).toBe(200);
});
