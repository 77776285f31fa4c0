// The S3 path: the real SDK client, signed with the ingestion role assumed in the management
// account, against the local AWS endpoint serving a bucket from a folder (ListObjectsV2 paginated,
// GetObject). The figures are those of the local import (import-local.test.ts).
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { importBill } from "@/lib/bill/import/import-bill";
import { openBillS3Session, parseS3Location, s3Source, type BillS3Session } from "@/jobs/bill/s3-source";
import { NOVEMBER_V1_KMS_LINES, withOtherServices } from "@/tests/fixtures/bill/kms-bill";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { applyEnv, awsTestEnv } from "../ingestion/support";
import { MGMT, smallOrg } from "../ingestion/org-fixture";
import { EXPORT, exportRoot, sumsByBu, writeDataFile, writeManifest, writeOctober } from "./export-folder";

const db = testDb();
let endpoint: AwsEndpoint;
let restoreEnv: () => void;
let bucketDir: string;
let session: BillS3Session;

beforeAll(async () => {
  bucketDir = await exportRoot();
  const root = path.join(bucketDir, "exports");
  await writeOctober(root);
  await writeDataFile(root, "2026-11", `${EXPORT}-00001.csv.gz`, "CUR_2_0", withOtherServices(NOVEMBER_V1_KMS_LINES));
  await writeManifest(root, "2026-11", [`${EXPORT}-00001.csv.gz`], "kms-billing");
  // Two keys a page: the listing of the export's 4 objects takes 2 pages.
  endpoint = await startAwsEndpoint(smallOrg(), { s3Folders: { "kms-billing": bucketDir }, s3ListPageSize: 2 });
  restoreEnv = applyEnv(awsTestEnv(endpoint.url, { INGEST_MANAGEMENT_ACCOUNT: MGMT }));
});
afterAll(async () => {
  restoreEnv();
  await endpoint.close();
  await rm(bucketDir, { recursive: true, force: true });
  await db.$disconnect();
});
beforeEach(async () => {
  await resetTables(db);
  session = openBillS3Session(env(parseIngestionConfig));
});

const source = () => s3Source(session.client, parseS3Location("s3://kms-billing/exports/"), EXPORT);

describe("importing an export from S3", () => {
  it("lists the export page by page, reads the manifest and the data files, and writes the same sums as a local import", async () => {
    const summary = await importBill(db, source());
    session.close();
    expect(summary.source).toBe(`s3://kms-billing/exports/${EXPORT}`);
    expect(summary.periods.map((p) => [p.period, p.status, p.files, p.final])).toEqual([
      ["2026-11-01", "REPLACED", 1, false],
      ["2026-10-01", "REPLACED", 2, true],
    ]);
    expect(await sumsByBu(db, "2026-10-01")).toEqual({ "": "-0.6500", data: "7.0000", payments: "1.6100" });
    expect(await sumsByBu(db, "2026-11-01")).toEqual({ data: "3.0000", payments: "1.6000" });
    // As counted by the client: 2 list pages, 1 manifest + 3 data files; the role assumed once.
    expect(Object.fromEntries(session.counter.snapshot().map((s) => [`${s.service}:${s.operation}`, s.count]))).toEqual({
      "sts:AssumeRole": 1,
      "s3:ListObjectsV2": 2,
      "s3:GetObject": 4,
    });
    const imports = await db.billImport.findMany();
    // The fingerprint is over S3's (name, size, ETag): an ETag is the quoted MD5 of a single-part object.
    expect(new Set(imports.map((i) => i.source))).toEqual(new Set([`s3://kms-billing/exports/${EXPORT}`]));
  });

  it("skips periods whose objects did not change without downloading them", async () => {
    await importBill(db, source());
    session.close();
    session = openBillS3Session(env(parseIngestionConfig));
    const again = await importBill(db, source());
    expect(again.periods.map((p) => p.status)).toEqual(["SKIPPED", "SKIPPED"]);
    // Only the manifest is read again (it names the period's files).
    expect(session.counter.count("s3", "GetObject")).toBe(1);
    session.close();
  });

  it("says which bucket it could not read", async () => {
    const missing = s3Source(session.client, parseS3Location("s3://no-such-bucket/x"));
    await expect(importBill(db, missing)).rejects.toThrow(/bucket/i);
    session.close();
  });
});
