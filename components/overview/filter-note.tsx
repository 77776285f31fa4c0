import type { FilterNotApplied } from "@/lib/queries/overview-filters";

const FILTER_NAMES: Record<FilterNotApplied["filter"], string> = { bu: "business unit", account: "account", region: "region", env: "environment", service: "service" };

/**
 * On a card whose figure cannot follow a filter of the bar (lib/queries/overview-filters.ts): says
 * which, and why, so an unfiltered figure is never read as a filtered one.
 */
export function FilterNote({ notes, testId }: { notes?: readonly FilterNotApplied[]; testId: string }) {
  if (!notes?.length) return null;
  return (
    // A block span: it also sits inside a chart's description paragraph.
    <span data-testid={testId} className="mt-2 block text-sm text-amber-800">
      {notes.map((n) => `Not filtered by ${FILTER_NAMES[n.filter]}: ${n.reason}.`).join(" ")}
    </span>
  );
}
