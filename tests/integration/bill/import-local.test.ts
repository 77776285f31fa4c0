// The importer on a local export folder: October as two FOCUS 1.2 Parquet files, November as CUR 2.0
// gzip CSV, restated through its manifest. Expected figures are summed by hand from
// tests/fixtures/bill/kms-bill.ts.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBill } from "@/lib/bill/import/import-bill";
import { localSource } from "@/lib/bill/import/source";
import { KEY_EXCLUSIVE, NOVEMBER_V1_KMS_LINES, OCTOBER_KMS_LINES, NOVEMBER_V2_KMS_LINES, withOtherServices } from "@/tests/fixtures/bill/kms-bill";
import { writeExport } from "@/tests/fixtures/bill/write-export";
import { resetTables, testDb } from "../support/db";
import { EXPORT, exportRoot, sumsByBu, writeDataFile, writeManifest, writeOctober } from "./export-folder";

const db = testDb();
let root: string;
beforeEach(async () => {
  await resetTables(db);
  root = await exportRoot();
});
afterEach(() => rm(root, { recursive: true, force: true }));
afterAll(() => db.$disconnect());

const OCT = "2026-10-01";
const NOV = "2026-11-01";
// October: payments 1 + 0.3 + 0.15 + 0.06 + 0.15 − 0.05 (refund); data 1 + 6; untagged 1 + 0.03 + 0.32 (tax) − 2 (credit).
const OCTOBER_BY_BU = { "": "-0.6500", data: "7.0000", payments: "1.6100" };
const NOV_V1_BY_BU = { data: "3.0000", payments: "1.6000" };
const NOV_V2_BY_BU = { "": "1.0000", data: "3.3000", payments: "1.6000" };

const lineRows = (period: string) =>
  db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT day::text, account_id, region, usage_type, resource_id, business_unit, charge_category, charge_class, category::text,
            billed_cost::text, effective_cost::text, list_cost::text, consumed_quantity::text, consumed_unit
     FROM bill_cost_line WHERE billing_period = $1::date ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
    period,
  );

async function writeNovember(version: 1 | 2): Promise<void> {
  const name = `${EXPORT}-v${version}-00001.csv.gz`;
  await writeDataFile(root, "2026-11", name, "CUR_2_0", withOtherServices(version === 1 ? NOVEMBER_V1_KMS_LINES : NOVEMBER_V2_KMS_LINES));
  await writeManifest(root, "2026-11", [name]);
}

describe("importing a local export folder", () => {
  it("sums each period's KMS lines at the table's grain, exactly, and records the import", async () => {
    await writeOctober(root);
    await writeNovember(1);
    const summary = await importBill(db, localSource(root), { startedBy: "test" });
    expect(summary.periods.map((p) => [p.period, p.status, p.format, p.files, p.final])).toEqual([
      [NOV, "REPLACED", "CUR_2_0", 1, false], // from the manifest (units with a manifest come first)
      [OCT, "REPLACED", "FOCUS_1_2", 2, true], // every line invoiced
    ]);
    const october = summary.periods.find((p) => p.period === OCT)!;
    // 11 KMS lines + the extra hour, each interleaved with one other service's line.
    expect([october.linesRead, october.linesKept, october.rowsWritten]).toEqual([24, 12, 11]);

    expect(await sumsByBu(db, OCT)).toEqual(OCTOBER_BY_BU);
    expect(await sumsByBu(db, NOV)).toEqual(NOV_V1_BY_BU);
    // The two hourly lines of Oct 2nd on the exclusive key: 0.15 + 0.06, 50,000 + 20,000 requests.
    const day2 = (await lineRows(OCT)).filter((r) => r.day === "2026-10-02" && r.resource_id === KEY_EXCLUSIVE && r.charge_category === "Usage");
    expect(day2).toEqual([
      expect.objectContaining({ usage_type: "eu-west-1-KMS-Requests", region: "eu-west-1", business_unit: "payments", category: "REQUESTS", billed_cost: "0.2100000000", consumed_quantity: "70000.000000", consumed_unit: "Requests" }),
    ]);
    // Credit, refund and tax keep their own categories.
    const kinds = (await lineRows(OCT)).map((r) => `${r.charge_category}/${r.charge_class}:${r.billed_cost}`).filter((k) => !k.startsWith("Usage/"));
    expect(kinds.sort()).toEqual(["Credit/:-2.0000000000", "Credit/Correction:-0.0500000000", "Tax/:0.3200000000"]);

    const imports = await db.billImport.findMany({ orderBy: { billingPeriod: "asc" } });
    expect(imports.map((i) => [i.billingPeriod.toISOString().slice(0, 10), i.status, i.filesRead, i.linesRead, i.linesKept, i.final, i.source, i.startedBy])).toEqual([
      [OCT, "SUCCEEDED", 2, 24n, 12n, true, root, "test"],
      [NOV, "SUCCEEDED", 1, 6n, 3n, false, root, "test"],
    ]);
    const owners = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM bill_cost_line l JOIN bill_import i ON i.id = l.import_id AND i.billing_period = l.billing_period`);
    expect(owners[0]!.n).toBe(14n); // every line belongs to its period's import
  });

  it("skips a re-import of the same files, and a forced one writes the same lines", async () => {
    await writeOctober(root);
    await importBill(db, localSource(root));
    const before = await lineRows(OCT);
    const again = await importBill(db, localSource(root));
    expect(again.periods.map((p) => [p.period, p.status])).toEqual([[OCT, "SKIPPED"]]);
    expect(again.periods[0]!.message).toContain("same files as the latest successful import");
    expect(await db.billImport.count()).toBe(1);
    expect(await lineRows(OCT)).toEqual(before);

    const forced = await importBill(db, localSource(root), { force: true });
    expect(forced.periods.map((p) => [p.period, p.status])).toEqual([[OCT, "REPLACED"]]);
    expect(await lineRows(OCT)).toEqual(before);
    const imports = await db.billImport.findMany({ orderBy: { startedAt: "asc" } });
    expect(imports.map((i) => i.fingerprint)).toEqual([imports[0]!.fingerprint, imports[0]!.fingerprint]);
  });

  it("replaces a restated period with the files its new manifest names, older deliveries left beside them ignored", async () => {
    await writeNovember(1);
    await importBill(db, localSource(root));
    expect(await sumsByBu(db, NOV)).toEqual(NOV_V1_BY_BU);
    await writeNovember(2); // v1's file stays in the folder; the manifest now names v2 only
    const summary = await importBill(db, localSource(root));
    expect(summary.periods.map((p) => [p.period, p.status, p.files])).toEqual([[NOV, "REPLACED", 1]]);
    expect(await sumsByBu(db, NOV)).toEqual(NOV_V2_BY_BU);
    const latest = await db.billImport.findFirstOrThrow({ where: { status: "SUCCEEDED" }, orderBy: { startedAt: "desc" } });
    const owners = await db.$queryRawUnsafe<{ import_id: string }[]>(`SELECT DISTINCT import_id::text FROM bill_cost_line WHERE billing_period = $1::date`, NOV);
    expect(owners).toEqual([{ import_id: latest.id }]);
  });

  it("fails the period of a truncated Parquet file naming it, and keeps the period's previous lines", async () => {
    await writeOctober(root);
    await importBill(db, localSource(root));
    const file = path.join(root, EXPORT, "data", "BILLING_PERIOD=2026-10", `${EXPORT}-00002.snappy.parquet`);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const summary = await importBill(db, localSource(root));
    expect(summary.periods.map((p) => [p.period, p.status])).toEqual([[OCT, "FAILED"]]);
    expect(summary.periods[0]!.message).toMatch(new RegExp(`^${EXPORT}-00002\\.snappy\\.parquet: footer: not a readable Parquet file`));
    expect(await sumsByBu(db, OCT)).toEqual(OCTOBER_BY_BU);
    const failed = await db.billImport.findFirstOrThrow({ where: { status: "FAILED" } });
    expect(failed.error).toContain(`${EXPORT}-00002.snappy.parquet`);
    expect(failed.finishedAt).not.toBeNull();
  });

  it("fails the period of a truncated gzip CSV naming it, and keeps the period's previous lines", async () => {
    await writeNovember(1);
    await importBill(db, localSource(root));
    const file = path.join(root, EXPORT, "data", "BILLING_PERIOD=2026-11", `${EXPORT}-v1-00001.csv.gz`);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 12));
    const summary = await importBill(db, localSource(root));
    expect(summary.periods.map((p) => [p.period, p.status])).toEqual([[NOV, "FAILED"]]);
    expect(summary.periods[0]!.message).toContain(`${EXPORT}-v1-00001.csv.gz`);
    expect(await sumsByBu(db, NOV)).toEqual(NOV_V1_BY_BU);
    expect((await db.billImport.findFirstOrThrow({ where: { status: "FAILED" } })).format).toBe("CUR_2_0");
  });

  it("refuses lines of another billing period in a period's folder, replacing nothing", async () => {
    await writeNovember(1);
    await importBill(db, localSource(root));
    await writeDataFile(root, "2026-11", `${EXPORT}-v1-00002.csv.gz`, "CUR_2_0", OCTOBER_KMS_LINES.slice(0, 2));
    await writeManifest(root, "2026-11", [`${EXPORT}-v1-00001.csv.gz`, `${EXPORT}-v1-00002.csv.gz`]);
    const summary = await importBill(db, localSource(root));
    expect(summary.periods.map((p) => [p.period, p.status, p.message])).toEqual([
      [NOV, "FAILED", `${EXPORT}/metadata/BILLING_PERIOD=2026-11/${EXPORT}-Manifest.json: lines of billing period 2026-10-01 among the files of 2026-11-01`],
    ]);
    expect(await sumsByBu(db, NOV)).toEqual(NOV_V1_BY_BU);
    expect(await sumsByBu(db, OCT)).toEqual({});
  });

  it("imports a loose file by the billing periods its lines carry, and says when a folder has no export file", async () => {
    const file = path.join(root, "october.csv");
    await writeExport(file, "FOCUS_1_0", withOtherServices(OCTOBER_KMS_LINES));
    const summary = await importBill(db, localSource(file));
    expect(summary.periods.map((p) => [p.period, p.status, p.format])).toEqual([[OCT, "REPLACED", "FOCUS_1_0"]]);
    // The fixture line without the extra hour: payments 1.55.
    expect(await sumsByBu(db, OCT)).toEqual({ ...OCTOBER_BY_BU, payments: "1.5500" });
    await rm(file);
    await expect(importBill(db, localSource(root))).rejects.toThrow(`${root}: no export files (.parquet, .csv, .csv.gz) found`);
  });
});
