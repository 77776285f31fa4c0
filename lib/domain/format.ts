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
