import type { DataAsOf } from "@/lib/queries/freshness";
import { toDay } from "@/lib/domain/days";
import { formatDay, formatInteger } from "@/lib/domain/format";

/** filtered: the filter bar narrows the figures (to a business unit, account, region, environment or service). */
export function PageHeading({ freshness, filtered = false }: { freshness: DataAsOf | null; filtered?: boolean }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Overview</h1>
        <p className="mt-1 text-sm text-slate-600">{filtered ? "The part of the organization the filters below pick" : "Whole organization"}, from the latest snapshot of each account and region</p>
      </div>
      <div className="text-sm text-slate-700 sm:text-right">
        {freshness ? (
          <>
            <p>
              Data as of{" "}
              <time dateTime={toDay(freshness.asOf)} data-testid="data-as-of" className="font-semibold text-slate-900">
                {formatDay(freshness.asOf)}
              </time>
            </p>
            {freshness.laggingScopes > 0 ? (
              <p className="text-amber-800" data-testid="data-lagging">
                {formatInteger(freshness.laggingScopes)} of {formatInteger(freshness.scopes)} scopes older (oldest{" "}
                <time dateTime={toDay(freshness.oldestScope)}>{formatDay(freshness.oldestScope)}</time>)
              </p>
            ) : null}
          </>
        ) : (
          <p data-testid="data-as-of">No data yet</p>
        )}
      </div>
    </div>
  );
}
