import { dayToDate, monthEnd } from "@/lib/domain/days";
import { formatDayRange, formatInteger, formatMonth, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { difference, relativeChange } from "@/lib/domain/period-change";
import { costChangeText } from "@/lib/domain/change-text";
import Link from "next/link";
import { KpiTile } from "./kpi-tile";
import { costRowsLink, overviewLinks, type Carried } from "./drill-links";
import { FilterNote } from "./filter-note";
import { SectionHeading } from "./coverage-section";
import type { Overview } from "./overview-figures";

type CostTiles = NonNullable<Overview["tiles"]["cost"]>;

type NotApplied = Overview["filtersNotApplied"];

export function KeysCostSection({ keys, cost, carried, notApplied = {} }: { keys: Overview["tiles"]["keys"]; cost: CostTiles | null; carried?: Carried; notApplied?: NotApplied }) {
  const links = overviewLinks(carried);
  const keysNote = <FilterNote notes={notApplied.keys} testId="filter-note-keys" />;
  const costNote = <FilterNote notes={notApplied.cost} testId="filter-note-cost" />;
  return (
    <section aria-labelledby="keys-cost-heading">
      <SectionHeading id="keys-cost-heading" title="Keys and KMS cost">
        Current key inventory · billed cost, USD: from the imported bill where a month has one, Cost Explorer (unblended) otherwise
      </SectionHeading>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <KpiTile
          label="Customer managed keys"
          testId="kpi-cmk-count"
          value={formatInteger(keys.customerManaged)}
          href={links.customerManagedKeys}
          note={keysNote}
          hint={
            <>
              <Link href={links.unusableKeys} className="font-medium text-sky-800 underline underline-offset-2" data-testid="kpi-cmk-unusable">
                {formatInteger(keys.customerManagedUnusable)} disabled or pending deletion
              </Link>{" "}
              · billed per key-month
            </>
          }
        />
        <KpiTile
          label="AWS managed keys"
          testId="kpi-aws-managed-count"
          value={formatInteger(keys.awsManaged)}
          href={links.awsManagedKeys}
          note={keysNote}
          hint="aws/<service> keys · no storage charge, requests billed"
        />
        <KpiTile
          label="KMS cost, month to date"
          testId="kpi-cost-mtd"
          value={cost ? formatUsd(cost.monthToDate.total) : NO_VALUE}
          href={cost ? costRowsLink(cost.monthToDate.from, cost.monthToDate.to, undefined, carried) : undefined}
          note={costNote}
          hint={cost ? <CostHint window={cost.monthToDate} period={formatDayRange(dayToDate(cost.monthToDate.from), dayToDate(cost.monthToDate.to))} /> : "No Cost Explorer data yet"}
        />
        <KpiTile
          label="KMS cost, last full month"
          testId="kpi-cost-last-month"
          value={cost ? formatUsd(cost.lastFullMonth.total) : NO_VALUE}
          href={cost ? costRowsLink(cost.lastFullMonth.from, monthEnd(cost.lastFullMonth.from), undefined, carried) : undefined}
          note={costNote}
          change={
            cost
              ? costChangeText(difference(cost.lastFullMonth.total, cost.monthBefore.total), relativeChange(cost.lastFullMonth.total, cost.monthBefore.total), formatMonth(dayToDate(cost.monthBefore.from)))
              : undefined
          }
          hint={cost ? <CostHint window={cost.lastFullMonth} period={formatMonth(dayToDate(cost.lastFullMonth.from))} /> : "No Cost Explorer data yet"}
        />
      </div>
    </section>
  );
}

function CostHint({ window, period }: { window: CostTiles["lastFullMonth"]; period: string }) {
  return (
    <>
      <span className="font-medium text-slate-800">{period}</span> · keys {formatUsd(window.keys)} · requests{" "}
      {formatUsd(window.requests)}
      {window.other > 0 ? ` · other ${formatUsd(window.other)}` : null}
      {window.net !== window.total ? ` · usage only; net with credits, tax and corrections ${formatUsd(window.net)}` : null}
      <span className="block" data-testid="cost-source">Source: {window.source ?? NO_VALUE}</span>
    </>
  );
}
