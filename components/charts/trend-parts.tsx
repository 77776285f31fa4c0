"use client";

// What every daily trend chart adds to its series (issue 19): the policy target as a goal line,
// a marker on each day a settings change recomputed history, and "compare with previous period"
// (?compare=previous, one choice for every chart of the page) as the same days before.
import type { getSettingsEndpoint } from "@/lib/endpoints/settings";
import { useUrlChoice } from "@/components/filters/use-url-state";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import type { DerivedData } from "@/lib/settings/invalidation";
import { recomputeDays } from "./recompute-days";

export const PREVIOUS = "Previous period";

/** The page's compare choice, kept in the URL. */
export function useCompare(): { compare: boolean; setCompare: (on: boolean) => void } {
  const [compare, setCompare] = useUrlChoice("compare", ["off", "previous"], "off");
  return { compare: compare === "previous", setCompare: (on: boolean) => setCompare(on ? "previous" : "off") };
}

/** The days a series answer covers (null ends: no data at all). */
export const spanOf = (data: { from: string | null; to: string | null } | undefined) => (data?.from && data.to ? { from: data.from, to: data.to } : undefined);

/** The previous period's series, re-keyed onto this period's days (day i of each). */
export function alignPrevious<P extends { day: string }>(current: readonly P[], previous: readonly P[], value: (p: P) => number | null) {
  const out = new Map<string, number>();
  current.forEach((p, i) => {
    const v = previous[i] ? value(previous[i]) : null;
    if (v !== null) out.set(p.day, v);
  });
  return out;
}

/** A marker on every day in the chart's days on which a settings recompute of what it `shows` finished. */
export function useRecomputeMarkers(days: readonly string[], shows: readonly DerivedData[]) {
  const settings = useEndpoint<typeof getSettingsEndpoint>("/api/settings");
  const marked = recomputeDays(settings.data?.recomputes ?? [], days, shows);
  return { markers: marked.map((x) => ({ x, label: "recomputed" })), days: marked };
}

export function CompareToggle({ on, set, chart }: { on: boolean; set: (on: boolean) => void; chart: string }) {
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-700">
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} aria-label={`${chart}: compare with previous period`} />
      vs previous period
    </label>
  );
}

/** The chart's days, its goal, the recomputes it marks and the period it compares with, in words. */
export function TrendNotes({ range, goal, recomputed, compared }: { range?: { from: string; to: string }; goal: string; recomputed: readonly string[]; compared?: { from: string; to: string } }) {
  return (
    <>
      {range ? <span data-testid="chart-span">{range.from} to {range.to}</span> : null}
      {" · "}goal line: {goal}
      {recomputed.length ? <span data-testid="chart-recomputes">{` · history recomputed after a settings change on ${recomputed.join(", ")}`}</span> : null}
      {compared ? ` · dashed: ${compared.from} to ${compared.to}` : ""}
    </>
  );
}
