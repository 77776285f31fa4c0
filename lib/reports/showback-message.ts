// The showback pack as an email: the PDF and the chargeback CSV attached, with a link to the
// Costs page (where both can be downloaded again for any month).
import type { AlertPayload } from "@/lib/alerts/payload";
import type { ShowbackPack } from "./showback";

/**
 * Attachments larger than this are left out and linked instead: mail servers commonly refuse
 * messages over 10–25 MB, and a large estate's monthly chargeback CSV is ~50 MB.
 */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

export function showbackPayload(pack: ShowbackPack, costsUrl: string): AlertPayload {
  const attachments = [{ filename: pack.pdfName, contentType: "application/pdf", bytes: pack.pdf }];
  const lines: AlertPayload["lines"] = [{ text: `Showback pack for ${pack.month} (PDF): overview, cost per business unit, coverage per business unit, savings`, url: costsUrl }];
  if (pack.csv && pack.csv.length <= MAX_ATTACHMENT_BYTES) {
    attachments.push({ filename: pack.csvName, contentType: "text/csv", bytes: pack.csv });
    lines.push({ text: `Chargeback CSV for ${pack.month} (FOCUS columns, direct allocation)`, url: costsUrl });
  } else if (pack.csv) {
    lines.push({ text: `Chargeback CSV for ${pack.month}: ${(pack.csv.length / 1024 / 1024).toFixed(1)} MB, too large to attach; download it from the Costs page`, url: costsUrl });
  }
  return {
    summary: `KMS showback pack for ${pack.month}: the PDF and the chargeback CSV are attached.`,
    lines,
    footer: "Download any month again from the Costs page (sign in as finops or admin).",
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.bytes.toString("base64") })),
  };
}
