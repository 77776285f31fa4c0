"use client";

import Link from "next/link";
import { useState } from "react";
import type { getViewsEndpoint, postViewsEndpoint } from "@/lib/endpoints/views";
import type { deleteViewEndpoint } from "@/lib/endpoints/views/[id]";
import { sendEndpoint, useEndpoint } from "@/components/hooks/queries/use-endpoint";

/**
 * The caller's saved views (GET/POST /api/views, DELETE /api/views/{id}): a name for the URL of
 * what is on screen, reopened from this menu on any page. Private to the person who saved it.
 */
export function SavedViews() {
  const views = useEndpoint<typeof getViewsEndpoint>("/api/views");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const run = (change: Promise<unknown>) =>
    change.then(
      () => {
        setProblem(null);
        return views.refetch();
      },
      (error: Error) => setProblem(error.message),
    );
  return (
    <details className="relative" data-testid="saved-views">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
        Saved views{views.data?.length ? ` (${views.data.length})` : ""}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-80 space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg">
        {views.data?.length ? (
          <ul className="space-y-1" aria-label="Your saved views">
            {views.data.map((v) => (
              <li key={v.id} className="flex items-center justify-between gap-2">
                <Link href={v.url} className="truncate text-sky-800 underline hover:text-sky-950">
                  {v.name}
                </Link>
                <button type="button" aria-label={`Delete saved view ${v.name}`} onClick={() => run(sendEndpoint<typeof deleteViewEndpoint>("DELETE", "/api/views/[id]", {}, { id: v.id }))}
                  className="rounded px-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                  Delete
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">No saved views yet.</p>
        )}
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const url = `${window.location.pathname}${window.location.search}`;
            void run(sendEndpoint<typeof postViewsEndpoint>("POST", "/api/views", { name, url }).then(() => setName("")));
          }}
        >
          <label className="flex flex-1 flex-col text-xs font-medium text-slate-700">
            Name this view
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900" />
          </label>
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            Save
          </button>
        </form>
        {problem ? (
          <p role="alert" className="text-red-800">
            {problem}
          </p>
        ) : null}
      </div>
    </details>
  );
}
