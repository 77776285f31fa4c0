// The process environment: the one place that reads process.env (web app, worker, CLIs).
// Each concern is a pure zod parser of an environment, kept with the rules it shares (general
// settings here, ingestion in ./ingestion.ts, sign-in in lib/auth/config.ts, allowed hosts in
// lib/http/security.ts, AWS timeouts in jobs/aws/clients.ts), so it is tested without touching
// process.env; env() validates the process's own environment once per concern: an invalid value
// stops the process with a ConfigError naming the variable (never a stack trace from a job).
// No "@/" imports: next.config.ts loads this file and does not resolve the alias.
import { z } from "zod";

export type EnvSource = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {}

/** A 32-byte key given as 64 hex digits or base64 (`openssl rand -base64 32`). */
const secretKey = z.string().transform((text, ctx) => {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) return Buffer.from(text, "base64");
  ctx.addIssue({ code: "custom", message: "must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)" });
  return z.NEVER;
});

const envSchema = z.object({
  DATABASE_URL: z.string().url("must be a postgresql:// URL").optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** No default here: the worker logs at info, the ingest CLI (its output is the report) at warn. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  DEMO_SEED: z.coerce.number().int().default(42),
  /** The region of AWS calls that have none of their own (the bill export's S3 bucket). */
  AWS_REGION: z.string().default("us-east-1"),
  /** The dashboard's public URL: links in alerts and digests point there. */
  APP_URL: z.url({ error: "must be the public base URL, e.g. https://finops.example.com" }).optional(),
  /**
   * Where the showback renderer (worker) reaches the dashboard, when not at APP_URL: e.g. an
   * internal http://127.0.0.1:3000 behind a reverse proxy.
   */
  REPORTS_RENDER_URL: z.url({ error: "must be the URL the worker reaches the dashboard at, e.g. http://127.0.0.1:3000" }).optional(),
  /** The Chromium that prints the showback pack (Debian's chromium package). */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** Encrypts alert channel secrets at rest (AES-256-GCM); required to save a channel. */
  ALERTS_SECRET_KEY: secretKey.optional(),
  /** The key before a rotation: secrets it encrypted still decrypt until re-saved. */
  ALERTS_SECRET_KEY_PREVIOUS: secretKey.optional(),
});

export type Env = z.infer<typeof envSchema>;

/** The general settings every process may read. */
export function parseEnv(source: EnvSource): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

type Concern<T> = (source: EnvSource) => T;

const validated = new Map<Concern<unknown>, unknown>();
let validatedFor: Record<string, string | undefined> = {};

// The environment of a running server never changes; a test that sets a variable between two
// calls gets it validated again instead of an answer for the old one.
function environmentChanged(): boolean {
  const names = Object.keys(process.env);
  return names.length !== Object.keys(validatedFor).length || names.some((name) => validatedFor[name] !== process.env[name]);
}

/**
 * The process's configuration: `env()` the general settings, `env(parseIngestionConfig)` (and
 * the other concerns) one concern. Validated on first use and kept; throws ConfigError naming
 * the variable. Processes call it at start-up for every concern they need, so a bad value stops
 * them there and not at the first request or job.
 */
export function env(): Env;
export function env<T>(concern: Concern<T>): T;
export function env(concern: Concern<unknown> = parseEnv): unknown {
  if (environmentChanged()) {
    validated.clear();
    validatedFor = { ...process.env };
  }
  if (!validated.has(concern)) validated.set(concern, concern(validatedFor));
  return validated.get(concern);
}
