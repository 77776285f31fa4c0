"use client";

import { useRef, useState } from "react";
import { formatInteger } from "@/lib/domain/format";
import { csvFileName, type CsvColumn } from "@/lib/export/csv";
import { downloadText } from "./download";
import { exportAllPages, type PagedRows } from "./export-all";

type ExportStatus = { kind: "idle" } | { kind: "running"; rows: number; total: number | null } | { kind: "done"; rows: number } | { kind: "cancelled" } | { kind: "failed"; message: string };

/**
 * "Export CSV" for a server-paged table: reads every matching page when clicked, showing how far
 * it got, and saves one file. Cancel stops between pages.
 */
export function ExportButton<Row>({
  title,
  testId,
  columns,
  fetchPage,
  expectedTotal,
}: {
  title: string;
  testId: string;
  columns: readonly CsvColumn<Row>[];
  fetchPage: (page: number, pageSize: number, signal?: AbortSignal) => Promise<PagedRows<Row>>;
  /** The total the table shows, for the progress before the first page answers. */
  expectedTotal: number | null;
}) {
  const [status, setStatus] = useState<ExportStatus>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: "running", rows: 0, total: expectedTotal });
    try {
      const result = await exportAllPages({ fetchPage, columns, signal: abort.signal, onProgress: (rows, total) => setStatus({ kind: "running", rows, total }) });
      downloadText(result.parts, csvFileName(title), "text/csv;charset=utf-8");
      setStatus({ kind: "done", rows: result.rows });
    } catch (error) {
      setStatus(abort.signal.aborted ? { kind: "cancelled" } : { kind: "failed", message: error instanceof Error ? error.message : String(error) });
    } finally {
      controller.current = null;
    }
  };

  const running = status.kind === "running";
  return (
    <div className="flex items-center gap-2">
      <p className="text-sm text-slate-600" aria-live="polite" data-testid={`${testId}-export-status`}>
        {running ? (
          <>
            Exporting {formatInteger(status.rows)}
            {status.total !== null ? ` of ${formatInteger(status.total)}` : ""} rows…{" "}
            {status.total ? <progress className="ml-1 h-2 w-24 align-middle" value={status.rows} max={status.total} aria-label="Export progress" /> : null}
          </>
        ) : status.kind === "done" ? (
          `Exported ${formatInteger(status.rows)} rows`
        ) : status.kind === "cancelled" ? (
          "Export cancelled"
        ) : status.kind === "failed" ? (
          <span className="text-red-800">Export failed: {status.message}</span>
        ) : null}
      </p>
      <button
        type="button"
        onClick={() => (running ? controller.current?.abort() : void run())}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {running ? "Cancel export" : "Export CSV"}
      </button>
    </div>
  );
}
