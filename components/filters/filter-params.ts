// Global filters live in the URL so a link reproduces the view. Parsing is pure (shared by the
// server pages, the client hooks and the unit tests); a bad parameter is dropped and reported,
// never thrown, so the page shows a message instead of a crash. zod/mini (the tree-shakable form of
// zod) because every page's browser bundle carries this file: full zod was 30 kB of it, gzipped.
import * as z from "zod/mini";
import { isDay } from "@/lib/domain/days";

export interface GlobalFilters {
  /** First day, inclusive (YYYY-MM-DD). */
  from?: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to?: string;
  account?: string;
  region?: string;
  /** Business unit as shown; "(untagged)" selects resources without the tag. */
  bu?: string;
  env?: string;
}

export type FilterName = keyof GlobalFilters;
export const FILTER_NAMES: readonly FilterName[] = ["from", "to", "account", "region", "bu", "env"];

export interface ParamProblem {
  param: string;
  value: string;
  message: string;
}

const isoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31"),
  z.refine((s) => isDay(s), "is not a calendar date"),
);
const tagValue = z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(128, "is longer than a tag value can be"));

const validators: Record<FilterName, z.ZodMiniType<string>> = {
  from: isoDay,
  to: isoDay,
  account: z.string().check(z.regex(/^\d{12}$/, "must be a 12-digit AWS account id")),
  region: z.string().check(z.regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "must be an AWS region such as us-east-1")),
  bu: tagValue,
  env: tagValue,
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function first(source: ParamSource, name: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Valid filters plus one problem per rejected parameter (shown above the page). */
export function parseFilters(source: ParamSource): { filters: GlobalFilters; problems: ParamProblem[] } {
  const filters: GlobalFilters = {};
  const problems: ParamProblem[] = [];
  for (const name of FILTER_NAMES) {
    const raw = first(source, name);
    if (raw === undefined || raw === "") continue;
    const result = validators[name].safeParse(raw);
    if (result.success) filters[name] = result.data;
    else problems.push({ param: name, value: raw, message: result.error.issues[0]?.message ?? "is not valid" });
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push({ param: "to", value: filters.to, message: `is before from (${filters.from}); the range was ignored` });
    delete filters.from;
    delete filters.to;
  }
  return { filters, problems };
}

/** The filters as URL parameters, in a fixed order so equal views have equal links. */
export function filtersToSearch(filters: GlobalFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The filters under the API's parameter names (docs/api.md): one mapping, so a renamed API
 * parameter is a one-line change.
 */
export function filtersToApiParams(filters: GlobalFilters, accepted: readonly FilterName[] = FILTER_NAMES): Record<string, string> {
  // The API refuses unknown parameters (a typo is reported, not ignored): send only what the
  // endpoint accepts. The names are the same in the URL and the API.
  const out: Record<string, string> = {};
  for (const name of accepted) {
    const value = filters[name];
    if (value) out[name] = value;
  }
  return out;
}
