// Light or dark: the system's preference unless the person chose one with the toggle, remembered
// per browser (localStorage). The choice is applied as <html data-theme="..."> by an inline script
// in the document's <head> (app/layout.tsx), before the first paint, so a dark page never flashes
// white; app/color-scheme.css gives the dark colours.

export type ColorScheme = "light" | "dark";
export type SchemeChoice = ColorScheme | "system";

export const SCHEME_STORAGE_KEY = "kms-finops-color-scheme";
export const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The stored choice; anything else (nothing, an old value, storage blocked) is "system". */
export function readChoice(storage: Pick<Storage, "getItem"> | null): SchemeChoice {
  try {
    const value = storage?.getItem(SCHEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

export function resolveScheme(choice: SchemeChoice, systemDark: boolean): ColorScheme {
  return choice === "system" ? (systemDark ? "dark" : "light") : choice;
}

/**
 * The inline script: the same rules as readChoice/resolveScheme, written out because it runs
 * before any bundle has loaded. It carries the page's CSP nonce (lib/http/security.ts).
 */
export const COLOR_SCHEME_SCRIPT = `(function(){var c="system";try{c=localStorage.getItem(${JSON.stringify(SCHEME_STORAGE_KEY)})||"system"}catch(e){}var d=c==="dark"||(c!=="light"&&matchMedia(${JSON.stringify(DARK_QUERY)}).matches);document.documentElement.dataset.theme=d?"dark":"light"})()`;
