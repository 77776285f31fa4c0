"use client";

import { useFilters } from "@/components/filters/use-filters";
import type { KeyFindingCode } from "@/lib/kpi/key-findings";

// Under the API's own parameter names (GET /api/keys ?manager= and ?finding=), so the page's link
// and the API call read the same.
const MANAGERS = [
  { value: "CUSTOMER", label: "Customer managed" },
  { value: "AWS", label: "AWS managed" },
] as const;

// Every finding code (the Record makes TypeScript fail when a code is added and not listed here).
const FINDING_CODES = Object.keys({
  PENDING_DELETION_IN_USE: 1,
  PUBLIC_POLICY: 1,
  BROAD_USAGE: 1,
  NO_SEPARATION_OF_DUTIES: 1,
  ROTATION_DISABLED: 1,
  SHARED_MASTER_KEY: 1,
  MISSING_TAGS: 1,
  ALIAS_CONVENTION: 1,
  DISABLED_BILLED: 1,
  UNUSED: 1,
} satisfies Record<KeyFindingCode, 1>) as KeyFindingCode[];

export interface KeyListFilters {
  manager?: string;
  finding?: string;
}

/** The manager and finding chosen in the URL; a value the API would refuse is left out (the select shows "Any"). */
export function readKeyListFilters(params: URLSearchParams): KeyListFilters {
  const manager = params.get("manager") ?? "";
  const finding = params.get("finding") ?? "";
  return {
    ...(MANAGERS.some((m) => m.value === manager) ? { manager } : {}),
    ...((FINDING_CODES as string[]).includes(finding) ? { finding } : {}),
  };
}

const selectClass = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200";

/** Key manager and finding: the two questions the key list is opened with ("my keys", "keys with X"). */
export function KeyListFilterControls() {
  const { searchParams, setParams } = useFilters();
  const current = readKeyListFilters(new URLSearchParams(searchParams.toString()));
  // A new filter starts at page 1: page 7 of the old list may not exist in the new one.
  const set = (name: keyof KeyListFilters, value: string) => setParams({ [name]: value || undefined, page: undefined });
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="key-list-filters">
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Manager
        <select value={current.manager ?? ""} onChange={(e) => set("manager", e.target.value)} className={selectClass}>
          <option value="">Any</option>
          {MANAGERS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Finding
        <select value={current.finding ?? ""} onChange={(e) => set("finding", e.target.value)} className={selectClass}>
          <option value="">Any</option>
          {FINDING_CODES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
