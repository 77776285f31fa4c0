"use client";

import { useState } from "react";

/**
 * A destructive action asked twice: the first click turns the button into "Confirm …" and
 * "Cancel", so a slip of the mouse revokes nothing.
 */
export function ConfirmButton({ label, confirmLabel, onConfirm, disabled }: { label: string; confirmLabel: string; onConfirm: () => void; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" disabled={disabled} onClick={() => setAsking(true)} className="rounded-md border border-red-300 bg-white px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
        {label}
      </button>
    );
  }
  return (
    <span className="inline-flex gap-1">
      <button type="button" disabled={disabled} onClick={() => { setAsking(false); onConfirm(); }} className="rounded-md bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-600 disabled:opacity-60">
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50">
        Cancel
      </button>
    </span>
  );
}
