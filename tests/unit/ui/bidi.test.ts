import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SeriesLegend } from "@/components/charts/series-legend";
import { SeriesTable } from "@/components/charts/series-table";
import { Bdi, isolateText } from "@/components/tables/bidi";
import { textColumn } from "@/components/tables/columns";
import { DataTable } from "@/components/tables/data-table";

const RLO = "\u202E"; // right-to-left override: "payments" shows as "stnemyap" and so does what follows
const FSI = "\u2068";
const PDI = "\u2069";
const trojan = `${RLO}payments`;

describe("bidi isolation of organization text", () => {
  it("puts every plain table cell in a <bdi>", () => {
    type Row = { id: string; businessUnit: string; bucket: string };
    const rows: Row[] = [{ id: "1", businessUnit: trojan, bucket: `logs${PDI}${RLO}x` }];
    const html = renderToStaticMarkup(
      createElement(DataTable<Row>, {
        title: "Buckets", rows, rowKey: (r) => String(r.id), testId: "t",
        columns: [textColumn("businessUnit", "Business unit", (r: Row) => r.businessUnit), textColumn("bucket", "Bucket", (r: Row) => r.bucket)],
      }),
    );
    expect(html).toMatch(/<td class="[^"]*">/);
    expect(html).toContain(`"><bdi>${trojan}</bdi></td>`);
    // A stray PDI inside a value would end the isolate early: it is dropped, the override stays inside.
    expect(html).toContain(`<bdi>logs${RLO}x</bdi>`);
  });

  it("isolates series names in the chart legend and the chart's table", () => {
    const series = [{ key: "a", label: trojan, color: "#000" }];
    const legend = renderToStaticMarkup(createElement(SeriesLegend, { series, hidden: new Set<string>(), onToggle: () => {} }));
    expect(legend).toContain(`<bdi>${trojan}</bdi>`);
    const table = renderToStaticMarkup(
      createElement(SeriesTable, { data: [{ x: `${RLO}ops`, a: 12 }], series, xLabel: "Business unit", format: (v: number) => `$${v}` }),
    );
    expect(table).toContain(`<th scope="col" class="px-2 py-1.5 text-right"><bdi>${trojan}</bdi></th>`);
    expect(table).toContain(`<bdi>${RLO}ops</bdi></th><td class="px-2 py-1 text-right tabular-nums">$12</td>`);
  });

  it("wraps text for SVG and <option> between FSI and PDI, leaving plain text alone", () => {
    expect(isolateText(trojan)).toBe(`${FSI}${trojan}${PDI}`);
    expect(isolateText(`a${PDI}${RLO}b`)).toBe(`${FSI}a${RLO}b${PDI}`);
    expect(isolateText("payments")).toBe("payments");
    for (const control of ["\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u200E", "\u200F", "\u061C"]) {
      expect(isolateText(`x${control}`).startsWith(FSI)).toBe(true);
    }
  });

  it("renders Bdi as a <bdi> element", () => {
    expect(renderToStaticMarkup(createElement(Bdi, null, trojan))).toBe(`<bdi>${trojan}</bdi>`);
  });
});
