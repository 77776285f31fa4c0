// POST /api/bill/imports (multipart upload) and GET /api/bill/imports, behind the access layer as
// the AUTH_MODE=none local admin (who may call them: tests/unit/auth and the e2e).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/bill/imports/route";
import { NOVEMBER_V1_KMS_LINES, OCTOBER_KMS_LINES, withOtherServices } from "@/tests/fixtures/bill/kms-bill";
import { exportBytes } from "@/tests/fixtures/bill/write-export";
import { resetTables, testDb } from "../support/db";
import { sumsByBu } from "./export-folder";

process.env.AUTH_MODE ??= "none";

const db = testDb();
beforeEach(() => resetTables(db));
afterAll(() => db.$disconnect());

function upload(files: Array<[string, Buffer | string]>, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, bytes] of files) form.append("files", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return POST(new Request("http://x/api/bill/imports", { method: "POST", body: form, headers: { origin: "http://x", "x-requested-with": "fetch" } }));
}

const october = exportBytes("FOCUS_1_2", "parquet", withOtherServices(OCTOBER_KMS_LINES));
const november = exportBytes("CUR_2_0", "csv.gz", withOtherServices(NOVEMBER_V1_KMS_LINES));

describe("POST /api/bill/imports", () => {
  it("imports the uploaded files per billing period, answers each period's outcome and writes the audit log", async () => {
    const res = await upload([["october.snappy.parquet", october], ["november.csv.gz", november]]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { source: string; periods: Array<{ period: string; status: string; linesKept: number; final: boolean; summary: string }> };
    expect(body.source).toBe("upload:october.snappy.parquet,november.csv.gz");
    expect(body.periods.map((p) => [p.period, p.status, p.linesKept, p.final])).toEqual([
      ["2026-10-01", "REPLACED", 11, true],
      ["2026-11-01", "REPLACED", 3, false],
    ]);
    expect(body.periods[1]!.summary).toBe("2026-11: replaced (CUR_2_0, provisional): 2 file(s), 28 lines read, 3 KMS lines kept, 3 rows written");
    expect(await sumsByBu(db, "2026-10-01")).toEqual({ "": "-0.6500", data: "7.0000", payments: "1.5500" });
    const audit = await db.auditLog.findMany({ where: { action: "bill.import" } });
    expect(audit.map((a) => [a.actorName, a.target])).toEqual([["local (AUTH_MODE=none)", "upload:october.snappy.parquet,november.csv.gz"]]);

    const again = await upload([["october.snappy.parquet", october], ["november.csv.gz", november]]);
    expect(((await again.json()) as { periods: Array<{ status: string }> }).periods.map((p) => p.status)).toEqual(["SKIPPED", "SKIPPED"]);

    const list = await GET(new Request("http://x/api/bill/imports?limit=5"));
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: Array<{ billingPeriod: string; status: string; source: string; linesKept: number }> }).items;
    expect(items.map((i) => [i.billingPeriod, i.status, i.linesKept]).sort()).toEqual([["2026-10", "SUCCEEDED", 11], ["2026-11", "SUCCEEDED", 3]]);
  });

  it("answers 422 naming a corrupt file, and keeps the period's lines", async () => {
    await upload([["october.snappy.parquet", october]]);
    const res = await upload([["october.snappy.parquet", october.subarray(0, 300)]]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("import_failed");
    expect(body.error.message).toMatch(/^october\.snappy\.parquet: footer: not a readable Parquet file/);
    expect(await sumsByBu(db, "2026-10-01")).toEqual({ "": "-0.6500", data: "7.0000", payments: "1.5500" });
  });

  it("answers 400 naming the problem", async () => {
    const cases: Array<[Promise<Response>, string]> = [
      [POST(new Request("http://x/api/bill/imports", { method: "POST", body: "{}", headers: { "content-type": "application/json", origin: "http://x" } })), 'body: must be multipart/form-data with the export files in the field "files"'],
      [upload([]), "files: upload one or more export files"],
      [upload([["notes.txt", "hello"]]), "files: notes.txt is not an export file"],
      [upload([["a.csv", "x"], ["a.csv", "y"]]), "files: a.csv is uploaded twice"],
      [upload([["a.csv", "x"]], { force: "yes" }), "force: must be true or false"],
      [upload([["a.csv", "x"]], { colour: "blue" }), "colour: is not a known field"],
    ];
    for (const [response, message] of cases) {
      const res = await response;
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    }
    // A body declared larger than the limit is refused before it is read.
    const big = await POST(new Request("http://x/api/bill/imports", { method: "POST", body: "x", headers: { origin: "http://x", "x-requested-with": "fetch", "content-type": "multipart/form-data; boundary=b", "content-length": String(300 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toBe("files: the upload is larger than 256 MB; import larger exports from S3 or with npm run import-bill");
    // Cross-site forms cannot send X-Requested-With: without it an upload is refused (CSRF).
    const form = new FormData();
    form.append("files", new Blob(["x"]), "a.csv");
    const forged = await POST(new Request("http://x/api/bill/imports", { method: "POST", body: form, headers: { origin: "http://x" } }));
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toBe("file uploads must send the header X-Requested-With: fetch");
    const bad = await GET(new Request("http://x/api/bill/imports?limit=0"));
    expect(bad.status).toBe(400);
    expect(await db.billImport.count()).toBe(0);
  });
});
