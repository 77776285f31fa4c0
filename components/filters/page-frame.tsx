import { Suspense, type ReactNode } from "react";
import type { DataAsOf } from "@/lib/queries/freshness";
import { toDay } from "@/lib/domain/days";
import { formatDay, formatInteger } from "@/lib/domain/format";
import { ParamProblems } from "./param-problems";
import { SourceFreshness } from "./source-freshness";

/** Title, "Data as of" and the URL-parameter messages every page starts with (server part). */
export function PageFrame({ title, description, freshness, children }: { title: string; description: string; freshness: DataAsOf | null; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-1 text-sm text-slate-600">{description}</p>
        </div>
        <div className="text-sm text-slate-700 sm:text-right">
          {freshness ? (
            <>
              <p>
                Inventory as of{" "}
                <time dateTime={toDay(freshness.asOf)} data-testid="data-as-of" className="font-semibold text-slate-900">
                  {formatDay(freshness.asOf)}
                </time>
              </p>
              <SourceFreshness sources={freshness.sources} />
              {freshness.laggingScopes > 0 ? (
                <p className="text-amber-800">
                  {formatInteger(freshness.laggingScopes)} of {formatInteger(freshness.scopes)} scopes older (oldest{" "}
                  <time dateTime={toDay(freshness.oldestScope)}>{formatDay(freshness.oldestScope)}</time>)
                </p>
              ) : null}
            </>
          ) : (
            <p data-testid="data-as-of">No data yet: run an ingestion (npm run ingest) or load the demo (npm run demo)</p>
          )}
        </div>
      </div>
      {/* useSearchParams needs a Suspense boundary in the App Router. */}
      <Suspense fallback={null}>
        <ParamProblems />
      </Suspense>
      <Suspense fallback={null}>{children}</Suspense>
    </div>
  );
}
