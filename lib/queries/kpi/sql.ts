import { type DimensionFilters } from "@/lib/domain/dimensions";
// Building WHERE clauses with bound parameters: column names come from fixed maps in code,
// every value goes through add() and is sent as $n, never spliced into the SQL text.

export class SqlParams {
  readonly values: unknown[] = [];
  /** Binds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Column names of the dimension filters, per table alias. */
export const DIMENSION_COLUMNS = {
  account: "account_id",
  region: "region",
  service: "service",
  bu: "business_unit",
  env: "environment",
  classification: "classification",
} as const satisfies Record<keyof DimensionFilters, string>;

/** `col = ANY($n)` for each given filter; service compares as text (it is an enum column). */
export function dimensionConditions(filters: DimensionFilters, params: SqlParams, alias = ""): string[] {
  const prefix = alias ? `${alias}.` : "";
  const conditions: string[] = [];
  for (const [name, column] of Object.entries(DIMENSION_COLUMNS) as [keyof DimensionFilters, string][]) {
    const values = filters[name];
    if (!values?.length) continue;
    const col = name === "service" ? `${prefix}${column}::text` : `${prefix}${column}`;
    conditions.push(`${col} = ANY(${params.add(values)}::text[])`);
  }
  return conditions;
}

export const whereClause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

/** Postgres numeric/bigint results (Decimal, bigint, string) as a JS number. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return Number(String(value));
}

