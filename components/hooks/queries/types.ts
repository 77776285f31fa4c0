// Response shapes of the KPI API as this UI reads them (docs/api.md is the contract; the API was
// still being written when these were set down, so each list is read through rowsOf, which
// accepts a bare array or { rows | items | data: [...] }).

export type Row = Record<string, unknown>;

export function rowsOf<T = Row>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === "object") {
    const obj = data as Record<string, unknown>;
    for (const name of ["rows", "items", "points", "scopes", "data", "series"]) {
      if (Array.isArray(obj[name])) return obj[name] as T[];
    }
  }
  return [];
}

export function num(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function str(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The first present field among names (the API's final naming was not known when written). */
export function pick(row: Row, ...names: string[]): unknown {
  for (const name of names) if (row[name] !== undefined && row[name] !== null) return row[name];
  return undefined;
}
