"use client";

import { useState, type FormEvent } from "react";
import { useBillUploadMutation } from "@/components/hooks/queries/mutations";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import type { PeriodOutcome } from "@/lib/bill/import/import-bill";
import type { getBillImportsEndpoint } from "@/lib/endpoints/bill/imports";
import { TableScroll } from "@/components/tables/table-scroll";

type UploadResult = { source: string; periods: Array<PeriodOutcome & { summary: string }> };

/** Upload of AWS Data Export files (admins) and the latest imports. */
export function BillUploadForm({ maxMegabytes }: { maxMegabytes: number }) {
  const [files, setFiles] = useState<FileList | null>(null);
  const [force, setForce] = useState(false);
  const upload = useBillUploadMutation<UploadResult>();
  const imports = useEndpoint<typeof getBillImportsEndpoint>("/api/bill/imports", { limit: 10 });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!files?.length) return;
    const form = new FormData();
    for (const file of Array.from(files)) form.append("files", file, file.name);
    if (force) form.append("force", "true");
    upload.mutate(form);
  };

  return (
    <section aria-labelledby="bill-upload-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="bill-upload-heading" className="text-base font-semibold">Import the bill</h2>
      <p className="mt-1 text-sm text-slate-600">
        AWS Data Export files (FOCUS 1.x or CUR 2.0; Parquet, CSV or gzip CSV, with their Manifest.json), up to {maxMegabytes} MB in all. Each
        billing period in them replaces that month&rsquo;s bill lines; files already imported are skipped. Larger exports: <code>npm run import-bill</code>.
      </p>
      <form aria-label="Import bill files" onSubmit={submit} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        {/* Wraps, and the file picker may narrow: Chromium draws it about 260 px wide, which with its
            label on the same line made /costs 398 px wide on a 390 px phone. */}
        <label className="flex min-w-0 max-w-full flex-wrap items-center gap-2">
          Export files
          <input type="file" multiple accept=".parquet,.csv,.gz,.json" onChange={(e) => setFiles(e.target.files)} className="min-w-0 max-w-full" />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          Import again even if already imported
        </label>
        <button type="submit" disabled={!files?.length || upload.isPending} className="rounded-md bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {upload.isPending ? "Importing…" : "Import"}
        </button>
      </form>
      {upload.isError ? (
        <p role="alert" data-testid="bill-upload-error" className="mt-3 text-sm text-red-700">
          {upload.error.message}
        </p>
      ) : null}
      {upload.isSuccess ? (
        <ul role="status" data-testid="bill-upload-result" className="mt-3 list-disc pl-5 text-sm">
          {upload.data.periods.map((p) => (
            <li key={`${p.period}-${p.status}`}>{p.summary}</li>
          ))}
        </ul>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold">Latest imports</h3>
      <TableScroll className="mt-2">
      <table className="w-full text-left text-sm" data-testid="bill-imports">
        <thead>
          <tr className="text-slate-600">
            <th className="py-1 pr-3 font-medium">Month</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 pr-3 font-medium">Bill</th>
            <th className="py-1 pr-3 font-medium">KMS lines</th>
            <th className="py-1 pr-3 font-medium">Source</th>
            <th className="py-1 pr-3 font-medium">Started (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {(imports.data?.items ?? []).map((i) => (
            <tr key={i.id} className="border-t border-slate-100" data-testid="bill-import-row">
              <td className="py-1 pr-3">{i.billingPeriod}</td>
              <td className="py-1 pr-3" title={i.error ?? undefined}>{i.status === "FAILED" ? `FAILED: ${i.error ?? ""}` : i.status}</td>
              <td className="py-1 pr-3">{i.final ? "final" : "provisional"}</td>
              <td className="py-1 pr-3 tabular-nums">{i.linesKept.toLocaleString("en-US")}</td>
              <td className="py-1 pr-3 break-all"><bdi>{i.source}</bdi></td>
              <td className="py-1 pr-3">{i.startedAt.slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
          {imports.data && imports.data.items.length === 0 ? (
            <tr>
              <td colSpan={6} className="py-1 text-slate-600">No bill imported yet: the figures come from Cost Explorer.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      </TableScroll>
    </section>
  );
}
