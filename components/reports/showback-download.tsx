"use client";

import { useState } from "react";

/** The month before the current one (UTC), "2026-11" on any day of December 2026. */
function lastClosedMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/**
 * The monthly showback pack for the FinOps review (finops and admin): the PDF, rendered by the
 * server from /reports/showback in a few seconds, and the month's chargeback CSV.
 */
export function ShowbackDownload() {
  const [month, setMonth] = useState(lastClosedMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const button = "inline-block rounded-md px-4 py-2 text-sm font-medium";
  return (
    <section aria-labelledby="showback-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="showback-download">
      <h2 id="showback-heading" className="text-base font-semibold">Monthly showback pack</h2>
      <p className="mt-1 text-sm text-slate-600">
        One PDF for the review: overview, KMS cost per business unit, CMK coverage per business unit and savings for the month, with the
        month&rsquo;s chargeback CSV. The PDF is printed by the server and takes 10–20 seconds.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-slate-700">Month</span>
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1.5" data-testid="showback-month" />
        </label>
        {valid ? (
          <>
            <a href={`/api/reports/showback?month=${month}`} download className={`${button} bg-slate-800 text-white hover:bg-slate-700`} data-testid="showback-pdf">
              Download showback PDF
            </a>
            <a href={`/api/export/chargeback?from=${month}&to=${month}`} download className={`${button} border border-slate-300 text-slate-800 hover:bg-slate-50`} data-testid="showback-csv">
              Chargeback CSV for {month}
            </a>
            <a href={`/reports/showback?month=${month}`} className="text-sm text-sky-800 underline">Open the pack as a page</a>
          </>
        ) : (
          <p className="text-sm text-red-800">Choose a month.</p>
        )}
      </div>
    </section>
  );
}
