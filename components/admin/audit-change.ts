// The before/after of an audit row as a few readable lines: only what changed, one line per
// top-level field ("unusedKeyDays: 90 → 45"), values as compact JSON (strings bare).

export type ChangeLine = { field: string; before: string | null; after: string | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v));

export function changeLines(before: unknown, after: unknown): ChangeLine[] {
  if (!isRecord(before) && !isRecord(after)) {
    const line = { field: "", before: text(before), after: text(after) };
    return line.before === null && line.after === null ? [] : [line];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((f) => ({ field: f, before: text(b[f]), after: text(a[f]) }));
}
