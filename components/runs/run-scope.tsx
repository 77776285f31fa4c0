"use client";

export interface RunScope {
  accounts: string[];
  regions: string[];
}

/** Accounts and regions known from earlier runs (the freshness scopes), without the organization-wide cost scope. */
export function knownScope(freshness: readonly { accountId: string; region: string }[]): RunScope {
  const real = freshness.filter((r) => /^\d{12}$/.test(r.accountId));
  return {
    accounts: [...new Set(real.map((r) => r.accountId))].sort(),
    regions: [...new Set(real.map((r) => r.region))].sort(),
  };
}

/** The POST body: an empty choice means all (the field is left out). */
export function scopeBody(picked: RunScope): Partial<RunScope> {
  return { ...(picked.accounts.length ? { accounts: picked.accounts } : {}), ...(picked.regions.length ? { regions: picked.regions } : {}) };
}

function Choice({ label, options, picked, onChange }: { label: string; options: string[]; picked: string[]; onChange: (next: string[]) => void }) {
  return (
    <label className="flex flex-col gap-1 text-sm text-slate-700">
      {label} <span className="text-xs text-slate-500">(none selected: all)</span>
      <select multiple size={Math.min(4, Math.max(2, options.length))} value={picked} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))} className="min-w-40 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs">
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Which accounts and regions a run started here covers; default all. */
export function RunScopePicker({ known, picked, onChange }: { known: RunScope; picked: RunScope; onChange: (next: RunScope) => void }) {
  if (known.accounts.length === 0 && known.regions.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap gap-4" data-testid="run-scope">
      <legend className="sr-only">Scope of the run</legend>
      <Choice label="Accounts" options={known.accounts} picked={picked.accounts} onChange={(accounts) => onChange({ ...picked, accounts })} />
      <Choice label="Regions" options={known.regions} picked={picked.regions} onChange={(regions) => onChange({ ...picked, regions })} />
    </fieldset>
  );
}
