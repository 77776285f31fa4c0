// Column builders: the raw value (sort, search, CSV) and how the cell shows it.
import { formatInteger, formatUsd, NO_VALUE } from "@/lib/domain/format";
import type { Column } from "./table-model";

// Rows are an endpoint module's typed answer (lib/endpoints): each column reads real field names.

export const textColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: read });

export function countColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  return { id, header, value: read, align: "right", searchable: false, nowrap: true, cell: (r) => (read(r) === null ? NO_VALUE : formatInteger(read(r)!)) };
}

export function usdColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  return { id, header, value: read, align: "right", searchable: false, nowrap: true, cell: (r) => (read(r) === null ? NO_VALUE : formatUsd(read(r)!)) };
}

/** A day or a timestamp, shown as its day. */
export const dayColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: (r) => read(r).slice(0, 10), searchable: false, nowrap: true });
