import Link from "next/link";
import type { CoverageSummary } from "@/lib/queries/coverage-summary";
import { formatInteger, formatPercent } from "@/lib/domain/format";
import { resourcesLink, type Carried } from "./drill-links";
import { TableScroll } from "@/components/tables/table-scroll";

/** Per business unit on the latest day, worst CMK coverage first. */
export function CoverageByBuTable({ rows, carried }: { rows: CoverageSummary["byBusinessUnit"]; carried?: Carried }) {
  return (
    <section aria-labelledby="bu-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="bu-heading" className="text-base font-semibold text-slate-900">
        CMK coverage by business unit
      </h2>
      <p className="mt-1 text-sm text-slate-600">Latest day, lowest coverage first</p>
      <TableScroll className="mt-4">
        <table className="w-full text-sm" data-testid="coverage-by-bu">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">Business unit</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Resources</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">By count</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">By storage</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Size unknown</th>
              <th scope="col" className="py-2 text-right font-medium">Non-compliant</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((row) => (
              <tr key={row.businessUnit} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-800">
                  {/* The BU's rows: its non-compliant resources (the last column's count). */}
                  <Link href={resourcesLink({ businessUnit: row.businessUnit }, carried)} className="text-sky-800 underline-offset-2 hover:underline">
                    {row.businessUnit === "" ? <span className="italic">(untagged)</span> : row.businessUnit}
                  </Link>
                </th>
                <td className="py-2 pr-4 text-right">{formatInteger(row.resources)}</td>
                <td className="py-2 pr-4 text-right font-semibold">{formatPercent(row.coverageByCountPct)}</td>
                <td className="py-2 pr-4 text-right">{formatPercent(row.coverageByStoragePct)}</td>
                <td className="py-2 pr-4 text-right text-slate-600">{formatPercent(row.unknownSizePct)}</td>
                <td className="py-2 text-right" data-testid="bu-noncompliant">
                  <Link href={resourcesLink({ businessUnit: row.businessUnit }, carried)} aria-label={`${row.businessUnit === "" ? "(untagged)" : row.businessUnit}: ${formatInteger(row.nonCompliant)} non-compliant`} className="underline decoration-slate-300 underline-offset-2 hover:decoration-sky-700">
                    {formatInteger(row.nonCompliant)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
