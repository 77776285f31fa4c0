// Display formatting shared by every page and the digests (e-mail, chat: lib/reports). The
// locale is fixed so the server render, the client render, the digests and the end-to-end tests
// read the same text whatever the machine's locale.
const LOCALE = "en-US";

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: "long", year: "numeric", timeZone: "UTC" });
const shortDay = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", timeZone: "UTC" });

/** Placeholder for a figure that does not exist (no data), never to be read as zero. */
export const NO_VALUE = "—";

export function formatInteger(n: number): string {
  return integer.format(n);
}

/** "72.5%": always one decimal, matching the KPI definition's rounding. */
export function formatPercent(pct: number | null): string {
  return pct === null ? NO_VALUE : `${pct.toFixed(1)}%`;
}

export function formatUsd(amount: number): string {
  return usd.format(amount);
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"] as const;

/** Binary units, as EBS and RDS report sizes in GiB. */
export function formatBytes(bytes: bigint): string {
  let unit = 0;
  let scaled = Number(bytes);
  while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || scaled >= 100 ? 0 : 1;
  return `${scaled.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** A calendar day stored as UTC midnight, e.g. "22 Nov 2026" → "Nov 22, 2026". */
export function formatDay(day: Date): string {
  return dayFormat.format(day);
}

export function formatMonth(day: Date): string {
  return monthFormat.format(day);
}

/** "Nov 1 – Nov 22". */
export function formatDayRange(from: Date, to: Date): string {
  return `${shortDay.format(from)} – ${shortDay.format(to)}`;
}

/** "Non-compliant since": a stretch that starts on the first snapshot may have started long before, so it says so rather than claim the day. */
export function formatSince(day: string, isHistoryStart: boolean): string {
  return isHistoryStart ? `before ${day} (start of history)` : day;
}

// ---- chart axes --------------------------------------------------------------------------------
// Ticks are read at a glance: abbreviated, no cents ($4.1K, not $4,100.00); the exact figures are
// in the tooltip and the table.

const compactUsd = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const compactCount = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
const shortMonth = new Intl.DateTimeFormat(LOCALE, { month: "short", year: "numeric", timeZone: "UTC" });

/** "$4.1K", "$950", "$1.2M", "$0.5". */
export function formatUsdTick(amount: number): string {
  return compactUsd.format(amount);
}

/** "12K", "1.5M", "950". */
export function formatCountTick(n: number): string {
  return compactCount.format(n);
}

/** "2025-11-01" or "2025-11" → "Nov 2025". */
export function formatMonthShort(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return shortMonth.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2025-11-22" → "Nov 22". */
export function formatDayShort(day: string): string {
  return shortDay.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/**
 * Round tick values from 0 to at least `max`: the step is 1, 2, 2.5 or 5 × a power of ten, with
 * at most `count` steps, so the axis reads $0, $2K, $4K, $6K rather than $0, $1,537, $3,074.
 * `whole`: the values are counts, so a step is a whole number (no 2.5 resources).
 */
export function niceTicks(max: number, count = 5, whole = false): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10]
    .map((m) => m * power)
    .filter((s) => !whole || Number.isInteger(s))
    .find((s) => s * count >= max) ?? Math.max(1, 10 * power);
  const ticks: number[] = [];
  // Rounded to the step's decimals: 0.1 * 3 is 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = 0; i * step < max + step * 1e-9 || ticks.length < 2; i += 1) ticks.push(Number((i * step).toFixed(decimals)));
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.length * step).toFixed(decimals)));
  return ticks;
}
