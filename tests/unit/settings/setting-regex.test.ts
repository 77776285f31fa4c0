import { describe, expect, it } from "vitest";
import { keyFindings } from "@/lib/kpi/key-findings";
import { compileSettingRegex, SETTING_REGEX_MAX_LENGTH } from "@/lib/settings/setting-regex";
import { defaultPolicySettings, parsePolicySettings, parsePolicySettingsPatch, PolicySettingsError } from "@/lib/settings/policy";
import { generate, END_DAY } from "../demo/fixtures";
import { cmk } from "../kpi/fixtures";

const errorOf = (fn: () => unknown): PolicySettingsError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicySettingsError) return error;
    throw error;
  }
  throw new Error("no error thrown");
};

describe("alias convention on RE2", () => {
  it("answers the catastrophic-backtracking pattern instead of stalling (RegExp takes ~18 s here)", () => {
    const alias = `alias/${"a".repeat(25)}!`; // 32 characters, no match: the worst case for a backtracker
    expect(alias).toHaveLength(32);
    const evil = compileSettingRegex("^alias/(a+)+$");
    expect(evil.test(alias)).toBe(false);
    expect(evil.test(`alias/${"a".repeat(25)}`)).toBe(true);
    // And through the finding rule, with the pattern saved as a setting.
    const settings = parsePolicySettings({ aliasPattern: "^alias/(a+)+$" });
    expect(keyFindings(cmk({ aliases: [alias] }), { asOf: new Date("2025-06-01T00:00:00Z"), usage: null, referencingResources: [] }, settings)
      .map((f) => f.code)).toContain("ALIAS_CONVENTION");
  });

  it("matches unanchored like RegExp.test: anchors come from the pattern", () => {
    expect(compileSettingRegex("prod").test("alias/prod-x")).toBe(true);
    expect(compileSettingRegex("^prod").test("alias/prod-x")).toBe(false);
  });

  it.each([
    ["(?=alias/)alias/.*", "lookaround"],
    ["^alias/(?<!x)y$", "lookbehind"],
    ["^alias/(a)\\1$", "backreference"],
    ["^alias/(prod", "unbalanced group"],
  ])("refuses %s (%s) with a 400-style error naming aliasPattern", (pattern) => {
    const error = errorOf(() => parsePolicySettingsPatch({ aliasPattern: pattern }));
    expect(error.fields).toEqual(["aliasPattern"]);
    expect(error.message).toMatch(/^Invalid policy settings: aliasPattern: is not a supported regular expression \(RE2 syntax/);
  });

  it(`refuses patterns longer than ${SETTING_REGEX_MAX_LENGTH} characters and accepts that length`, () => {
    const atLimit = `^alias/${"a".repeat(SETTING_REGEX_MAX_LENGTH - 8)}$`;
    expect(atLimit).toHaveLength(SETTING_REGEX_MAX_LENGTH);
    expect(parsePolicySettingsPatch({ aliasPattern: atLimit }).aliasPattern).toBe(atLimit);
    const error = errorOf(() => parsePolicySettingsPatch({ aliasPattern: `${atLimit}x` }));
    expect(error.fields).toEqual(["aliasPattern"]);
    expect(error.message).toContain(`at most ${SETTING_REGEX_MAX_LENGTH}`);
  });

  it("gives the same ALIAS_CONVENTION findings as RegExp on every demo key with the default pattern", () => {
    const keys = generate({ seed: 42 }).keysOn(END_DAY).filter((k) => k.keyManager === "CUSTOMER");
    const js = new RegExp(defaultPolicySettings.aliasPattern);
    const ctx = { asOf: new Date(`${END_DAY}T00:00:00Z`), usage: null, referencingResources: [] };
    const flagged = keys.filter((k) => keyFindings(k, ctx, defaultPolicySettings).some((f) => f.code === "ALIAS_CONVENTION"));
    const expected = keys.filter((k) => !k.aliases.some((a) => js.test(a)));
    expect(flagged.map((k) => k.keyArn)).toEqual(expected.map((k) => k.keyArn));
    // Both outcomes occur in the demo, so the comparison means something.
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThan(keys.length);
  });
});
