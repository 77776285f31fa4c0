// An admin creates a webhook channel and a KEY_FINDING rule on the Alerts page; a demo ingestion
// run then finds a key still in use scheduled for deletion (e2e/support/demo-critical-run.ts runs
// the worker's jobs on the real queue). The receiver scripts/e2e.ts runs gets ONE message for
// the rule, naming that key and linking to its page; the rule shows the open condition.
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

type Received = { path: string; json: { kind: string; title: string; lines: { text: string; url?: string }[] }; signatureValid: boolean };

const receiverUrl = process.env.E2E_WEBHOOK_URL;
const inboxUrl = process.env.E2E_WEBHOOK_INBOX_URL;
const signingSecret = process.env.E2E_WEBHOOK_SECRET;
const inbox = async (): Promise<Received[]> => (await (await fetch(inboxUrl!)).json()) as Received[];

test("a KEY_FINDING rule created in the UI sends one message naming the key a demo run found pending deletion in use", async ({ page }) => {
  test.skip(!receiverUrl || !inboxUrl || !signingSecret, "needs the webhook receiver scripts/e2e.ts starts");
  test.setTimeout(180_000);
  const path = `/rules-${Date.now()}`;
  const channelName = `rules hook ${Date.now()}`;
  const ruleName = `Keys about to go ${Date.now()}`;

  await page.goto("/alerts");
  await page.getByRole("button", { name: "Add channel" }).click();
  const channelForm = page.getByRole("form", { name: "Add a channel" });
  await channelForm.getByLabel("Kind").selectOption("WEBHOOK");
  await channelForm.getByLabel("Name").fill(channelName);
  await channelForm.getByLabel("URL").fill(`${receiverUrl}${path}`);
  await channelForm.getByLabel(/^Signing secret/).fill(signingSecret!);
  await channelForm.getByRole("button", { name: "Add channel" }).click();
  await expect(channelForm).toHaveCount(0);

  await page.getByRole("button", { name: "Add rule" }).click();
  const ruleForm = page.getByRole("form", { name: "Add a rule" });
  await ruleForm.getByLabel("Rule kind").selectOption("KEY_FINDING");
  await ruleForm.getByLabel("Name").fill(ruleName);
  // The form names findings by their label (lib/domain/labels.ts), the code on hover.
  const finding = ruleForm.getByLabel(/^Pending deletion, still in use/);
  await expect(finding.locator("xpath=ancestor::label")).toHaveAttribute("title", "PENDING_DELETION_IN_USE");
  await finding.check();
  await ruleForm.getByLabel(channelName).check();
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  await expect(ruleForm).toHaveCount(0);
  const row = page.getByTestId("rule-row").filter({ hasText: ruleName });
  await expect(row).toContainText("Pending deletion, still in use at any severity or above");
  await expect(row).toContainText(channelName);

  const out = execFileSync("npx", ["--no-install", "tsx", "e2e/support/demo-critical-run.ts"], { env: process.env, encoding: "utf8", timeout: 150_000 });
  const { keyArn, alias } = JSON.parse(out.trim().split("\n").at(-1)!) as { keyArn: string; alias: string | null };

  const received = (await inbox()).filter((r) => r.path === path);
  expect(received).toHaveLength(1);
  expect(received[0]!.signatureValid).toBe(true);
  expect(received[0]!.json.kind).toBe("FIRED");
  const line = received[0]!.json.lines.find((l) => l.url?.endsWith(`/keys/${encodeURIComponent(keyArn)}`));
  expect(line, JSON.stringify(received[0]!.json.lines.map((l) => l.url))).toBeDefined();
  expect(line!.text).toContain(`PENDING_DELETION_IN_USE: ${alias ?? keyArn.split("/")[1]}`);
  expect(line!.text).toContain("7 days left before deletion");

  await page.reload();
  await expect(page.getByTestId("open-conditions")).toContainText(`PENDING_DELETION_IN_USE: ${alias ?? keyArn.split("/")[1]}`);
  await expect(row.getByTestId("rule-open")).not.toHaveText("0");

  // The rule's form open on the page with its table and conditions: no serious accessibility issue.
  await page.getByRole("button", { name: "Add rule" }).click();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: "e2e/artifacts/alerts-rules.png", fullPage: true });
});
