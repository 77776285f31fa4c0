// Series descriptions shared by the generic charts and their table alternatives.
import { seriesColor } from "./palette";

export interface SeriesSpec {
  /** Property of each datum holding this series' value. */
  key: string;
  label: string;
  color: string;
}

/** Series for a list of names (business units, accounts) in palette order; "(untagged)" is grey. */
export function namedSeries(names: readonly string[], untaggedColor = "#8C8C8C"): SeriesSpec[] {
  let index = 0;
  return names.map((name) => ({
    key: name,
    label: name,
    color: name === "(untagged)" ? untaggedColor : seriesColor(index++),
  }));
}

/**
 * Long rows ({x, series, value}) → wide rows ({x, [series]: value}) for recharts, with every
 * series present in every row (0 for a stacked gap would hide "no data", so missing stays absent
 * unless fill is given).
 */
export function pivot<T>(
  rows: readonly T[],
  x: (row: T) => string,
  series: (row: T) => string,
  value: (row: T) => number,
  fill?: number,
): { data: Record<string, string | number>[]; seriesNames: string[] } {
  const byX = new Map<string, Record<string, string | number>>();
  const names = new Set<string>();
  for (const row of rows) {
    const xValue = x(row);
    const name = series(row);
    names.add(name);
    const datum = byX.get(xValue) ?? { x: xValue };
    datum[name] = ((datum[name] as number | undefined) ?? 0) + value(row);
    byX.set(xValue, datum);
  }
  const seriesNames = [...names].sort((a, b) => (a === "(untagged)" ? 1 : b === "(untagged)" ? -1 : a.localeCompare(b)));
  const data = [...byX.values()].sort((a, b) => String(a.x).localeCompare(String(b.x)));
  if (fill !== undefined) for (const d of data) for (const n of seriesNames) d[n] ??= fill;
  return { data, seriesNames };
}
