import Link from "next/link";
import type { NonCompliantReason } from "@/generated/prisma/enums";
import { reasonColors } from "@/components/charts/palette";
import { formatInteger } from "@/lib/domain/format";
import { reasonLabels, reasonOrder, reasonTestId } from "./reason-labels";
import { resourcesLink, type Carried } from "./drill-links";

interface Props {
  byReason: Record<NonCompliantReason, number>;
  total: number;
  /** The filter bar's values, carried to the resources list. */
  carried?: Carried;
}

/** Horizontal bars, one per reason, scaled to the largest so small reasons stay visible. */
export function NonComplianceBreakdown({ byReason, total, carried }: Props) {
  const largest = Math.max(1, ...reasonOrder.map((r) => byReason[r]));
  return (
    <section aria-labelledby="nc-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="nc-heading" className="text-base font-semibold text-slate-900">
        Non-compliant resources by reason
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Resources the policy requires on a customer managed key, latest day · {formatInteger(total)} in total
      </p>
      <ul className="mt-4 space-y-3">
        {reasonOrder.map((reason) => {
          const count = byReason[reason];
          return (
            <li key={reason} className="grid grid-cols-[minmax(0,17rem)_1fr_3.5rem] items-center gap-3">
              <div className="min-w-0">
                <div className="flex items-center gap-2 text-sm font-medium text-slate-800">
                  <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: reasonColors[reason] }} />
                  {reasonLabels[reason].label}
                </div>
                <div className="pl-5 text-xs text-slate-600">{reasonLabels[reason].detail}</div>
              </div>
              <div aria-hidden="true" className="h-3 rounded-sm bg-slate-100">
                <div className="h-full rounded-sm" style={{ width: `${(count / largest) * 100}%`, backgroundColor: reasonColors[reason] }} />
              </div>
              <div className="text-right text-sm font-semibold text-slate-900 tabular-nums" data-testid={reasonTestId(reason)}>
                <Link href={resourcesLink({ reason }, carried)} aria-label={`${reasonLabels[reason].label}: ${formatInteger(count)}`} className="underline decoration-slate-300 underline-offset-2 hover:decoration-sky-700">
                  {formatInteger(count)}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
