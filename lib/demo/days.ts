import { toDay } from "@/lib/domain/days";
// Days are handled as integer indexes (days since 1970-01-01, UTC) while generating, and turned
// into "YYYY-MM-DD" strings only in the records: cheap arithmetic over 400 days × 20,000 keys.

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function dayIndex(day: string): number {
  if (!DAY_PATTERN.test(day)) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  return Math.round(ms / MS_PER_DAY);
}

export function dayString(index: number): string {
  return toDay(new Date(index * MS_PER_DAY));
}

export function todayUtc(now: Date): string {
  return toDay(now);
}

/** A moment within the day: `seconds` after midnight UTC. */
export function dateAt(index: number, seconds = 0): Date {
  return new Date(index * MS_PER_DAY + seconds * 1000);
}

export function daysInMonthOf(index: number): number {
  const d = new Date(index * MS_PER_DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(index: number): number {
  return (new Date(index * MS_PER_DAY).getUTCDay() + 6) % 7;
}

/** Calendar months overlapping [fromIndex, toIndex], each clipped to that range. */
export function monthWindows(fromIndex: number, toIndex: number): { from: number; to: number }[] {
  const windows: { from: number; to: number }[] = [];
  let from = fromIndex;
  while (from <= toIndex) {
    const d = new Date(from * MS_PER_DAY);
    const monthEnd = Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / MS_PER_DAY);
    const to = Math.min(monthEnd, toIndex);
    windows.push({ from, to });
    from = to + 1;
  }
  return windows;
}
