// Change of a tile's figure against the previous period (30 days before, the month before).
// null whenever either side is unknown: "no figure then" is not "no change".

/** How far back the coverage and non-compliance tiles compare (the API and the home page alike). */
export const COMPARE_DAYS = 30;

/** Rounds to one decimal, half away from zero; the epsilon keeps 2.35 from rounding to 2.3 through float error. */
export const oneDecimal = (x: number) => Math.round(x * 10 + Math.sign(x) * 1e-9) / 10;

/** Points between two percentages as the tiles show them (one decimal), so the change reads as their difference. */
export function shownPointsChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  return pointsChange(current == null ? null : oneDecimal(current), previous == null ? null : oneDecimal(previous));
}

/** Percentage points between two percentages, one decimal. */
export function pointsChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null) return null;
  return oneDecimal(current - previous);
}

/** Difference of two counts or amounts. */
export function difference(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null) return null;
  return current - previous;
}

/** Relative change in percent, one decimal; null from a zero base (any growth from 0 is not a percentage). */
export function relativeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return oneDecimal(((current - previous) / previous) * 100);
}
