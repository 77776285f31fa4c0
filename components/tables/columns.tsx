// Column builders: the raw value (sort, search, CSV) and how the cell shows it.
import { formatInteger, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { codeLabel, codeLabels } from "@/lib/domain/labels";
import type { Column } from "./table-model";

// Rows are an endpoint module's typed answer (lib/endpoints): each column reads real field names.

export const textColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: read });

/** A count: whole numbers in the cell and in the CSV (an average per bucket is still a count of requests, not 149617728.86). */
export function countColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  const whole = (r: R) => (read(r) === null ? null : Math.round(read(r)!));
  return { id, header, value: whole, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatInteger(read(r)!)) };
}

export function usdColumn<R>(id: string, header: string, read: (row: R) => number | null): Column<R> {
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatUsd(read(r)!)) };
}

/** A day or a timestamp, shown as its day. */
export const dayColumn = <R,>(id: string, header: string, read: (row: R) => string): Column<R> => ({ id, header, value: (r) => read(r).slice(0, 10), searchable: false });

type Labels = Parameters<typeof codeLabel>[0];

/** A code shown as its label (lib/domain/labels.ts), the code on hover; the CSV keeps the code. */
export function labelColumn<R>(id: string, header: string, read: (row: R) => string, labels: Labels): Column<R> {
  return { id, header, value: read, cell: (r) => <span title={read(r)}>{codeLabel(labels, read(r))}</span> };
}

/** Several codes in one cell (a key's findings), labels joined, the codes on hover; the CSV keeps the codes. */
export function labelsColumn<R>(id: string, header: string, read: (row: R) => readonly string[], labels: Labels): Column<R> {
  return { id, header, value: (r) => read(r).join(" "), cell: (r) => <span title={read(r).join(" ")}>{codeLabels(labels, read(r))}</span> };
}
