import type { CoverageSummary } from "@/lib/queries/coverage-summary";
import { CoverageByBuTable } from "./coverage-by-bu-table";
import { NonComplianceBreakdown } from "./noncompliance-breakdown";
import type { Carried } from "./drill-links";

/** Non-compliance by reason beside coverage per business unit: the home page and the showback pack. */
export function CoverageBreakdowns({ coverage, carried }: { coverage: CoverageSummary | null; carried?: Carried }) {
  if (!coverage) return null;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <NonComplianceBreakdown byReason={coverage.organization.nonCompliantByReason} total={coverage.organization.nonCompliant} carried={carried} />
      <CoverageByBuTable rows={coverage.byBusinessUnit} carried={carried} />
    </div>
  );
}
