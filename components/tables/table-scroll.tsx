import type { ReactNode } from "react";
import type { Column } from "./table-model";

/**
 * The first cell of every row stays in view while a wide table scrolls sideways inside its card
 * (the page itself never scrolls sideways). Its background is inherited from the row, the table
 * and the card, so it covers the cells scrolled under it in every colour scheme and on hover.
 */
const STICKY_FIRST_COLUMN =
  "bg-inherit [&_:is(table,tbody,tr)]:bg-inherit [&_tr>:first-child]:sticky [&_tr>:first-child]:left-0 [&_tr>:first-child]:z-[1] [&_tr>:first-child]:bg-inherit";

/**
 * Wraps every table of the dashboard: the table scrolls inside its card, its name column sticky.
 * contain-inline-size: the table's width no longer counts in the width of what holds it, so a
 * grid or flex item with a wide table takes its track's width instead of pushing the page wider
 * (overflow-x-auto alone did not stop that: the overview was 547 px wide on a 390 px phone).
 * relative: the scroller is the containing block of what is absolutely positioned inside it, such
 * as the sr-only "Actions" header of an admin table's last column. Without it that 1 px box was
 * placed against the page, at the table's far right edge, and widened the page by the table's
 * width (/admin/tokens 761 px, /alerts 862 px on a 390 px phone once their tables had rows).
 */
export function TableScroll({ children, className = "", ...rest }: { children: ReactNode; className?: string } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...rest} className={`relative overflow-x-auto contain-inline-size ${STICKY_FIRST_COLUMN} ${className}`}>
      {children}
    </div>
  );
}

// Whole class names (Tailwind only generates classes it finds written out).
const HIDE_BELOW: Record<NonNullable<Column<unknown>["hideBelow"]>, string> = {
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
  "2xl": "hidden 2xl:table-cell",
};

/**
 * Classes of a column's cells: alignment, priority, wrapping. Headers ("header") wrap whatever the
 * column: long headers on one line ("Request cost, days with per-key data (USD)") made the keys
 * table 2,403 px wide at 1440 px.
 */
export function columnClass(c: Pick<Column<unknown>, "align" | "hideBelow" | "nowrap">, place: "cell" | "header" = "cell"): string {
  const nowrap = c.nowrap && place === "cell";
  return [c.align === "right" ? "text-right" : "", c.hideBelow ? HIDE_BELOW[c.hideBelow] : "", nowrap ? "whitespace-nowrap" : ""].filter(Boolean).join(" ");
}
