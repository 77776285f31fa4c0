// The Alerts page as the AUTH_MODE=none local admin: a webhook channel created in the form,
// shown with its secrets masked, "Send test" reaches the real receiver scripts/e2e.ts runs
// (E2E_WEBHOOK_*) with a valid signature, and the history shows the delivery SENT.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

type Received = { path: string; json: { kind: string; title: string; lines: { text: string; url?: string }[] }; signatureValid: boolean; status: number };

const receiverUrl = process.env.E2E_WEBHOOK_URL;
const inboxUrl = process.env.E2E_WEBHOOK_INBOX_URL;
const signingSecret = process.env.E2E_WEBHOOK_SECRET;
const inbox = async (): Promise<Received[]> => (await (await fetch(inboxUrl!)).json()) as Received[];

test("an admin creates a webhook channel, sends a test, and the receiver gets it signed", async ({ page }) => {
  test.skip(!receiverUrl || !inboxUrl || !signingSecret, "needs the webhook receiver scripts/e2e.ts starts");
  const path = `/e2e-${Date.now()}`;
  const name = `e2e webhook ${Date.now()}`;

  await page.goto("/alerts");
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await page.getByRole("button", { name: "Add channel" }).click();
  const form = page.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Kind").selectOption("WEBHOOK");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("URL").fill(`${receiverUrl}${path}/tokenAbCd`);
  // Too short first: the API's 400 names the field.
  await form.getByLabel(/^Signing secret/).evaluate((el) => el.removeAttribute("minlength"));
  await form.getByLabel(/^Signing secret/).fill("short");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByTestId("channel-error")).toHaveText("signingSecret: must be at least 16 characters");
  await form.getByLabel(/^Signing secret/).fill(signingSecret!);
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form).toHaveCount(0);

  const row = page.getByTestId("channel-row").filter({ hasText: name });
  const port = new URL(receiverUrl!).port;
  await expect(row.getByTestId("channel-destination")).toHaveText(`http://127.0.0.1:${port}/…/AbCd · secret ••••${signingSecret!.slice(-4)}`);
  await expect(page.locator("body")).not.toContainText(signingSecret!);

  await row.getByRole("button", { name: "Send test" }).click();
  await expect(row.getByTestId("test-outcome")).toHaveText("Sent");

  const received = (await inbox()).filter((r) => r.path === `${path}/tokenAbCd`);
  expect(received).toHaveLength(1);
  expect(received[0]!.signatureValid).toBe(true);
  expect(received[0]!.json.kind).toBe("TEST");
  expect(received[0]!.json.lines[0]!.url).toMatch(/^http:\/\/.+\/alerts$/);

  const delivery = page.getByTestId("delivery-row").filter({ hasText: name }).first();
  await expect(delivery.getByTestId("delivery-status")).toHaveText("SENT");
  await expect(delivery).toContainText("Test message from KMS FinOps");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: "e2e/artifacts/alerts.png", fullPage: true });
});

type Mail = { to: string[]; subject: string; text: string; html: string; authUser?: string };

test("an email channel's test message arrives at the SMTP server with its link", async ({ page }) => {
  const smtp = { host: process.env.E2E_SMTP_HOST, port: process.env.E2E_SMTP_PORT, user: process.env.E2E_SMTP_USER, password: process.env.E2E_SMTP_PASSWORD, inbox: process.env.E2E_SMTP_INBOX_URL };
  test.skip(!smtp.host || !smtp.inbox, "needs the SMTP server scripts/e2e.ts starts");
  const name = `e2e mail ${Date.now()}`;
  const to = `secops+${Date.now()}@example.com`;

  await page.goto("/alerts");
  await page.getByRole("button", { name: "Add channel" }).click();
  const form = page.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Kind").selectOption("EMAIL");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("SMTP host").fill(smtp.host!);
  await form.getByLabel("Port", { exact: true }).fill(smtp.port!);
  await form.getByRole("combobox", { name: /^TLS/ }).selectOption("none");
  await form.getByLabel("User (optional)").fill(smtp.user!);
  await form.getByLabel("Password", { exact: true }).fill(smtp.password!);
  await form.getByLabel("From", { exact: true }).fill("KMS FinOps <finops@example.com>");
  await form.getByLabel("Recipients (comma-separated)").fill(to);
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form).toHaveCount(0);

  const row = page.getByTestId("channel-row").filter({ hasText: name });
  await expect(row.getByTestId("channel-destination")).toHaveText(`${smtp.host}:${smtp.port} (none, user ${smtp.user}, password set) from KMS FinOps <finops@example.com> to ${to}`);
  await row.getByRole("button", { name: "Send test" }).click();
  await expect(row.getByTestId("test-outcome")).toHaveText("Sent");

  const mails = ((await (await fetch(smtp.inbox!)).json()) as Mail[]).filter((m) => m.to.includes(to));
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe("Test message from KMS FinOps");
  expect(mails[0]!.authUser).toBe(smtp.user);
  expect(mails[0]!.text).toMatch(/- \[INFO\] Alerts page\n {2}http:\/\/.+\/alerts/);
  expect(mails[0]!.html).toMatch(/<a href="http:\/\/[^"]+\/alerts">\[INFO\] Alerts page<\/a>/);
  await expect(page.getByTestId("delivery-row").filter({ hasText: name }).first().getByTestId("delivery-status")).toHaveText("SENT");
});
