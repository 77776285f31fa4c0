// Client-side CSV of exactly the rows a table shows, with the same column order and headers.
// RFC 4180 quoting; a leading =, +, -, @, tab or CR in text is prefixed with ' so a spreadsheet does not
// run it as a formula (CSV injection), while numbers stay numbers.

import { moneyText } from "@/lib/domain/money";
import { toDay } from "@/lib/domain/days";

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Rounded to Cost Explorer's 10 decimals, in plain decimals: a sum of floats (0.1 + 0.2) is
  // written 0.3, a few requests' cost 0.0000003333 (not 3.333e-7).
  if (typeof value === "number") return Number.isFinite(value) ? moneyText(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name that says what and when: "keys-2026-03-01.csv". */
export function csvFileName(table: string, day: Date = new Date()): string {
  const safe = table.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${safe || "export"}-${toDay(day)}.csv`;
}
