// The bill upload on the Costs page through the production server (AUTH_MODE=none: the visitor is
// the local admin): upload a FOCUS 1.2 Parquet export, see the month replaced with the counts of the
// fixture, upload it again and see it skipped, upload a truncated copy and see the error naming it.
// The fixture's October 2026 lines are moved to March 2021, a month the demo organization's
// figures do not reach, so other specs read the same numbers with or without this one.
import { expect, test } from "@playwright/test";
import { OCTOBER_KMS_LINES, withOtherServices } from "../tests/fixtures/bill/kms-bill";
import { exportBytes } from "../tests/fixtures/bill/write-export";

const moved = OCTOBER_KMS_LINES.map((line) => ({ ...line, billingPeriod: "2021-03-01", chargePeriodStart: line.chargePeriodStart.replace("2026-10", "2021-03") }));
const parquet = exportBytes("FOCUS_1_2", "parquet", withOtherServices(moved));
const NAME = "kms-focus-2021-03.snappy.parquet";

test("an admin uploads a bill export on the Costs page and sees the month imported, then skipped, then an error naming a broken file", async ({ page }) => {
  await page.goto("/costs");
  const panel = page.getByRole("region", { name: "Import the bill" });
  await expect(panel).toBeVisible();

  await panel.getByLabel("Export files").setInputFiles([{ name: NAME, mimeType: "application/octet-stream", buffer: parquet }]);
  await panel.getByRole("button", { name: "Import", exact: true }).click();
  // 11 KMS lines and 11 other services' lines; every line invoiced: final.
  await expect(panel.getByTestId("bill-upload-result")).toHaveText("2021-03: replaced (FOCUS_1_2, final): 1 file(s), 22 lines read, 11 KMS lines kept, 11 rows written");
  const row = panel.getByTestId("bill-import-row").filter({ hasText: "2021-03" }).first();
  await expect(row).toContainText("SUCCEEDED");
  await expect(row).toContainText("final");
  await expect(row).toContainText(`upload:${NAME}`);

  await panel.getByLabel("Export files").setInputFiles([{ name: NAME, mimeType: "application/octet-stream", buffer: parquet }]);
  await panel.getByRole("button", { name: "Import", exact: true }).click();
  await expect(panel.getByTestId("bill-upload-result")).toContainText("2021-03: skipped, same files as the latest successful import of this period");

  await panel.getByLabel("Export files").setInputFiles([{ name: NAME, mimeType: "application/octet-stream", buffer: parquet.subarray(0, 200) }]);
  await panel.getByRole("button", { name: "Import", exact: true }).click();
  await expect(panel.getByTestId("bill-upload-error")).toContainText(`${NAME}: footer: not a readable Parquet file`);
  await expect(panel.getByTestId("bill-upload-result")).toHaveCount(0);
});
