// Query-string parsing shared by the route handlers: zod schemas for the common parameters and
// parseQuery, which turns the first issue into a 400 naming the parameter
// ("from: must be a day YYYY-MM-DD"). Unknown parameters are refused, so a typo ("form=")
// is reported instead of silently ignored.
import { z } from "zod";
import { isDay } from "@/lib/store/days";
import { badRequest } from "./errors";

/** The label the API uses for the untagged business unit (stored as ""). */
export const UNTAGGED = "(untagged)";
export const buLabel = (businessUnit: string) => (businessUnit === "" ? UNTAGGED : businessUnit);
const buValue = (label: string) => (label === UNTAGGED ? "" : label);

/** isDay throws on an impossible month ("2026-13-01"): that is a bad day too. */
function isValidDay(value: string): boolean {
  try {
    return isDay(value);
  } catch {
    return false;
  }
}

export const day = z.string().refine(isValidDay, "must be a day YYYY-MM-DD");
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");

/** Comma-separated values ("a,b"); empty items are refused. */
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()))
    .pipe(z.array(item).min(1));
const nonEmpty = z.string().min(1, "must not contain empty values");

export const dateRangeParams = { from: day.optional(), to: day.optional() };

export const SERVICES = ["S3", "EBS", "RDS", "AURORA"] as const;

/** The dimensions every KPI can be cut by (DOMAIN.md §6). */
export const dimensionParams = {
  account: list(z.string().regex(/^\d{12}$/, "must be 12-digit account ids")).optional(),
  region: list(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be AWS region names")).optional(),
  service: list(z.enum(SERVICES, { error: `must be one of ${SERVICES.join(", ")}` })).optional(),
  bu: list(nonEmpty.transform(buValue)).optional(),
  env: list(nonEmpty).optional(),
  classification: list(nonEmpty).optional(),
};

export const pageParams = {
  page: z.coerce.number({ error: "must be a whole number >= 1" }).int("must be a whole number >= 1").min(1, "must be a whole number >= 1").default(1),
  pageSize: z.coerce.number({ error: "must be a whole number between 1 and 500" }).int("must be a whole number between 1 and 500").min(1, "must be a whole number between 1 and 500").max(500, "must be a whole number between 1 and 500").default(50),
};

/** sort=field or sort=-field (descending) over the given fields. */
export function sortParam<F extends string>(fields: readonly [F, ...F[]], fallback: `${"" | "-"}${F}`) {
  const allowed = fields.flatMap((f) => [f, `-${f}`]);
  return z
    .string()
    .refine((s) => allowed.includes(s), `must be one of ${fields.join(", ")} (prefix - for descending)`)
    .default(fallback)
    .transform((s) => ({ field: s.replace(/^-/, "") as F, descending: s.startsWith("-") }));
}

export const booleanParam = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

export type DimensionFilters = {
  account?: string[];
  region?: string[];
  service?: (typeof SERVICES)[number][];
  bu?: string[];
  env?: string[];
  classification?: string[];
};

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `${issue.keys.join(", ")}: ${issue.keys.length > 1 ? "are not known parameters" : "is not a known parameter"}`;
  const name = issue.path.length ? issue.path.map(String).join(".") : "(query)";
  return `${name}: ${issue.message}`;
}

/** Validates a query string (or a JSON body) against a schema; throws a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(result.error.issues.map(issueMessage).join("; "));
  return result.data;
}

/** Every parameter once: a repeated parameter is refused rather than silently picking one. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const input: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(input, key)) throw badRequest(`${key}: is given more than once (use a comma-separated list)`);
    input[key] = value;
  }
  return parseInput(schema, input);
}

/** from ≤ to when both are given. */
export function checkRange(range: { from?: string; to?: string }): void {
  if (range.from && range.to && range.from > range.to) throw badRequest("from: must not be after to");
}
