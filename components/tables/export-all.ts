// The CSV export of a server-paged table: every row matching the filters, sort and search, read
// page after page when the user asks for the file (the one place the browser reads every page).
// Each page becomes CSV text at once, so a 400,000-row export holds text, not row objects.
import { toCsv, type CsvColumn } from "@/lib/export/csv";

export interface PagedRows<Row> {
  total: number;
  items: Row[];
}

/** The API's largest page: fewest requests for a full export. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportResult {
  /** The CSV file in pieces: header line, then one piece per page. */
  parts: string[];
  rows: number;
}

export async function exportAllPages<Row>(options: {
  fetchPage: (page: number, pageSize: number, signal?: AbortSignal) => Promise<PagedRows<Row>>;
  columns: readonly CsvColumn<Row>[];
  pageSize?: number;
  signal?: AbortSignal;
  /** After each page: rows read so far and the server's current total. */
  onProgress?: (rows: number, total: number) => void;
}): Promise<ExportResult> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const header = toCsv(options.columns, []);
  const parts = [header];
  let rows = 0;
  for (let page = 1; ; page += 1) {
    options.signal?.throwIfAborted();
    const data = await options.fetchPage(page, pageSize, options.signal);
    // toCsv repeats the header: keep only the page's lines.
    if (data.items.length > 0) parts.push(toCsv(options.columns, data.items).slice(header.length));
    rows += data.items.length;
    options.onProgress?.(rows, data.total);
    // A short page is the last; the total also ends it when it is an exact multiple of the size.
    if (data.items.length < pageSize || rows >= data.total) return { parts, rows };
  }
}
