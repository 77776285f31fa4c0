// The monthly showback pack as one printable page: the overview's coverage tiles and breakdowns
// on the month's closing day, the month's KMS cost per business unit, coverage per business unit
// and the savings, composed from the overview's own components so the PDF looks like the screen.
import { formatDay, formatInteger, formatMonth, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { CoverageBreakdowns } from "@/components/overview/coverage-breakdowns";
import { CoverageSection, SectionHeading } from "@/components/overview/coverage-section";
import { costChangeText } from "@/lib/domain/change-text";
import { KpiTile } from "@/components/overview/kpi-tile";
import { dayToDate } from "@/lib/domain/days";
import { difference, relativeChange } from "@/lib/domain/period-change";
import type { ShowbackData } from "@/lib/reports/showback-data";

function CostSection({ data }: { data: ShowbackData }) {
  const { month, monthBefore, byBusinessUnit } = data.cost;
  const monthName = formatMonth(dayToDate(data.from));
  const before = new Date(Date.UTC(dayToDate(data.from).getUTCFullYear(), dayToDate(data.from).getUTCMonth() - 1, 1));
  return (
    <section aria-labelledby="showback-cost-heading" className="break-inside-avoid">
      <SectionHeading id="showback-cost-heading" title={`KMS cost per business unit, ${monthName}`}>
        Billed cost from Cost Explorer (unblended, USD), {data.from} to {data.to}
      </SectionHeading>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <KpiTile label={`KMS cost, ${monthName}`} testId="showback-cost-total" value={formatUsd(month.total)}
          change={costChangeText(difference(month.total, monthBefore?.total), relativeChange(month.total, monthBefore?.total), formatMonth(before))} />
        <KpiTile label="Key storage" testId="showback-cost-keys" value={formatUsd(month.keys)} />
        <KpiTile label="Requests" testId="showback-cost-requests" value={formatUsd(month.requests)} hint={month.other > 0 ? `other ${formatUsd(month.other)}` : undefined} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {/* Scrolls on a narrow screen, but no sticky first column: the pack is printed to PDF, where a
            sticky layer split each row's text from its business unit. */}
        <div className="overflow-x-auto contain-inline-size">
        <table className="w-full text-sm" data-testid="showback-cost-by-bu">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">Business unit</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Key storage</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Requests</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Other</th>
              <th scope="col" className="py-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {byBusinessUnit.map((row) => (
              <tr key={row.group} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-800"><bdi>{row.group}</bdi></th>
                <td className="py-2 pr-4 text-right">{formatUsd(row.keys)}</td>
                <td className="py-2 pr-4 text-right">{formatUsd(row.requests)}</td>
                <td className="py-2 pr-4 text-right">{formatUsd(row.other)}</td>
                <td className="py-2 text-right font-semibold">{formatUsd(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {byBusinessUnit.length === 0 ? <p className="mt-2 text-sm text-slate-600">No KMS cost recorded for {monthName}.</p> : null}
      </div>
      </div>
    </section>
  );
}

/** Savings are projections from the current inventory and per-key request data: they have no month. */
function SavingsSection({ data }: { data: ShowbackData }) {
  const { bucketKeys, idleKeys } = data.savings;
  const bucketText = (amount: number | null) => (amount === null ? (bucketKeys.noData > 0 ? `no data (${formatInteger(bucketKeys.noData)} buckets)` : NO_VALUE) : formatUsd(amount));
  return (
    <section aria-labelledby="showback-savings-heading" className="break-inside-avoid">
      <SectionHeading id="showback-savings-heading" title="Savings on the table">
        Projected per month from the current inventory, not from {formatMonth(dayToDate(data.from))} alone
      </SectionHeading>
      <div className="grid gap-4 sm:grid-cols-3">
        <KpiTile label="S3 Bucket Keys, exact" testId="showback-savings-bucket-exact" value={bucketText(bucketKeys.exact)} hint={`${formatInteger(bucketKeys.buckets)} SSE-KMS buckets without a Bucket Key`} />
        <KpiTile label="S3 Bucket Keys, estimated" testId="showback-savings-bucket-estimated" value={bucketText(bucketKeys.estimated)} hint="shared keys: requests split evenly between their buckets" />
        <KpiTile label="Unused and disabled keys" testId="showback-savings-idle" value={formatUsd(idleKeys.monthly)} hint={`${formatInteger(idleKeys.keys)} keys`} />
      </div>
    </section>
  );
}

export function ShowbackReport({ data }: { data: ShowbackData }) {
  const monthName = formatMonth(dayToDate(data.from));
  const { coverage } = data;
  return (
    <article className="space-y-8" data-testid="showback-report" data-month={data.month}>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">KMS showback pack: {monthName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Coverage and non-compliance on {coverage ? formatDay(coverage.day) : "no day of the month (no coverage data)"}; cost from {data.from} to {data.to}.
        </p>
      </header>
      <CoverageSection coverage={coverage} before={data.coverageBefore} />
      <CoverageBreakdowns coverage={coverage} />
      <CostSection data={data} />
      <SavingsSection data={data} />
      {/* slate-600, not 500: 500 on the page's slate-100 failed axe's contrast check (issue 20, both schemes). */}
      <p className="text-xs text-slate-600">
        Customer managed keys now: {formatInteger(data.keys.customerManaged)} ({formatInteger(data.keys.customerManagedUnusable)} disabled or pending deletion) · AWS managed keys: {formatInteger(data.keys.awsManaged)}.
        The chargeback CSV for the month comes with this pack.
      </p>
    </article>
  );
}
