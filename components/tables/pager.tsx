"use client";

import { useState } from "react";
import { formatInteger } from "@/lib/domain/format";

const button = "rounded border border-slate-300 px-2 py-1 hover:bg-slate-50 disabled:opacity-50 disabled:hover:bg-white";

/** First / previous / page number / next / last for a server-paged table (pages are 1-based). */
export function Pager({ label, page, pages, onPage }: { label: string; page: number; pages: number; onPage: (page: number) => void }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 p-2 text-sm">
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(1)}>
        First
      </button>
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(Math.min(page - 1, pages))}>
        Previous
      </button>
      {/* key: a page changed elsewhere (a button, the URL) restarts the field from it. */}
      <PageField key={page} page={page} pages={pages} onPage={onPage} />
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(pages)}>
        Last
      </button>
    </nav>
  );
}

function PageField({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const [draft, setDraft] = useState(String(page));
  const go = () => {
    const n = Number(draft);
    if (!Number.isInteger(n) || n < 1) setDraft(String(page));
    else if (Math.min(n, pages) !== page) onPage(Math.min(n, pages));
  };
  return (
    <form
      className="flex items-center gap-1 text-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <label className="flex items-center gap-1">
        Page
        <input
          type="number"
          min={1}
          max={pages}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={go}
          className="w-20 rounded border border-slate-300 px-1.5 py-0.5 text-right tabular-nums"
        />
      </label>
      <span>of {formatInteger(pages)}</span>
    </form>
  );
}
