"use client";

import { useEffect, useState } from "react";
import { SEARCH_MAX_LENGTH } from "./server-table-state";

const DEBOUNCE_MS = 350;

/**
 * A search box whose value goes to the URL (and so to the API) once typing pauses, or at once on
 * Enter: one request per pause, not per keystroke.
 */
export function SearchBox({ value, onCommit, placeholder }: { value: string; onCommit: (text: string) => void; placeholder: string }) {
  const [draft, setDraft] = useState(value);
  // The URL value last seen and the last value this box sent: a URL change that is not our own
  // (back button, a pasted link) replaces the draft; our own must not undo keys typed since.
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) setDraft(value);
  }

  const commit = (text: string) => {
    setSent(text.trim());
    onCommit(text);
  };

  useEffect(() => {
    if (draft.trim() === value.trim()) return;
    const timer = setTimeout(() => {
      setSent(draft.trim());
      onCommit(draft);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);

  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      Search
      <input
        type="search"
        value={draft}
        maxLength={SEARCH_MAX_LENGTH}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(draft);
        }}
        placeholder={placeholder}
        className="mt-1 w-72 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
      />
    </label>
  );
}
