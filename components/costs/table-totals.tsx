import { sumMoney } from "@/lib/domain/money";
import { formatUsd, NO_VALUE } from "@/lib/domain/format";

/** One summed column: its header (as in the table above) and each row's amount (null = no data). */
export interface TotalColumn<R> {
  header: string;
  value: (row: R) => number | null;
}

/**
 * The total row under a showback table: each column summed to the last digit of the amounts
 * (integer money units, lib/domain/money.ts), never float +=. A column whose rows are all
 * "no data" stays "—" rather than $0.00.
 */
export function columnTotals<R>(rows: readonly R[], columns: readonly TotalColumn<R>[]): (number | null)[] {
  return columns.map((c) => {
    const values = rows.map(c.value).filter((v): v is number => v !== null);
    return values.length ? sumMoney(values) : null;
  });
}

export function TableTotals<R>({ title, rows, columns, testId }: { title: string; rows: readonly R[]; columns: readonly TotalColumn<R>[]; testId: string }) {
  const totals = columnTotals(rows, columns);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-700">
            <th scope="col" className="px-3 py-1 font-medium">Total of {rows.length} rows</th>
            {columns.map((c) => <th key={c.header} scope="col" className="px-3 py-1 text-right font-medium">{c.header}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr className="font-semibold text-slate-900">
            <th scope="row" className="px-3 py-1 text-left">Total</th>
            {totals.map((t, i) => <td key={columns[i]!.header} className="px-3 py-1 text-right tabular-nums" data-testid={`${testId}-${i}`}>{t === null ? NO_VALUE : formatUsd(t)}</td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
