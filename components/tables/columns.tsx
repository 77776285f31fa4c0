// Column builders: the raw value (sort, search, CSV) and how the cell shows it.
import { formatInteger, formatUsd, NO_VALUE } from "@/components/format";
import { num, pick, str, type Row } from "@/components/hooks/queries/types";
import type { Column } from "./table-model";

// Typed rows (an endpoint module's answer, lib/endpoints) are read by a function over real field
// names; the name lists below are for views still reading untyped answers.

export const textColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: read });

export function countColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatInteger(read(r)!)) };
}

export function usdColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatUsd(read(r)!)) };
}

/** A day or a timestamp, shown as its day. */
export const dayColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: (r) => read(r).slice(0, 10), searchable: false });

export const textCol = (id: string, header: string, ...names: string[]): Column<Row> =>
  textColumn(id, header, (r: Row) => {
    const v = pick(r, ...(names.length ? names : [id]));
    return Array.isArray(v) ? v.map(str).join(" ") : str(v);
  });

export const countCol = (id: string, header: string, ...names: string[]) => countColumn(id, header, (r: Row) => num(pick(r, ...(names.length ? names : [id]))));

export const usdCol = (id: string, header: string, ...names: string[]) => usdColumn(id, header, (r: Row) => num(pick(r, ...(names.length ? names : [id]))));

export const dayCol = (id: string, header: string, ...names: string[]) => dayColumn(id, header, (r: Row) => str(pick(r, ...(names.length ? names : [id]))));

export function boolCol(id: string, header: string, yes: string, no: string, ...names: string[]): Column<Row> {
  const read = (r: Row) => {
    const v = pick(r, ...(names.length ? names : [id]));
    return v === true ? yes : v === false ? no : "";
  };
  return { id, header, value: read };
}
