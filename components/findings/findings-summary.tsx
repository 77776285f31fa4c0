"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { findingsSummaryEndpoint } from "@/lib/endpoints/findings/summary";
import { formatInteger } from "@/lib/domain/format";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { useFilters } from "@/components/filters/use-filters";
import { Bdi } from "@/components/tables/bidi";
import { QueryBoundary } from "@/components/tables/states";
import { SeverityBadge } from "./severity-badge";

type Summary = ResponseOf<typeof findingsSummaryEndpoint>;

/** At most this many business units and accounts: the largest; the filter bar reaches the others. */
const TOP = 8;

/**
 * How many findings per severity, code, business unit and account under the page's filters.
 * Each count links to the list with that value added, whose total is that count.
 */
export function FindingsSummary({ params }: { params: Record<string, string> }) {
  const query = useEndpoint<typeof findingsSummaryEndpoint>("/api/findings/summary", params);
  const { searchParams } = useFilters();
  // The current URL with one filter set, the page reset (the new list starts at its first page).
  const withFilter = (param: string, value: string) => {
    const next = new URLSearchParams(searchParams.toString());
    next.set(param, value);
    next.delete("page");
    return `/findings?${next.toString()}`;
  };
  return (
    <QueryBoundary query={query} label="Loading the findings summary">
      {(summary: Summary) => (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4" data-testid="findings-summary">
          <Group title="By severity">
            {(["critical", "high", "medium", "low"] as const).map((s) => (
              <Entry key={s} href={withFilter("severity", s)} count={summary.bySeverity[s]} testId={`summary-severity-${s}`} label={<SeverityBadge severity={s} />} name={s} />
            ))}
          </Group>
          <Group title="By finding">
            {summary.byCode.map((c) => (
              <Entry key={c.code} href={withFilter("code", c.code)} count={c.findings} testId={`summary-code-${c.code}`} label={c.code} name={c.code} />
            ))}
          </Group>
          <Group title="By business unit">
            {summary.byBusinessUnit.slice(0, TOP).map((b) =>
              b.businessUnit === null ? null : (
                <Entry key={b.businessUnit} href={withFilter("bu", b.businessUnit)} count={b.findings} testId={`summary-bu-${b.businessUnit}`} label={<Bdi>{b.businessUnit}</Bdi>} name={b.businessUnit} />
              ),
            )}
          </Group>
          <Group title="By account">
            {summary.byAccount.slice(0, TOP).map((a) =>
              a.accountId === null ? null : <Entry key={a.accountId} href={withFilter("account", a.accountId)} count={a.findings} testId={`summary-account-${a.accountId}`} label={a.accountId} name={a.accountId} />,
            )}
          </Group>
        </div>
      )}
    </QueryBoundary>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{title}</h2>
      <ul className="space-y-1 text-sm">{children}</ul>
    </section>
  );
}

function Entry({ href, count, label, name, testId }: { href: string; count: number; label: ReactNode; name: string; testId: string }) {
  return (
    <li className="flex items-center justify-between gap-3">
      <span className="min-w-0 truncate text-slate-800">{label}</span>
      <Link href={href} scroll={false} aria-label={`${name}: ${formatInteger(count)} findings`} data-testid={testId} className="font-semibold tabular-nums text-sky-800 underline-offset-2 hover:underline">
        {formatInteger(count)}
      </Link>
    </li>
  );
}
