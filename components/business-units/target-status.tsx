import type { ReactNode } from "react";
import type { TargetStatus } from "@/lib/kpi/target-gap";

// A figure coloured against its target, with the words too (colour is never the only signal).
const STYLE: Record<TargetStatus, { box: string; text: string; words: string }> = {
  met: { box: "border-emerald-300 bg-emerald-50", text: "text-emerald-800", words: "target met" },
  missed: { box: "border-red-300 bg-red-50", text: "text-red-800", words: "target missed" },
  "no data": { box: "border-slate-200 bg-white", text: "text-slate-700", words: "no data" },
};

/** note: the filters of the bar this figure cannot follow (FilterNote), under the detail. */
export function TargetTile({ label, value, status, detail, testId, note }: { label: string; value: string; status: TargetStatus | null; detail: ReactNode; testId: string; note?: ReactNode }) {
  const style = STYLE[status ?? "no data"];
  return (
    <div className={`rounded-lg border p-4 shadow-sm ${status ? style.box : "border-slate-200 bg-white"}`} data-testid={testId} data-status={status ?? "none"}>
      <h3 className="text-sm font-medium text-slate-700">{label}</h3>
      <p className={`mt-1 text-3xl font-semibold tabular-nums ${style.text}`} data-testid={`${testId}-value`}>{value}</p>
      <p className="mt-1 text-sm text-slate-700">
        {detail}
        {status ? <span className={`ml-1 font-medium ${style.text}`}>· {style.words}</span> : null}
      </p>
      {note}
    </div>
  );
}

export const statusTextClass = (status: TargetStatus) => STYLE[status].text;
