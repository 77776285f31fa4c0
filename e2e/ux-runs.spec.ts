import { e2eDbUrl, withDb } from "./support/db";
import { expect, test } from "@playwright/test";

// What an admin reads on the Runs page (issue 20): a run whose endpoint lacks GetKeyLastUsage (12
// identical deserialization warnings on one account-region) and one AccessDenied. The run is
// written through the database as the ingestion writes it, newest of all, and removed afterwards.

const RUN_ID = "00000000-0000-4000-8000-0000000e2e20";
const ACCOUNT = "111122223333";
const dbUrl = e2eDbUrl;
const keyArn = (i: number) => `arn:aws:kms:eu-west-1:${ACCOUNT}:key/00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const RAW = `GetKeyLastUsage: Unexpected token '<', "<html><bod"... is not valid JSON`;

test.beforeAll(async () => {
  test.skip(!dbUrl, "set E2E_DATABASE_URL (or DATABASE_URL) to the served database");
  await withDb(async (client) => {
    // Started 14:03:05, finished 14:05:19 UTC on the demo's last day: 2 min 14 s.
    await client.query(
      `INSERT INTO ingestion_run (id, trigger, status, snapshot_day, requested_at, started_at, finished_at, units_total)
       SELECT $1, 'CLI', 'PARTIAL', d, now() + interval '1 minute', (d + time '14:03:05') AT TIME ZONE 'UTC', (d + time '14:05:19') AT TIME ZONE 'UTC', 1
       FROM (SELECT max(snapshot_day) AS d FROM ingestion_run) x`,
      [RUN_ID],
    );
    for (let i = 0; i < 12; i++) {
      await client.query(`INSERT INTO ingestion_warning (run_id, account_id, region, source, code, message, resource_arn) VALUES ($1, $2, 'eu-west-1', 'kms', 'SyntaxError', $3, $4)`, [RUN_ID, ACCOUNT, RAW, keyArn(i)]);
    }
    await client.query(`INSERT INTO ingestion_warning (run_id, account_id, region, source, code, message, resource_arn) VALUES ($1, $2, 'eu-west-1', 's3', 'AccessDenied', $3, 'arn:aws:s3:::logs')`, [
      RUN_ID,
      ACCOUNT,
      "GetBucketEncryption logs: User: arn:aws:sts::111122223333:assumed-role/KmsFinopsReadOnly/run is not authorized to perform: s3:GetEncryptionConfiguration",
    ]);
  });
});

test.afterAll(async () => {
  if (dbUrl) await withDb((client) => client.query("DELETE FROM ingestion_run WHERE id = $1", [RUN_ID]));
});

test("the Runs page groups the warnings, explains them and shows when and how long", async ({ page }, testInfo) => {
  await page.goto("/runs");
  const runsTable = page.getByTestId("runs-table");
  await expect(runsTable).toContainText("14:03 UTC, 2 min 14 s");

  const groups = page.getByTestId("run-warning-group");
  await expect(groups).toHaveCount(2);
  const missing = groups.filter({ hasText: "last-used dates unknown" });
  await expect(missing.getByTestId("run-warning-count")).toHaveText("12 ×");
  await expect(missing).toContainText("last-used dates unknown for 12 keys: unused-key checks skipped");
  await expect(missing).toContainText(`${ACCOUNT} · eu-west-1 · GetKeyLastUsage`);

  // Resources and the raw message are one click away.
  await expect(missing.getByText(keyArn(0))).toBeHidden();
  await missing.locator("summary").click();
  await expect(missing.getByText(keyArn(0))).toBeVisible();
  await expect(missing.getByText(keyArn(11))).toBeVisible();
  await expect(missing.locator("pre")).toHaveText(RAW);

  const denied = groups.filter({ hasText: "access denied" });
  await expect(denied).toContainText("Allow s3:GetEncryptionConfiguration");
  await expect(denied).toContainText("docs/iam/README.md#calls-and-permissions");

  await testInfo.attach("runs", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.screenshot({ path: "e2e/artifacts/ux-runs.png", fullPage: true });
});

test("Start a run offers the known accounts and regions, all by default", async ({ page }) => {
  await page.goto("/runs");
  const scope = page.getByTestId("run-scope");
  await expect(scope.getByLabel(/Accounts/)).toContainText(/\d{12}/);
  await expect(scope.getByLabel(/Regions/)).toContainText(/[a-z]{2}-[a-z]+-\d/);
  await expect(scope.getByLabel(/Accounts/).locator("option:checked")).toHaveCount(0);
});

test("the demo's data comes with the demo's run, not \"No run yet\"", async ({ page }) => {
  await page.goto("/runs");
  const runsTable = page.getByTestId("runs-table");
  await expect(runsTable).toContainText("DEMO");
  await expect(runsTable).not.toContainText("No run yet");
});
