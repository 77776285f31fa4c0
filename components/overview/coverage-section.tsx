import type { CoverageFigures, CoverageSummary } from "@/lib/queries/coverage-summary";
import { COMPARE_DAYS, difference, pointsChange } from "@/lib/domain/period-change";
import { semanticColors } from "@/components/charts/palette";
import { formatBytes, formatDay, formatInteger, formatPercent, NO_VALUE } from "@/lib/domain/format";
import { percentOneDecimal } from "@/lib/domain/percent";
import { countChangeText, pointsChangeText } from "@/lib/domain/change-text";
import { KpiTile } from "./kpi-tile";
import { overviewLinks, type Carried } from "./drill-links";

/**
 * CMK coverage by count and by storage, and the non-compliant total, for the whole organization
 * (or the filter bar's part of it). Each figure links to its rows under the same filters (issue 19):
 * coverage to the resources not on a CMK (by storage: largest first), the count to the non-compliant.
 */
export function CoverageSection({ coverage, before, carried }: { coverage: CoverageSummary | null; before?: { day: Date; organization: CoverageFigures } | null; carried?: Carried }) {
  const org = coverage?.organization;
  const links = org ? overviewLinks(carried) : undefined;
  const then = before?.organization;
  const against = `${COMPARE_DAYS} days ago`;
  return (
    <section aria-labelledby="coverage-heading">
      <SectionHeading id="coverage-heading" title="Customer managed key coverage">
        {coverage ? `In-scope storage (S3, EBS, RDS, Aurora) on ${formatDay(coverage.day)}` : "No coverage snapshot yet"}
      </SectionHeading>
      <div className="grid gap-4 md:grid-cols-3">
        <KpiTile
          label="CMK coverage by count"
          testId="kpi-coverage-count"
          value={formatPercent(org?.coverageByCountPct ?? null)}
          href={links?.notOnACmk}
          bar={{ pct: org?.coverageByCountPct ?? null, color: semanticColors.covered }}
          change={org ? pointsChangeText(pointsChange(org.coverageByCountPct, then?.coverageByCountPct), against) : undefined}
          hint={org ? `${formatInteger(org.cmkResources)} of ${formatInteger(org.resources)} resources encrypted with a CMK · the link lists the ${formatInteger(org.resources - org.cmkResources)} that are not` : undefined}
        />
        <KpiTile
          label="CMK coverage by storage"
          testId="kpi-coverage-storage"
          value={formatPercent(org?.coverageByStoragePct ?? null)}
          href={links?.notOnACmkBySize}
          bar={{ pct: org?.coverageByStoragePct ?? null, color: semanticColors.covered }}
          change={org ? pointsChangeText(pointsChange(org.coverageByStoragePct, then?.coverageByStoragePct), against) : undefined}
          hint={
            org ? (
              <>
                {formatBytes(org.cmkBytes)} on a CMK, of {formatBytes(org.totalBytes)} with a known size ·{" "}
                <span className="whitespace-nowrap">
                  size unknown for <span data-testid="kpi-unknown-size" className="font-semibold text-slate-800">{formatPercent(org.unknownSizePct)}</span> of resources
                </span>
              </>
            ) : undefined
          }
        />
        <KpiTile
          label="Non-compliant resources"
          testId="kpi-noncompliant-total"
          value={org ? formatInteger(org.nonCompliant) : NO_VALUE}
          href={links?.nonCompliant}
          bar={{ pct: org && org.resources > 0 ? (org.nonCompliant / org.resources) * 100 : null, color: semanticColors.uncovered }}
          change={org ? countChangeText(difference(org.nonCompliant, then?.nonCompliant), against) : undefined}
          hint={
            org
              ? `${formatPercent(percentOneDecimal(org.nonCompliant, org.resources))} of ${formatInteger(org.resources)} in scope: policy requires a CMK, or the CMK is unusable`
              : undefined
          }
        />
      </div>
    </section>
  );
}

export function SectionHeading({ id, title, children }: { id: string; title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children ? <p className="text-sm text-slate-600">{children}</p> : null}
    </div>
  );
}
