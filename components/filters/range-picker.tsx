"use client";

import { useState } from "react";
import { useFilters } from "./use-filters";
import { RANGE_PRESETS, isRangePreset } from "./time-range";

const inputClass = "mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200";

/**
 * The date range: a preset (the link keeps "last 30 days", resolved on the day it is opened) or
 * custom days, applied with the button so a half-typed date does not fire a request.
 */
export function RangePicker() {
  const { filters } = useFilters();
  // Restart the draft whenever the URL changes (back/forward, a pasted link, a saved view).
  return <RangeForm key={`${filters.range ?? ""}|${filters.from ?? ""}|${filters.to ?? ""}`} />;
}

function RangeForm() {
  const { filters, setParams } = useFilters();
  const custom = !filters.range && Boolean(filters.from || filters.to);
  const [mode, setMode] = useState<string>(filters.range ?? (custom ? "custom" : ""));
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Date range
        <select
          name="range"
          value={mode}
          onChange={(e) => {
            const next = e.target.value;
            setMode(next);
            // A preset replaces any custom days; "custom" waits for the dates and Apply.
            if (next === "" || isRangePreset(next)) setParams({ range: next || undefined, from: undefined, to: undefined });
          }}
          className={`${inputClass} w-40 bg-white`}
        >
          <option value="">Page default</option>
          {RANGE_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {mode === "custom" ? (
        <form
          aria-label="Custom date range"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setParams({ range: undefined, from: from || undefined, to: to || undefined });
          }}
        >
          <label className="flex flex-col text-xs font-medium text-slate-700">
            From
            <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={`${inputClass} w-40`} />
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-700">
            To
            <input name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} className={`${inputClass} w-40`} />
          </label>
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
            Apply
          </button>
        </form>
      ) : filters.from && filters.to ? (
        <p className="pb-2 text-xs text-slate-600" data-testid="range-days">
          {filters.from} to {filters.to}
        </p>
      ) : null}
    </div>
  );
}
