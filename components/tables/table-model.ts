// Pure table logic (search, sort, paging) shared by every table and tested without a browser.
import type { CsvValue } from "@/lib/export/csv";

export interface Column<Row> {
  id: string;
  header: string;
  /** The raw value: what sorting, searching and the CSV use (never the formatted text). */
  value: (row: Row) => CsvValue;
  /** How the cell looks; defaults to the raw value as text. */
  cell?: (row: Row) => React.ReactNode;
  align?: "left" | "right";
  /** Excluded from free-text search (numbers, dates). */
  searchable?: boolean;
  sortable?: boolean;
  /** Hidden below this window width (sort, search and the CSV keep it): low-priority columns make room on narrow screens. */
  hideBelow?: "md" | "lg" | "xl" | "2xl";
  /** In the CSV and the search only: a full ARN behind a name the table shows. */
  exportOnly?: boolean;
  /** Kept on one line: days, regions and ids read wrong broken at a hyphen ("2026-02-/28"). */
  nowrap?: boolean;
}

export type SortDirection = "asc" | "desc";
export interface SortState {
  id: string;
  direction: SortDirection;
}

function compare(a: CsvValue, b: CsvValue): number {
  // Missing values sort last in both directions: "no data" is never the smallest figure.
  const aMissing = a === null || a === undefined || a === "";
  const bMissing = b === null || b === undefined || b === "";
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
}

/** The columns a table draws (the CSV has them all). */
export const shownColumns = <Row,>(columns: readonly Column<Row>[]): Column<Row>[] => columns.filter((c) => !c.exportOnly);

export function searchRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], query: string): Row[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...rows];
  const searchable = columns.filter((c) => c.searchable !== false);
  return rows.filter((row) =>
    searchable.some((c) => {
      const v = c.value(row);
      return v !== null && v !== undefined && String(v).toLowerCase().includes(needle);
    }),
  );
}

export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: SortState | null): Row[] {
  const out = [...rows];
  const column = sort ? columns.find((c) => c.id === sort.id) : undefined;
  if (!sort || !column) return out;
  const sign = sort.direction === "asc" ? 1 : -1;
  // Stable sort; the missing-last rule must not flip with the direction.
  return out
    .map((row, index) => ({ row, index, v: column.value(row) }))
    .sort((x, y) => {
      const xMissing = x.v === null || x.v === undefined || x.v === "";
      const yMissing = y.v === null || y.v === undefined || y.v === "";
      if (xMissing !== yMissing) return xMissing ? 1 : -1;
      return sign * compare(x.v, y.v) || x.index - y.index;
    })
    .map((e) => e.row);
}

/** Click on a header: ascending first (descending for numbers, where "largest" is the question). */
export function nextSort(current: SortState | null, id: string, numeric: boolean): SortState {
  if (current?.id === id) return { id, direction: current.direction === "asc" ? "desc" : "asc" };
  return { id, direction: numeric ? "desc" : "asc" };
}

export function parseSort(text: string | null | undefined): SortState | null {
  if (!text) return null;
  const match = /^([A-Za-z0-9_-]+)\.(asc|desc)$/.exec(text);
  return match ? { id: match[1]!, direction: match[2] as SortDirection } : null;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
