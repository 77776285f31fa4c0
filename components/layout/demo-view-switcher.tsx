"use client";

import { useState } from "react";
import { ADMIN_VIEW, demoViewOptions } from "./demo-view-options";

/**
 * AUTH_MODE=demo only: switches the demo visitor between the admin and a BU manager's view. The
 * choice is a POST (JSON, the CSRF rule) that sets a cookie, then a full reload so no figure
 * cached in the browser from the previous view survives.
 */
export function DemoViewSwitcher({ businessUnits, current }: { businessUnits: string[]; current: string | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function switchTo(value: string) {
    setBusy(true);
    setProblem(null);
    const response = await fetch("/auth/demo-view", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ businessUnit: value === ADMIN_VIEW ? null : value }),
    }).catch(() => null);
    if (response?.ok) {
      window.location.reload();
      return;
    }
    setBusy(false);
    setProblem(response ? (((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`) : "network error");
  }
  return (
    <label className="ml-3 inline-flex items-center gap-1">
      Viewing as:
      <select
        value={current ?? ADMIN_VIEW}
        disabled={busy}
        onChange={(e) => void switchTo(e.target.value)}
        className="rounded border border-slate-400 bg-white px-1 py-0.5 text-slate-900"
      >
        {demoViewOptions(businessUnits).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {problem ? <span role="alert" className="text-red-700">{problem}</span> : null}
    </label>
  );
}
