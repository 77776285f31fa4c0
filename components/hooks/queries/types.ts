// The settings form edits the policy document by path ("targets.coverageByCountPct"), so it reads
// it as a plain JSON object; every other view reads an endpoint module's typed answer.

export type Row = Record<string, unknown>;

export function str(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
