"use client";

import { useEffect, useState } from "react";
import { DARK_QUERY, readChoice, resolveScheme, SCHEME_STORAGE_KEY, type SchemeChoice } from "./color-scheme";

const CHOICES: [SchemeChoice, string][] = [
  ["system", "System"],
  ["light", "Light"],
  ["dark", "Dark"],
];

function apply(choice: SchemeChoice) {
  document.documentElement.dataset.theme = resolveScheme(choice, matchMedia(DARK_QUERY).matches);
}

/** Colour scheme: follows the system until the person picks one; the pick is kept in this browser. */
export function ThemeToggle() {
  // "system" on the server and the first client render (the same HTML); the stored choice after mount.
  const [choice, setChoice] = useState<SchemeChoice>("system");
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only in the browser, after hydration
    setChoice(readChoice(window.localStorage));
  }, []);
  // While following the system, a change of the system's preference applies at once.
  useEffect(() => {
    if (choice !== "system") return;
    const media = matchMedia(DARK_QUERY);
    const follow = () => apply("system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [choice]);
  const change = (next: SchemeChoice) => {
    try {
      if (next === "system") window.localStorage.removeItem(SCHEME_STORAGE_KEY);
      else window.localStorage.setItem(SCHEME_STORAGE_KEY, next);
    } catch {
      // Storage blocked: the choice holds for this page only.
    }
    setChoice(next);
    apply(next);
  };
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-300">
      <span>Theme</span>
      <select
        data-testid="theme-toggle"
        value={choice}
        onChange={(e) => change(e.target.value as SchemeChoice)}
        className="rounded border border-slate-600 bg-slate-800 px-1.5 py-0.5 text-xs text-white focus-visible:outline-2 focus-visible:outline-sky-300"
      >
        {CHOICES.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </label>
  );
}
