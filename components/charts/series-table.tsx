import Link from "next/link";
import { Bdi } from "@/components/tables/bidi";
import type { SeriesSpec } from "./series";

/** The table alternative of a series chart: one row per x value, one column per series. */
export function SeriesTable({
  data,
  series,
  xLabel,
  format,
  formatX = (x) => x,
  total,
  linkFor,
}: {
  data: readonly Record<string, string | number>[];
  series: readonly SeriesSpec[];
  xLabel: string;
  format: (value: number) => string;
  formatX?: (x: string) => string;
  total?: boolean;
  /** The rows behind a cell (x × series), when the chart has them: the figure becomes a link. */
  linkFor?: (x: string, seriesKey?: string) => string | null;
}) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5">{xLabel}</th>
          {series.map((s) => (
            <th key={s.key} scope="col" className="px-2 py-1.5 text-right"><Bdi>{s.label}</Bdi></th>
          ))}
          {total ? <th scope="col" className="px-2 py-1.5 text-right">Total</th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {data.map((d) => (
          <tr key={String(d.x)}>
            <th scope="row" className="px-2 py-1 font-normal text-slate-800"><Bdi>{formatX(String(d.x))}</Bdi></th>
            {series.map((s) => (
              <td key={s.key} className="px-2 py-1 text-right tabular-nums">
                <CellValue value={d[s.key]} format={format} href={linkFor?.(String(d.x), s.key) ?? null} />
              </td>
            ))}
            {total ? (
              <td className="px-2 py-1 text-right font-medium tabular-nums">
                {format(series.reduce((sum, s) => sum + (typeof d[s.key] === "number" ? (d[s.key] as number) : 0), 0))}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CellValue({ value, format, href }: { value: string | number | undefined; format: (value: number) => string; href: string | null }) {
  if (typeof value !== "number") return <>—</>;
  return href ? (
    <Link href={href} className="text-sky-800 underline-offset-2 hover:underline">
      {format(value)}
    </Link>
  ) : (
    <>{format(value)}</>
  );
}
