// The readers turn each export format and file type into the same KMS lines, computed here by hand
// from tests/fixtures/bill/kms-bill.ts; other services are skipped; broken files fail by name.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BillReadError, type BillBatch, type BillLine } from "@/lib/bill/line";
import { readBillFile } from "@/lib/bill/read-file";
import { sumMoney } from "@/lib/domain/money";
import { exportBytes, writeExport } from "@/tests/fixtures/bill/write-export";
import {
  ACCOUNT_DATA,
  ACCOUNT_PAYMENTS,
  BU_TAG_KEY,
  KEY_ASYMMETRIC,
  KEY_EXCLUSIVE,
  KEY_SHARED,
  KEY_UNTAGGED,
  NOVEMBER_V2_KMS_LINES,
  OCTOBER_KMS_LINES,
  OTHER_SERVICE_LINES,
  withOtherServices,
} from "@/tests/fixtures/bill/kms-bill";
import type { FixtureFormat } from "@/tests/fixtures/bill/export-columns";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bill-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(file: string, batchSize?: number): Promise<BillBatch[]> {
  const batches: BillBatch[] = [];
  for await (const batch of readBillFile(file, { businessUnitTagKey: BU_TAG_KEY, batchSize })) batches.push(batch);
  return batches;
}

const base = { billingPeriod: "2026-10-01", chargeClass: "", consumedUnit: "Requests" } as const;
const usage = { ...base, chargeCategory: "Usage" } as const;
/** October's KMS lines, by hand from the fixture. */
const OCTOBER_EXPECTED: BillLine[] = [
  { ...usage, day: "2026-10-01", accountId: ACCOUNT_PAYMENTS, region: "eu-west-1", usageType: "eu-west-1-KMS-Keys", resourceId: KEY_EXCLUSIVE, businessUnit: "payments", category: "KEYS", billedCost: "1", effectiveCost: "1", listCost: "1", consumedQuantity: "1", consumedUnit: "Keys" },
  { ...usage, day: "2026-10-01", accountId: ACCOUNT_PAYMENTS, region: "eu-west-1", usageType: "eu-west-1-KMS-Requests", resourceId: KEY_EXCLUSIVE, businessUnit: "payments", category: "REQUESTS", billedCost: "0.3", effectiveCost: "0.3", listCost: "0.3", consumedQuantity: "100000" },
  { ...usage, day: "2026-10-02", accountId: ACCOUNT_PAYMENTS, region: "eu-west-1", usageType: "eu-west-1-KMS-Requests", resourceId: KEY_EXCLUSIVE, businessUnit: "payments", category: "REQUESTS", billedCost: "0.15", effectiveCost: "0.15", listCost: "0.15", consumedQuantity: "50000" },
  { ...usage, day: "2026-10-01", accountId: ACCOUNT_PAYMENTS, region: "eu-west-1", usageType: "eu-west-1-KMS-Requests-Asymmetric", resourceId: KEY_ASYMMETRIC, businessUnit: "payments", category: "REQUESTS", billedCost: "0.15", effectiveCost: "0.15", listCost: "0.15", consumedQuantity: "10000" },
  { ...usage, day: "2026-10-01", accountId: ACCOUNT_DATA, region: "us-east-1", usageType: "us-east-1-KMS-Keys", resourceId: KEY_SHARED, businessUnit: "data", category: "KEYS", billedCost: "1", effectiveCost: "1", listCost: "1", consumedQuantity: "1", consumedUnit: "Keys" },
  { ...usage, day: "2026-10-01", accountId: ACCOUNT_DATA, region: "us-east-1", usageType: "us-east-1-KMS-Requests", resourceId: KEY_SHARED, businessUnit: "data", category: "REQUESTS", billedCost: "6", effectiveCost: "6", listCost: "6", consumedQuantity: "2000000" },
  { ...usage, day: "2026-10-01", accountId: ACCOUNT_DATA, region: "us-east-2", usageType: "us-east-2-KMS-Keys", resourceId: KEY_UNTAGGED, businessUnit: "", category: "KEYS", billedCost: "1", effectiveCost: "1", listCost: "1", consumedQuantity: "1", consumedUnit: "Keys" },
  { ...usage, day: "2026-10-02", accountId: ACCOUNT_DATA, region: "us-east-2", usageType: "us-east-2-KMS-Requests", resourceId: KEY_UNTAGGED, businessUnit: "", category: "REQUESTS", billedCost: "0.03", effectiveCost: "0.03", listCost: "0.03", consumedQuantity: "10000" },
  { ...base, chargeCategory: "Tax", day: "2026-10-01", accountId: ACCOUNT_PAYMENTS, region: "", usageType: "", resourceId: "", businessUnit: "", category: "OTHER", billedCost: "0.32", effectiveCost: "0.32", listCost: "0.32", consumedQuantity: "0", consumedUnit: "" },
  { ...base, chargeCategory: "Credit", day: "2026-10-01", accountId: ACCOUNT_DATA, region: "us-east-1", usageType: "us-east-1-KMS-Requests", resourceId: "", businessUnit: "", category: "REQUESTS", billedCost: "-2", effectiveCost: "-2", listCost: "0", consumedQuantity: "0", consumedUnit: "" },
  { ...base, chargeCategory: "Credit", chargeClass: "Correction", day: "2026-10-02", accountId: ACCOUNT_PAYMENTS, region: "eu-west-1", usageType: "eu-west-1-KMS-Requests", resourceId: KEY_EXCLUSIVE, businessUnit: "payments", category: "REQUESTS", billedCost: "-0.05", effectiveCost: "-0.05", listCost: "0", consumedQuantity: "0", consumedUnit: "" },
];

const FILES: { format: FixtureFormat; name: string; final: boolean | undefined }[] = [
  { format: "FOCUS_1_2", name: "focus-1-2.parquet", final: true },
  { format: "FOCUS_1_0", name: "focus-1-0.parquet", final: undefined },
  { format: "CUR_2_0", name: "cur-2-0.parquet", final: true },
  { format: "FOCUS_1_2", name: "focus-1-2.csv.gz", final: true },
  { format: "FOCUS_1_2", name: "focus-1-2.csv", final: true },
  { format: "FOCUS_1_0", name: "focus-1-0.csv", final: undefined },
  { format: "CUR_2_0", name: "cur-2-0.csv.gz", final: true },
  { format: "CUR_2_0", name: "cur-2-0.csv", final: true },
];

describe.each(FILES)("$name ($format)", ({ format, name, final }) => {
  it("reads October's KMS lines, skips the other services and says what the file is", async () => {
    const file = await writeExport(path.join(dir, name), format, withOtherServices(OCTOBER_KMS_LINES));
    const batches = await readAll(file);
    const last = batches.at(-1)!;
    expect(last.done).toBe(true);
    expect(batches.flatMap((b) => b.lines)).toEqual(OCTOBER_EXPECTED);
    // 11 KMS lines, each followed by another service's line.
    expect([last.linesRead, last.linesKept]).toEqual([22, 11]);
    expect(last.info).toEqual({ format, billingPeriods: ["2026-10-01"], ...(final === undefined ? {} : { final }) });
  });

  it("cuts batches of the asked size, the last one done with the totals", async () => {
    const file = await writeExport(path.join(dir, `batches-${name}`), format, withOtherServices(OCTOBER_KMS_LINES));
    const batches = await readAll(file, 4);
    expect(batches.map((b) => [b.lines.length, b.linesKept, b.done])).toEqual([
      [4, 4, false],
      [4, 8, false],
      [3, 11, true],
    ]);
  });
});

describe("figures from the lines", () => {
  it("sum by hand: billed 7.90 in all, usage 9.63, payments 1.55, untagged -0.65 (key 1 + 0.03, tax 0.32, credit -2)", async () => {
    const file = await writeExport(path.join(dir, "sums.csv.gz"), "CUR_2_0", withOtherServices(OCTOBER_KMS_LINES));
    const lines = (await readAll(file)).flatMap((b) => b.lines);
    const sum = (filter: (l: BillLine) => boolean) => sumMoney(lines.filter(filter).map((l) => l.billedCost));
    expect(sum(() => true)).toBe(7.9);
    expect(sum((l) => l.chargeCategory === "Usage")).toBe(9.63);
    expect(sum((l) => l.businessUnit === "payments")).toBe(1.55);
    expect(sum((l) => l.businessUnit === "")).toBe(-0.65);
    expect(sum((l) => l.resourceId === KEY_EXCLUSIVE && l.category === "REQUESTS")).toBe(0.4);
  });

  it("a restated month: the provisional November export says not final", async () => {
    const file = await writeExport(path.join(dir, "november.csv"), "FOCUS_1_2", withOtherServices(NOVEMBER_V2_KMS_LINES));
    const last = (await readAll(file)).at(-1)!;
    expect(last.info).toEqual({ format: "FOCUS_1_2", billingPeriods: ["2026-11-01"], final: false });
    expect(last.linesKept).toBe(4);
  });
});

describe("Parquet row groups", () => {
  it("reads every row group (3 lines each), and skips groups of other services only", async () => {
    const lines = [...withOtherServices(OCTOBER_KMS_LINES.slice(0, 2)), ...Array.from({ length: 6 }, (_, i) => withOtherServices(OCTOBER_KMS_LINES)[2 * i + 1]!), ...withOtherServices(OCTOBER_KMS_LINES.slice(2))];
    const file = await writeExport(path.join(dir, "groups.parquet"), "CUR_2_0", lines, { rowGroupSize: 3 });
    const batches = await readAll(file, 5);
    expect(batches.flatMap((b) => b.lines)).toEqual(OCTOBER_EXPECTED);
    expect([batches.at(-1)!.linesRead, batches.at(-1)!.linesKept]).toEqual([28, 11]);
  });

  it("reads pages one by one: tiny pages, most of them without a KMS line, in every format", async () => {
    const many = Array.from({ length: 40 }, () => OTHER_SERVICE_LINES).flat();
    const lines = [...many, ...withOtherServices(OCTOBER_KMS_LINES), ...many];
    for (const format of ["FOCUS_1_2", "CUR_2_0"] as const) {
      const file = await writeExport(path.join(dir, `pages-${format}.parquet`), format, lines, { rowGroupSize: 200, pageSize: 256 });
      const batches = await readAll(file);
      expect(batches.flatMap((b) => b.lines)).toEqual(OCTOBER_EXPECTED);
      expect(batches.at(-1)!.linesRead).toBe(lines.length);
    }
  });
});

describe("files that cannot be read", () => {
  it("a truncated Parquet file fails naming the file", async () => {
    const bytes = exportBytes("FOCUS_1_2", "parquet", withOtherServices(OCTOBER_KMS_LINES));
    const file = path.join(dir, "truncated.parquet");
    await writeFile(file, bytes.subarray(0, bytes.length - 100));
    await expect(readAll(file)).rejects.toThrow(/^truncated\.parquet: footer: not a readable Parquet file/);
  });

  it("a Parquet file with a corrupt row group fails naming the file and the row group", async () => {
    const bytes = exportBytes("CUR_2_0", "parquet", withOtherServices(OCTOBER_KMS_LINES), { rowGroupSize: 8 });
    // Overwrite the data pages of the first row group (the footer, at the end, stays readable).
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0xff, 4, 600);
    const file = path.join(dir, "corrupt.parquet");
    await writeFile(file, corrupt);
    await expect(readAll(file)).rejects.toThrow(/^corrupt\.parquet: row group 1 \(rows 1–8\): /);
  });

  it("a truncated gzip CSV fails naming the file", async () => {
    const bytes = exportBytes("FOCUS_1_2", "csv.gz", withOtherServices(OCTOBER_KMS_LINES));
    const file = path.join(dir, "truncated.csv.gz");
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readAll(file)).rejects.toThrow(/^truncated\.csv\.gz: row \d+: unexpected end of file/);
  });

  it("a CSV cut in the middle of a line fails naming the file and the row", async () => {
    const text = exportBytes("CUR_2_0", "csv", withOtherServices(OCTOBER_KMS_LINES)).toString();
    const file = path.join(dir, "cut.csv");
    await writeFile(file, text.slice(0, text.lastIndexOf("\n", text.length - 2) + 40));
    const error = await readAll(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BillReadError);
    expect((error as BillReadError).message).toMatch(/^cut\.csv: row 22: /);
  });

  it("a CSV that is not an export fails on its header", async () => {
    const file = path.join(dir, "other.csv");
    await writeFile(file, "a,b\n1,2\n");
    await expect(readAll(file)).rejects.toThrow("other.csv: header: not a FOCUS 1.x or CUR 2.0 export");
  });

  it("an export without a required column names it", async () => {
    const file = path.join(dir, "no-cost.csv");
    await writeFile(file, "ChargeCategory,BilledCost,ServiceName\nUsage,1,AWS Key Management Service\n");
    await expect(readAll(file)).rejects.toThrow("no-cost.csv: header: FOCUS_1_0 export without the columns BillingPeriodStart, ChargePeriodStart, SubAccountId, x_UsageType");
  });

  it("a KMS line with tags that are not JSON fails naming the row", async () => {
    const text = exportBytes("FOCUS_1_0", "csv", OCTOBER_KMS_LINES.slice(0, 2)).toString();
    const file = path.join(dir, "bad-tags.csv");
    const tags = '"{""business-unit"":""payments"",""cost-center"":""cc-42""}"';
    const at = text.lastIndexOf(tags);
    await writeFile(file, `${text.slice(0, at)}"{not json"${text.slice(at + tags.length)}`);
    await expect(readAll(file)).rejects.toThrow(/^bad-tags\.csv: row 2: Tags is not a tag map/);
  });
});
