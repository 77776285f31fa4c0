import Link from "next/link";
import { formatInteger } from "@/lib/domain/format";
import { SectionHeading } from "./coverage-section";
import { findingsLink, type Carried } from "./drill-links";
import { FilterNote } from "./filter-note";
import type { FilterNotApplied } from "@/lib/queries/overview-filters";
import { KpiTile } from "./kpi-tile";

const SEVERITIES = [
  { severity: "critical", label: "Critical key findings", hint: "A key in use about to be deleted, or a key policy open to anyone" },
  { severity: "high", label: "High key findings", hint: "More principals can decrypt than the owner intended" },
] as const;

/** The critical and high key findings (issue 19 item 5), each leading to the findings page filtered to it. */
export function FindingsSection({ bySeverity, carried, notApplied }: { bySeverity: Record<string, number>; carried?: Carried; notApplied?: readonly FilterNotApplied[] }) {
  return (
    <section aria-labelledby="findings-heading">
      <SectionHeading id="findings-heading" title="Key findings">
        <Link href="/findings" className="text-sky-800 underline underline-offset-2">
          Every finding, with its evidence and fix
        </Link>
      </SectionHeading>
      <div className="grid gap-4 sm:grid-cols-2">
        {SEVERITIES.map(({ severity, label, hint }) => (
          <KpiTile key={severity} label={label} testId={`kpi-findings-${severity}`} value={formatInteger(bySeverity[severity] ?? 0)} href={findingsLink(severity, carried)} hint={hint} note={<FilterNote notes={notApplied} testId={`filter-note-findings-${severity}`} />} />
        ))}
      </div>
    </section>
  );
}
