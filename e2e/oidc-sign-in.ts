// Signing in through the e2e OpenID Connect provider (tests/oidc/provider.ts) on the
// AUTH_MODE=oidc server scripts/e2e.ts starts; its login form takes any password.
import type { Page } from "@playwright/test";

/** The AUTH_MODE=oidc server's address; unset when that server is not running (specs skip). */
export const base = process.env.E2E_OIDC_BASE_URL;

/** Goes to `path`, is sent to the IdP, signs in with its login form and consents. */
export async function signIn(page: Page, login: string, path = "/") {
  await page.goto(`${base}${path}`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}
