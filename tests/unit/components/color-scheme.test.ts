// The colour scheme: the stored choice wins, "system" follows prefers-color-scheme; the inline
// script that applies it before paint follows the same rules (run here against stubbed globals).
import { describe, expect, it } from "vitest";
import { schemeColor, okabeIto, seriesPalette } from "@/components/charts/palette";
import { COLOR_SCHEME_SCRIPT, readChoice, resolveScheme, SCHEME_STORAGE_KEY } from "@/components/layout/color-scheme";

const storage = (value: string | null) => ({ getItem: (key: string) => (key === SCHEME_STORAGE_KEY ? value : null) });

/** Runs the inline script with a stored value and a system preference; returns what it put on <html>. */
function runScript(stored: string | null, systemDark: boolean, storageThrows = false): string | undefined {
  const dataset: Record<string, string> = {};
  const localStorage = { getItem: () => { if (storageThrows) throw new Error("SecurityError"); return stored; } };
  const matchMedia = (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark });
  new Function("localStorage", "matchMedia", "document", COLOR_SCHEME_SCRIPT)(localStorage, matchMedia, { documentElement: { dataset } });
  return dataset.theme;
}

describe("colour scheme", () => {
  it("keeps a stored light or dark choice and treats anything else as following the system", () => {
    expect(readChoice(storage("dark"))).toBe("dark");
    expect(readChoice(storage("light"))).toBe("light");
    expect(readChoice(storage(null))).toBe("system");
    expect(readChoice(storage("blue"))).toBe("system");
    expect(readChoice({ getItem: () => { throw new Error("blocked"); } })).toBe("system");
    expect(readChoice(null)).toBe("system");
  });

  it("resolves the choice against the system preference", () => {
    expect(resolveScheme("system", true)).toBe("dark");
    expect(resolveScheme("system", false)).toBe("light");
    expect(resolveScheme("light", true)).toBe("light");
    expect(resolveScheme("dark", false)).toBe("dark");
  });

  it("the inline script applies the same rules before any bundle loads", () => {
    expect(runScript(null, true)).toBe("dark");
    expect(runScript(null, false)).toBe("light");
    expect(runScript("light", true)).toBe("light");
    expect(runScript("dark", false)).toBe("dark");
    expect(runScript("blue", true)).toBe("dark");
    expect(runScript(null, true, true)).toBe("dark");
  });

  it("charts keep the Okabe–Ito hues in dark, black becoming near-white", () => {
    expect(seriesPalette.map((c) => schemeColor(c, "light"))).toEqual(seriesPalette);
    const dark = seriesPalette.map((c) => schemeColor(c, "dark"));
    expect(dark.filter((c, i) => c !== seriesPalette[i])).toEqual(["#F1F5F9"]);
    expect(schemeColor(okabeIto.black, "dark")).toBe("#F1F5F9");
    expect(schemeColor(okabeIto.vermillion, "dark")).toBe(okabeIto.vermillion);
  });
});
