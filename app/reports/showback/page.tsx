import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ShowbackReport } from "@/components/reports/showback-report";
import { requirePage } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { closedMonth } from "@/lib/reports/schedule-due";
import { monthParam, showbackData } from "@/lib/reports/showback-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Showback pack" };

/**
 * The monthly showback pack as one print page (/reports/showback?month=2026-11): what the PDF
 * renderer (lib/reports/showback.ts) prints with Chromium, and a page people may open too.
 * Organization-wide figures: admin and finops only, like the pack's download.
 */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("PAGE /reports/showback", "/reports/showback");
  const raw = (await searchParams).month;
  // Opened without a month (a bookmark, the address typed): the month a scheduled pack would
  // cover today, named in the address so the page can be shared and printed as is. Before, the
  // page answered with a one-line problem and no heading.
  if (raw === undefined) redirect(`/reports/showback?month=${closedMonth(new Date())}`);
  const month = monthParam.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!month.success) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Showback pack</h1>
        <p role="alert" className="text-sm text-red-800" data-testid="showback-month-problem">
          Parameter month {month.error.issues[0]?.message ?? "is not valid"} (e.g. /reports/showback?month=2026-11).
        </p>
      </div>
    );
  }
  return <ShowbackReport data={await showbackData(db(), month.data)} />;
}
