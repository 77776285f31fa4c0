// Regular expressions that come from settings run on RE2 (re2js): matching takes time linear in
// the input whatever the pattern, so a pattern like `^alias/(a+)+$` cannot stall the server the
// way JavaScript's backtracking RegExp does (18 s against a 32-character alias). RE2 has no
// backreferences or lookaround; such patterns are refused when the setting is saved.
import { RE2JS } from "re2js";

/** Longest pattern a setting may hold: a naming convention fits easily, a pasted blob does not. */
export const SETTING_REGEX_MAX_LENGTH = 200;

export interface SettingRegex {
  /** Unanchored search, like RegExp.prototype.test: anchor with ^ and $ in the pattern. */
  test(input: string): boolean;
}

export class SettingRegexError extends Error {}

// Settings change rarely and findings test every key: compile each source once.
const compiled = new Map<string, SettingRegex>();
const CACHE_LIMIT = 64;

/** Compiles a settings pattern with RE2 semantics; throws SettingRegexError saying why not. */
export function compileSettingRegex(source: string): SettingRegex {
  const cached = compiled.get(source);
  if (cached) return cached;
  if (source.length > SETTING_REGEX_MAX_LENGTH) {
    throw new SettingRegexError(`has ${source.length} characters, at most ${SETTING_REGEX_MAX_LENGTH} are allowed`);
  }
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(source);
  } catch (error) {
    // re2js says "invalid or unsupported Perl syntax: `(?=`" for lookahead, "invalid escape
    // sequence: `\1`" for a backreference: pass its words on, after what we support.
    const detail = (error as Error).message.replace(/^error parsing regexp: /, "");
    throw new SettingRegexError(`is not a supported regular expression (RE2 syntax: no backreferences or lookaround): ${detail}`);
  }
  const regex: SettingRegex = { test: (input) => pattern.test(input) };
  if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value!);
  compiled.set(source, regex);
  return regex;
}
