"use client";

import { useState, type ReactNode } from "react";
import { isolateText } from "./bidi";

/**
 * A long value (an alias list, a resource name) on one line, cut with "…" at the column's width:
 * the whole value shows on hover (title), and a copy button puts it on the clipboard, so a cut
 * never hides anything. `full` is what the hover and the copy give when it differs from the shown
 * text (a resource's ARN behind its name).
 */
export function TruncatedCell({ children, full, copyLabel, width = "max-w-[16rem]" }: { children: ReactNode; full: string; copyLabel: string; width?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(full);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <span className="flex items-center gap-1">
      <span className={`block truncate ${width}`} title={isolateText(full)} data-testid="truncated-value">
        {children}
      </span>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={copied ? `Copied ${copyLabel}` : `Copy ${copyLabel}`}
        title={copied ? "Copied" : `Copy ${copyLabel}`}
        className="shrink-0 rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        <CopyIcon copied={copied} />
      </button>
    </span>
  );
}

function CopyIcon({ copied }: { copied: boolean }) {
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
      {copied ? <path d="M3 8.5l3 3 7-7" /> : <path d="M5.5 5.5V3h7.5v7.5h-2.5M3 5.5h7.5V13H3z" />}
    </svg>
  );
}
