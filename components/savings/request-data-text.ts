import type { BillReferenceMonth } from "@/lib/queries/kpi/key-bill";

/**
 * What the savings page says about per-key request data: the Cost Explorer days it covers, the
 * bill month it falls back to, or "no data" — never "available (0 days)", which reads as a source
 * that was read and found no requests.
 */
export function requestDataText(data: { available: boolean; days: number; message: string | null; billMonth: Pick<BillReferenceMonth, "month" | "billStatus"> | null } | undefined): string {
  if (!data) return "";
  const bill = data.billMonth ? `the imported bill of ${data.billMonth.month.slice(0, 7)} (${data.billMonth.billStatus})` : null;
  if (data.available && data.days > 0) return `available (${data.days} ${data.days === 1 ? "day" : "days"} of Cost Explorer resource-level data)${bill ? ` and ${bill}` : ""}`;
  if (bill) return `from ${bill} only; no day of Cost Explorer resource-level data`;
  return `no data${data.message ? ` — ${data.message}` : " (no day of Cost Explorer resource-level data stored)"}`;
}
