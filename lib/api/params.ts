// Query-string parsing shared by the route handlers: zod schemas for the common parameters and
// parseQuery, which turns the first issue into a 400 naming the parameter
// ("from: must be a day YYYY-MM-DD"). Unknown parameters are refused, so a typo ("form=")
// is reported instead of silently ignored.
import { z } from "zod";
import { isDay } from "@/lib/domain/days";
import { badRequest, payloadTooLarge } from "@/lib/domain/errors";
import { buValue } from "@/lib/domain/business-unit";
import { SERVICES } from "@/lib/domain/dimensions";

/** isDay throws on an impossible month ("2026-13-01"): that is a bad day too. */
function isValidDay(value: string): boolean {
  try {
    return isDay(value);
  } catch {
    return false;
  }
}

/** Years Postgres and JavaScript dates agree on; outside them a date would be a 22008 (500). */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;
const inYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

export const day = z
  .string()
  .refine(isValidDay, "must be a day YYYY-MM-DD")
  .refine(inYears, `must be a day between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`);
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM")
  .refine(inYears, `must be a month between ${MIN_YEAR}-01 and ${MAX_YEAR}-12`);

/** Comma-separated values ("a,b"); empty items are refused. */
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()))
    .pipe(z.array(item).min(1));
const nonEmpty = z.string().min(1, "must not contain empty values");

export const dateRangeParams = { from: day.optional(), to: day.optional() };

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

/** Longest query parameter value accepted (a search string, a long list of account ids). */
export const MAX_PARAM_LENGTH = 2048;

/**
 * A NUL byte reaches Postgres as an invalid text value (22021, a 500): refused here for every
 * parameter, whatever the route's schema, as is an over-long value.
 */
function checkValue(name: string, value: string): void {
  if (value.includes("\u0000")) throw badRequest(`${name}: must not contain NUL bytes`);
  if (value.length > MAX_PARAM_LENGTH) throw badRequest(`${name}: must be at most ${MAX_PARAM_LENGTH} characters`);
}

/**
 * Every parameter once: a repeated parameter is refused rather than silently picking one. The
 * input object has no prototype, so `__proto__` or `constructor` is a parameter name like any
 * other and the strict schemas refuse it as unknown.
 */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S, segments: Record<string, string | string[]> = {}): z.output<S> {
  const params = new URL(request.url).searchParams;
  const input: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  // Path segments ([arn], [id]) are parameters like the query string's, checked by the same schema.
  for (const [key, value] of Object.entries(segments)) input[key] = value;
  for (const [key, value] of params) {
    checkValue(key, key);
    if (Object.hasOwn(input, key)) throw badRequest(`${key}: is given more than once (use a comma-separated list)`);
    checkValue(key, value);
    input[key] = value;
  }
  return parseInput(schema, input);
}

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v));
}

/** Largest JSON request body accepted (settings, run requests are a few hundred bytes). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON object body with a size cap (counted while streaming, so a lying or missing
 * Content-Length does not help) → 413 `body: ...` over it, 400 `body: ...` when it is not a JSON
 * object. Keys such as "__proto__" stay plain data (JSON.parse defines own properties); strict
 * schemas then refuse them as unknown.
 */
export async function readJsonBody(request: Request, what = "a JSON object", maxBytes = MAX_JSON_BODY_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw payloadTooLarge(`body: must be at most ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw payloadTooLarge(`body: must be at most ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw badRequest(`body: must be ${what}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest(`body: must be ${what}`);
  if (hasNul(parsed)) throw badRequest("body: must not contain NUL bytes");
  return parsed as Record<string, unknown>;
}

/** from ≤ to when both are given. */
export function checkRange(range: { from?: string; to?: string }): void {
  if (range.from && range.to && range.from > range.to) throw badRequest("from: must not be after to");
}

/** A path segment that names one stored thing by its UUID: checked before any query, as a malformed id would be a uuid cast error (500). */
export const uuidSegment = (what: string) => z.uuid(`must be a ${what} id (UUID)`);

/**
 * The input of a PUT/POST on a path with segments ("/api/alerts/rules/[id]"): serve hands the
 * JSON body and the segments over as one object. The segments are checked first (a bad id is
 * reported before the body), then the rest against the body's own schema, which may be a union
 * a segment cannot be added to.
 */
export function withSegments<Seg extends z.ZodRawShape, B extends z.ZodType>(segments: Seg, body: B) {
  const names = Object.keys(segments);
  const schema = z.looseObject(segments).transform((input, ctx) => {
    const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !names.includes(key)));
    const parsed = body.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
      return z.NEVER;
    }
    const own = Object.fromEntries(names.map((key) => [key, input[key]]));
    return { ...(parsed.data as object), ...own };
  });
  // The types a caller sees: the body's fields and the segments, as if one schema said both.
  return schema as unknown as z.ZodType<z.output<B> & z.output<z.ZodObject<Seg>>, z.input<B> & z.input<z.ZodObject<Seg>>>;
}
