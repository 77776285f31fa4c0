"use client";

import { useState } from "react";
import { useFilters } from "./use-filters";
import type { FilterName, GlobalFilters } from "./filter-params";

const FIELDS: { name: FilterName; label: string; type: "date" | "text"; placeholder?: string; width: string }[] = [
  { name: "from", label: "From", type: "date", width: "w-40" },
  { name: "to", label: "To", type: "date", width: "w-40" },
  { name: "account", label: "Account", type: "text", placeholder: "123456789012", width: "w-36" },
  { name: "region", label: "Region", type: "text", placeholder: "us-east-1", width: "w-32" },
  { name: "bu", label: "Business unit", type: "text", placeholder: "any", width: "w-36" },
  { name: "env", label: "Environment", type: "text", placeholder: "any", width: "w-28" },
];

/**
 * The global filters as a form: applied on submit (Enter or the button) so typing an account id
 * does not fire a request per digit. Every value ends up in the URL.
 */
export function FilterBar({ only }: { only?: readonly FilterName[] }) {
  const { filters } = useFilters();
  // The URL is the source of truth: back/forward or a pasted link restarts the form from it.
  return <FilterForm key={JSON.stringify(filters)} only={only} />;
}

function FilterForm({ only }: { only?: readonly FilterName[] }) {
  const { filters, setFilters, clearFilters } = useFilters();
  const [draft, setDraft] = useState<GlobalFilters>(filters);
  const fields = only ? FIELDS.filter((f) => only.includes(f.name)) : FIELDS;
  const active = fields.some((f) => filters[f.name]);
  return (
    <form
      aria-label="Filters"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const patch: Partial<GlobalFilters> = {};
        for (const f of fields) patch[f.name] = draft[f.name]?.trim() || undefined;
        setFilters(patch);
      }}
    >
      {fields.map((f) => (
        <label key={f.name} className="flex flex-col text-xs font-medium text-slate-600">
          {f.label}
          <input
            name={f.name}
            type={f.type}
            value={draft[f.name] ?? ""}
            placeholder={f.placeholder}
            onChange={(e) => setDraft((d) => ({ ...d, [f.name]: e.target.value }))}
            className={`mt-1 ${f.width} rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200`}
          />
        </label>
      ))}
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
        Apply
      </button>
      {active ? (
        <button type="button" onClick={clearFilters} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
