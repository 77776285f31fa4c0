// The admin pages as the AUTH_MODE=none local admin: a role mapping added on /admin/role-mappings
// (a refused one first, its error next to the field) shows up on /admin/audit with its
// before/after, and in the CSV of the same filter. The mapping is removed again at the end: it
// changes no figure other specs read, and the log keeps both rows. Then "Load more" over 100+ rows.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const GROUP = "e2e-analysts";

async function noSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a role mapping added by an admin is in the audit log and its CSV", async ({ page }) => {
  await page.goto("/admin/role-mappings");
  await expect(page.getByRole("heading", { level: 1, name: "Role mappings" })).toBeVisible();
  await page.getByLabel("IdP group").fill(GROUP);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Save mapping" }).click();
  // A viewer without business units is refused; the message sits under that field.
  await expect(page.locator("#mapping-businessUnits-error")).toHaveText("businessUnits: must name at least one business unit for a viewer");
  await expect(page.getByLabel(/^Business units/)).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel(/^Business units/).fill("payments");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const row = page.getByTestId("role-mappings-table").getByRole("row").filter({ hasText: GROUP });
  await expect(row.getByRole("cell")).toHaveText([GROUP, "viewer", "payments", "edited here", "EditDelete"]);
  await noSeriousAxeViolation(page);

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  // Newest first; other specs running alongside may log their own changes, so find ours.
  const newest = page.getByTestId("audit-table").locator("tbody tr").filter({ hasText: GROUP }).first();
  await expect(newest.getByRole("cell")).toHaveText([/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "local (AUTH_MODE=none)none", "role-mapping.update", GROUP, /role: viewer/]);
  const change = newest.getByRole("cell").last();
  await expect(change).toContainText('businessUnits: [] → ["payments"]');
  await expect(change).toContainText("source: none → database");
  await noSeriousAxeViolation(page);

  await page.getByLabel("Action").selectOption("role-mapping.update");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("audit-table").locator("tbody tr td:nth-child(3)")).toHaveText(["role-mapping.update"]);
  const link = page.getByRole("link", { name: "Download CSV" });
  await expect(link).toHaveAttribute("href", "/api/export/audit?action=role-mapping.update");
  const download = page.waitForEvent("download");
  await link.click();
  const lines = (await readFile((await (await download).path())!, "utf8")).trim().split("\n");
  expect(lines[0]).toBe("id,at,actorKind,actorId,actorName,action,target,before,after");
  const ours = lines.filter((l) => l.includes(`,${GROUP},`));
  expect(ours).toHaveLength(1);
  expect(ours[0]).toMatch(/^\d+,\d{4}-\d{2}-\d{2}T[\d:.]+Z,none,anonymous,local \(AUTH_MODE=none\),role-mapping\.update,e2e-analysts,/);

  // Removing it is logged too, newest first.
  await page.goto("/admin/role-mappings");
  await page.getByRole("button", { name: `Delete ${GROUP}` }).click();
  await expect(page.getByTestId("role-mappings-table").getByRole("row").filter({ hasText: GROUP })).toHaveCount(0);
  await page.goto("/admin/audit");
  const latest = page.getByTestId("audit-table").locator("tbody tr").filter({ hasText: GROUP }).first().getByRole("cell").last();
  await expect(latest).toContainText("source: database → none");
});

test("the audit page loads older entries 100 at a time with Load more", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/admin/audit");
  const origin = new URL(page.url()).origin;
  const groups = Array.from({ length: 101 }, (_, i) => `e2e-bulk-${String(i).padStart(3, "0")}`);
  const send = (method: "PUT" | "DELETE", group: string) =>
    page.request.fetch(`/api/admin/role-mappings/${encodeURIComponent(group)}`, { method, headers: { origin, "content-type": "application/json" }, data: method === "PUT" ? { role: "finops" } : {} });
  const inBatches = async (method: "PUT" | "DELETE") => {
    for (let i = 0; i < groups.length; i += 10) {
      for (const response of await Promise.all(groups.slice(i, i + 10).map((g) => send(method, g)))) expect(response.status()).toBe(200);
    }
  };
  await inBatches("PUT");
  // How many role-mapping entries there are, as the API pages through them.
  let total = 0;
  for (let cursor: string | null = ""; cursor !== null; ) {
    const body = (await (await page.request.get(`/api/admin/audit?action=role-mapping.update&limit=500${cursor ? `&cursor=${cursor}` : ""}`)).json()) as { items: unknown[]; nextCursor: string | null };
    total += body.items.length;
    cursor = body.nextCursor;
  }
  expect(total).toBeGreaterThan(100);
  expect(total).toBeLessThanOrEqual(200);

  await page.getByLabel("Action").selectOption("role-mapping.update");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  await expect(rows).toHaveCount(100);
  await expect(rows.first()).toContainText("e2e-bulk-100");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(total);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await inBatches("DELETE");
});

test("a group name with a slash, spaces and % travels through the URL intact", async ({ page }) => {
  await page.goto("/admin/role-mappings");
  const group = "e2e Team/EU 100% ops";
  await page.getByLabel("IdP group").fill(group);
  await page.getByLabel("Role").selectOption("finops");
  await page.getByRole("button", { name: "Save mapping" }).click();
  const row = page.getByTestId("role-mappings-table").getByRole("row").filter({ hasText: group });
  await expect(row.getByRole("cell").first()).toHaveText(group);
  const listed = (await (await page.request.get("/api/admin/role-mappings")).json()) as { items: { group: string }[] };
  expect(listed.items.map((m) => m.group)).toContain(group);
  await page.getByRole("button", { name: `Delete ${group}` }).click();
  await expect(row).toHaveCount(0);
});
