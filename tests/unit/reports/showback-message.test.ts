// The showback email: PDF and CSV attached as they were rendered; a CSV too large for mail
// servers is named with its size and left to the Costs page instead.
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, showbackPayload } from "@/lib/reports/showback-message";

const pack = (csvBytes: number | null) => ({
  month: "2026-11", pdf: Buffer.from("%PDF-1.7 pack"), csv: csvBytes === null ? null : Buffer.alloc(csvBytes, "a"),
  pdfName: "kms-showback-2026-11.pdf", csvName: "kms-chargeback-2026-11.csv", ms: 1,
});

describe("showback email", () => {
  it("attaches the PDF and the CSV byte for byte", () => {
    const payload = showbackPayload(pack(12), "https://finops.example.com/costs");
    expect(payload.attachments?.map((a) => [a.filename, a.contentType, Buffer.from(a.contentBase64, "base64").toString()])).toEqual([
      ["kms-showback-2026-11.pdf", "application/pdf", "%PDF-1.7 pack"],
      ["kms-chargeback-2026-11.csv", "text/csv", "a".repeat(12)],
    ]);
    expect(payload.lines.every((l) => l.url === "https://finops.example.com/costs")).toBe(true);
  });

  it("links a CSV over the attachment limit instead of attaching it", () => {
    const payload = showbackPayload(pack(MAX_ATTACHMENT_BYTES + 1), "https://finops.example.com/costs");
    expect(payload.attachments?.map((a) => a.filename)).toEqual(["kms-showback-2026-11.pdf"]);
    expect(payload.lines.at(-1)?.text).toBe("Chargeback CSV for 2026-11: 8.0 MB, too large to attach; download it from the Costs page");
  });
});
