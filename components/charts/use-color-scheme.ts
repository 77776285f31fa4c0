"use client";

import { useSyncExternalStore } from "react";
import type { ColorScheme } from "@/components/layout/color-scheme";

// The scheme the inline script or the toggle put on <html data-theme>: charts draw with colours
// in SVG attributes, which CSS variables cannot reach, so they read it here.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

const current = (): ColorScheme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, current, () => "light");
}
