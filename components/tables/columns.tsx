// Column builders over API rows: each reads the first present field among the given names.
import { formatInteger, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { num, pick, str, type Row } from "@/components/hooks/queries/types";
import type { Column } from "./table-model";

export function textCol(id: string, header: string, ...names: string[]): Column<Row> {
  const read = (r: Row) => {
    const v = pick(r, ...(names.length ? names : [id]));
    return Array.isArray(v) ? v.map(str).join(" ") : str(v);
  };
  return { id, header, value: read };
}

export function countCol(id: string, header: string, ...names: string[]): Column<Row> {
  const read = (r: Row) => num(pick(r, ...(names.length ? names : [id])));
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatInteger(read(r)!)) };
}

export function usdCol(id: string, header: string, ...names: string[]): Column<Row> {
  const read = (r: Row) => num(pick(r, ...(names.length ? names : [id])));
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatUsd(read(r)!)) };
}

export function dayCol(id: string, header: string, ...names: string[]): Column<Row> {
  const read = (r: Row) => str(pick(r, ...(names.length ? names : [id]))).slice(0, 10);
  return { id, header, value: read, searchable: false };
}

export function boolCol(id: string, header: string, yes: string, no: string, ...names: string[]): Column<Row> {
  const read = (r: Row) => {
    const v = pick(r, ...(names.length ? names : [id]));
    return v === true ? yes : v === false ? no : "";
  };
  return { id, header, value: read };
}
