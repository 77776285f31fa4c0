import { describe, expect, it } from "vitest";
import { exportAllPages, type PagedRows } from "@/components/tables/export-all";

interface R {
  name: string;
  size: number | null;
}
const columns = [
  { header: "Name", value: (r: R) => r.name },
  { header: "Size", value: (r: R) => r.size },
];
const rows: R[] = Array.from({ length: 7 }, (_, i) => ({ name: `r${i + 1}`, size: i % 2 ? null : i * 10 }));

/** A fake paged endpoint over `rows`, recording the pages asked for. */
function endpoint(data: R[]) {
  const asked: number[] = [];
  const fetchPage = async (page: number, pageSize: number): Promise<PagedRows<R>> => {
    asked.push(page);
    return { total: data.length, items: data.slice((page - 1) * pageSize, page * pageSize) };
  };
  return { asked, fetchPage };
}

describe("exportAllPages", () => {
  it("reads every page once, in order, into one CSV with a single header", async () => {
    const { asked, fetchPage } = endpoint(rows);
    const progress: [number, number][] = [];
    const result = await exportAllPages({ fetchPage, columns, pageSize: 3, onProgress: (n, t) => progress.push([n, t]) });
    expect(asked).toEqual([1, 2, 3]);
    expect(result.rows).toBe(7);
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(result.parts.join("")).toBe("Name,Size\r\nr1,0\r\nr2,\r\nr3,20\r\nr4,\r\nr5,40\r\nr6,\r\nr7,60\r\n");
  });

  it("stops at the total when it is an exact multiple of the page size (no empty extra request)", async () => {
    const { asked, fetchPage } = endpoint(rows.slice(0, 6));
    const result = await exportAllPages({ fetchPage, columns, pageSize: 3 });
    expect(asked).toEqual([1, 2]);
    expect(result.rows).toBe(6);
  });

  it("writes only the header when nothing matches", async () => {
    const result = await exportAllPages({ fetchPage: endpoint([]).fetchPage, columns, pageSize: 3 });
    expect(result).toEqual({ parts: ["Name,Size\r\n"], rows: 0 });
  });

  it("stops between pages when cancelled", async () => {
    const abort = new AbortController();
    const { asked, fetchPage } = endpoint(rows);
    const run = exportAllPages({ fetchPage, columns, pageSize: 3, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toThrow();
    expect(asked).toEqual([1]);
  });
});
