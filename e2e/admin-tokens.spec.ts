// The API-token admin page through the production server (AUTH_MODE=none: the visitor is the
// local admin): create a token, see its secret once, use it as a bearer, revoke it, see 401.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("an admin creates a viewer token, uses its secret once shown, revokes it and it stops working", async ({ page, request }) => {
  const name = `e2e viewer ${Date.now()}`;
  await page.goto("/admin");
  await page.getByRole("link", { name: /API tokens/ }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption("viewer");
  // A viewer without business units is refused, naming the field.
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("token-error")).toHaveText("businessUnits: a viewer token needs at least one business unit");
  await form.getByLabel("Business units").fill("payments");
  await form.getByLabel("Expires in (days, 1–366)").fill("7");
  await form.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByRole("region", { name: "New token secret" });
  await expect(shown).toContainText("it will not be shown again");
  const secret = (await shown.getByTestId("token-secret").textContent())!;
  expect(secret).toMatch(/^kfo_/);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("viewer");
  await expect(row).toContainText("payments");
  await expect(row.getByTestId("token-last-used")).toHaveText("never");
  await expect(row.getByTestId("token-status")).toHaveText("active");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The secret is a bearer token of a payments viewer: only payments keys come back.
  const keys = await request.get("/api/keys?pageSize=500", { headers: { authorization: `Bearer ${secret}` } });
  expect(keys.status()).toBe(200);
  const body = await keys.json();
  expect(body.total).toBeGreaterThan(0);
  expect(new Set(body.items.map((k: { businessUnit: string }) => k.businessUnit))).toEqual(new Set(["payments"]));

  // Shown once: gone after "Done" and after a reload; the list now shows the use.
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(row.getByTestId("token-last-used")).toContainText("UTC");

  await row.getByRole("button", { name: "Revoke" }).click();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.getByTestId("token-status")).toHaveText("revoked");
  const refused = await request.get("/api/keys", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
});
