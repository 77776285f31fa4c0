// The range picker's presets (issue 19): a link says "last 30 days", not two dates, so it shows the
// last 30 days whenever it is opened. Resolved to a [from, to] day range against today (UTC), the
// way Cost Explorer's relative ranges are. Pure: read by parseFilters, the picker and unit tests.
import { addDays, toDay, type Day } from "@/lib/domain/days";

export const RANGE_PRESETS = [
  { value: "30d", label: "Last 30 days" },
  { value: "last-month", label: "Last full month" },
  { value: "quarter", label: "This quarter" },
  { value: "13m", label: "Last 13 months" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["value"];

export const isRangePreset = (value: string): value is RangePreset => RANGE_PRESETS.some((p) => p.value === value);

/** The first day of the month `monthsBack` months before `day`'s month. */
function monthStart(day: Day, monthsBack: number): Day {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return toDay(new Date(Date.UTC(y, m - 1 - monthsBack, 1)));
}

/** The days a preset covers on `today`, both ends inclusive. */
export function presetRange(preset: RangePreset, today: Day): { from: Day; to: Day } {
  switch (preset) {
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "last-month":
      // The day before this month's first day ends the last full month.
      return { from: monthStart(today, 1), to: addDays(monthStart(today, 0), -1) };
    case "quarter": {
      const month = Number(today.slice(5, 7));
      return { from: monthStart(today, (month - 1) % 3), to: today };
    }
    case "13m":
      // The current month and the twelve before it: the overview's 13-month window.
      return { from: monthStart(today, 12), to: today };
  }
}

/** The period of the same length just before [from, to] ("compare with previous period"). */
export function previousPeriod(range: { from: Day; to: Day }): { from: Day; to: Day } {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}
