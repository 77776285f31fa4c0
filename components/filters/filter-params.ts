// Global filters live in the URL so a link reproduces the view. Parsing is pure (shared by the
// server pages, the client hooks and the unit tests); a bad parameter is dropped and reported,
// never thrown, so the page shows a message instead of a crash. zod/mini (the tree-shakable form of
// zod) because every page's browser bundle carries this file: full zod was 30 kB of it, gzipped.
import * as z from "zod/mini";
import { isDay, toDay } from "@/lib/domain/days";
import { SERVICES, type Service } from "@/lib/domain/dimensions";
import { isRangePreset, presetRange, RANGE_PRESETS, type RangePreset } from "./time-range";

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
  service?: Service;
  /**
   * A relative range ("30d", "last-month", ...): when set, from and to are its days on the day
   * the link is opened, and the link carries the preset, not the dates.
   */
  range?: RangePreset;
}

export type FilterName = Exclude<keyof GlobalFilters, "range">;
export const FILTER_NAMES: readonly FilterName[] = ["from", "to", "account", "region", "bu", "env", "service"];

/**
 * Every URL parameter a dashboard page reads besides the filters: anything else in a link is
 * reported like a malformed value, so a typo ("?bu_=Payments", "?form=") is not silently ignored.
 * A page that reads a new parameter adds its name here.
 */
export const VIEW_PARAMS = [
  "range", // the range preset (time-range.ts)
  "compare", // "previous": compare each time chart with the period before
  "page", "sort", "search", // server tables (components/tables/server-table-state.ts)
  "table", // the charts shown as tables (chart-card.tsx)
  "group", // the Costs page's grouping (business unit or account)
  "allocation", // the chargeback export's allocation of untagged cost
  "period", // the chargeback export's period (last full month, the page's range, every month)
  "team", // the Teams page's old name for bu: redirected to ?bu=
  // List filters the overview links to (drill-through): /keys?manager=, /resources?reason=, findings.
  "manager", "finding", "reason", "severity", "code", "state",
  "spec", "origin", "rotation", "classification", "day",
  "bucket", // the Savings page's one bucket (the overview's top-buckets bar)
  "view", "encryption", "compliance", // the Resources page: every in-scope resource by encryption class (the coverage tiles)
] as const;

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
  service: z.string().check(z.refine((s) => (SERVICES as readonly string[]).includes(s), `must be one of ${SERVICES.join(", ")}`)),
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function first(source: ParamSource, name: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

function names(source: ParamSource): string[] {
  return source instanceof URLSearchParams ? [...new Set(source.keys())] : Object.keys(source);
}

const KNOWN = new Set<string>([...FILTER_NAMES, ...VIEW_PARAMS]);

/**
 * Valid filters plus one problem per rejected or unknown parameter (shown above the page).
 * `today` resolves a range preset (tests pin it).
 */
export function parseFilters(source: ParamSource, today: string = toDay(new Date())): { filters: GlobalFilters; problems: ParamProblem[] } {
  const filters: GlobalFilters = {};
  const problems: ParamProblem[] = [];
  for (const name of names(source)) {
    if (!KNOWN.has(name)) problems.push({ param: name, value: first(source, name) ?? "", message: "is not a parameter of this dashboard" });
  }
  for (const name of FILTER_NAMES) {
    const raw = first(source, name);
    if (raw === undefined || raw === "") continue;
    const result = validators[name].safeParse(raw);
    if (result.success) (filters as Record<string, string>)[name] = result.data;
    else problems.push({ param: name, value: raw, message: result.error.issues[0]?.message ?? "is not valid" });
  }
  const range = first(source, "range");
  if (range && isRangePreset(range)) {
    // The preset names the days; dates beside it would be a second, conflicting range.
    for (const name of ["from", "to"] as const) {
      if (filters[name]) problems.push({ param: name, value: filters[name], message: `is ignored: range=${range} sets the dates` });
    }
    Object.assign(filters, presetRange(range, today), { range });
  } else if (range) {
    problems.push({ param: "range", value: range, message: `must be one of ${RANGE_PRESETS.map((p) => p.value).join(", ")}` });
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
    // A preset travels as itself: the link stays "last 30 days", not two fixed dates.
    if (value && !(filters.range && (name === "from" || name === "to"))) params.set(name, value);
  }
  if (filters.range) params.set("range", filters.range);
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
