// A large Parquet Data Export for the bill-reading benchmark: FOCUS 1.2 with AWS columns, lines of
// several services in the order a real export mixes them, a realistic KMS share (1 line in 50:
// KMS is a small line of a large bill), written row group by row group so that generating
// millions of lines never holds more than one row group in memory.
import type { ExportLine } from "@/tests/fixtures/bill/export-line";
import { ParquetExportWriter } from "@/tests/fixtures/bill/write-export";

/** Every KMS_EVERY-th line is a KMS line (offset KMS_OFFSET): 2 %. */
const KMS_EVERY = 50;
const KMS_OFFSET = 7;
const KEYS = 5_000;
const REGIONS = ["us-east-1", "us-east-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
const BUS = ["payments", "data", "search", "identity", "platform", "mobile", "risk", ""];
const ACCOUNTS = Array.from({ length: 40 }, (_, i) => String(100000000000 + i * 7919));
const OTHER = [
  { service: "ec2", usageType: "USE1-BoxUsage:m7g.large", unit: "Hrs", operation: "RunInstances", resource: (i: number) => `i-0${(i % 1_000_003).toString(16).padStart(16, "0")}` },
  { service: "s3", usageType: "EUW1-TimedStorage-ByteHrs", unit: "GB-Mo", operation: "StandardStorage", resource: (i: number) => `bucket-${i % 30_000}` },
  { service: "s3", usageType: "USE1-Requests-Tier1", unit: "Requests", operation: "PutObject", resource: (i: number) => `bucket-${i % 30_000}` },
  { service: "ec2", usageType: "USE1-EBS:VolumeUsage.gp3", unit: "GB-Mo", operation: "CreateVolume", resource: (i: number) => `vol-0${(i % 700_001).toString(16).padStart(16, "0")}` },
] as const;

/** KMS lines among the first `total` lines: what the reader must keep. */
export function kmsLinesIn(total: number): number {
  return total > KMS_OFFSET ? Math.floor((total - KMS_OFFSET - 1) / KMS_EVERY) + 1 : 0;
}

function line(i: number): ExportLine {
  const day = String((i % 30) + 1).padStart(2, "0");
  const accountId = ACCOUNTS[i % ACCOUNTS.length]!;
  const bu = BUS[(i >> 3) % BUS.length]!;
  const base = {
    billingPeriod: "2026-11-01",
    chargePeriodStart: `2026-11-${day}`,
    accountId,
    tags: (bu ? { "business-unit": bu, env: "prod" } : {}) as Record<string, string>,
    lineItemType: "Usage",
    chargeCategory: "Usage",
    chargeClass: "" as const,
    description: "",
    invoiceId: "",
  };
  if (i % KMS_EVERY === KMS_OFFSET) {
    const key = (i / KMS_EVERY) % KEYS | 0;
    const region = REGIONS[key % REGIONS.length]!;
    const keys = (i / KMS_EVERY) % 3 === 0;
    const cost = keys ? "0.0333333333" : ((key % 97) * 0.003 + 0.0003).toFixed(10);
    return {
      ...base,
      service: "kms",
      region,
      usageType: `${region}-KMS-${keys ? "Keys" : "Requests"}`,
      operation: keys ? "CreateKey" : "Decrypt",
      resourceId: `arn:aws:kms:${region}:${accountId}:key/${key.toString(16).padStart(8, "0")}-aaaa-4aaa-8aaa-000000000000`,
      billedCost: cost,
      effectiveCost: cost,
      listCost: cost,
      quantity: keys ? "0.0333333333" : String((key % 97) * 1000 + 100),
      unit: keys ? "Keys" : "Requests",
    };
  }
  const other = OTHER[i % OTHER.length]!;
  // Amounts of a real bill are nearly all distinct: no dictionary makes them small.
  const cost = (((i * 7919) % 1_000_003) * 0.0000137).toFixed(10);
  return { ...base, service: other.service, region: "us-east-1", usageType: other.usageType, operation: other.operation, resourceId: other.resource(i), billedCost: cost, effectiveCost: cost, listCost: cost, quantity: String((i * 31) % 100_003), unit: other.unit };
}

/** Writes a FOCUS 1.2 Parquet export of `total` lines in row groups of `rowGroupSize`. */
export function writeLargeExport(file: string, total: number, rowGroupSize: number): void {
  const writer = new ParquetExportWriter(file, "FOCUS_1_2", rowGroupSize);
  for (let start = 0; start < total; start += rowGroupSize) {
    const lines: ExportLine[] = [];
    for (let i = start; i < Math.min(total, start + rowGroupSize); i++) lines.push(line(i));
    writer.write(lines);
  }
  writer.close();
}
