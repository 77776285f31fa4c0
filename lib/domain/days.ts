// Days are UTC calendar days as YYYY-MM-DD strings everywhere (store, queries, API). One helper
// per conversion lives here, so no module grows its own toISOString().slice(0, 10).

/** A UTC calendar day, YYYY-MM-DD. */
export type Day = string;

/**
 * The end of a version that is still current: versions are valid over [valid_from, valid_to),
 * and the one valid today ends on this day (SQL: valid_to = '9999-12-31').
 */
export const OPEN_END: Day = "9999-12-31";

const DAY_MS = 86_400_000;

export function toDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function dayToDate(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: Day, n: number): Day {
  return toDay(new Date(dayToDate(day).getTime() + n * DAY_MS));
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / DAY_MS);
}

/** The last day of the day's month (2026-02-10 → 2026-02-28). */
export function monthEnd(day: Day): Day {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return toDay(new Date(Date.UTC(y, m, 0)));
}

/** A real calendar day as YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = dayToDate(value);
  return !Number.isNaN(date.getTime()) && toDay(date) === value;
}

/** OPEN_END as the Date the pg driver returns for a date column. */
export const OPEN_END_DATE: Date = dayToDate(OPEN_END);
