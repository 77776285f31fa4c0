// Column builders over API rows: each reads the first present field among the given names. Over
// a typed row (an endpoint module's response, `textCol<Item>(...)`) the names are checked against
// its fields, so a renamed field fails typecheck; over an untyped Row any name is accepted.
import { formatInteger, formatUsd, NO_VALUE } from "@/components/format";
import { num, pick, str, type Row } from "@/components/hooks/queries/types";
import type { Column } from "./table-model";

/** The field names of a row type ("any string" for an untyped Row). */
type Field<R> = Extract<keyof R, string>;
const fields = <R,>(r: R, names: string[], id: string) => pick(r as unknown as Row, ...(names.length ? names : [id]));

export function textCol<R = Row>(id: string, header: string, ...names: NoInfer<Field<R>>[]): Column<R> {
  const read = (r: R) => {
    const v = fields(r, names, id);
    return Array.isArray(v) ? v.map(str).join(" ") : str(v);
  };
  return { id, header, value: read };
}

export function countCol<R = Row>(id: string, header: string, ...names: NoInfer<Field<R>>[]): Column<R> {
  const read = (r: R) => num(fields(r, names, id));
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatInteger(read(r)!)) };
}

export function usdCol<R = Row>(id: string, header: string, ...names: NoInfer<Field<R>>[]): Column<R> {
  const read = (r: R) => num(fields(r, names, id));
  return { id, header, value: read, align: "right", searchable: false, cell: (r) => (read(r) === null ? NO_VALUE : formatUsd(read(r)!)) };
}

export function dayCol<R = Row>(id: string, header: string, ...names: NoInfer<Field<R>>[]): Column<R> {
  const read = (r: R) => str(fields(r, names, id)).slice(0, 10);
  return { id, header, value: read, searchable: false };
}

export function boolCol<R = Row>(id: string, header: string, yes: string, no: string, ...names: NoInfer<Field<R>>[]): Column<R> {
  const read = (r: R) => {
    const v = fields(r, names, id);
    return v === true ? yes : v === false ? no : "";
  };
  return { id, header, value: read };
}
