"use client";

import { useState } from "react";

/** Copies the page's URL (filters, range and view state are all in it) for a chat or a ticket. */
export function CopyLinkButton() {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      data-testid="copy-link"
      onClick={() => {
        navigator.clipboard.writeText(window.location.href).then(
          () => setCopied("copied"),
          () => setCopied("failed"),
        );
      }}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
    >
      <span aria-live="polite">{copied === "copied" ? "Link copied" : copied === "failed" ? "Copy failed: copy the address bar" : "Copy link"}</span>
    </button>
  );
}
