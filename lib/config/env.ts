import { z } from "zod";

/** A 32-byte key given as 64 hex digits or base64 (`openssl rand -base64 32`). */
const secretKey = z.string().transform((text, ctx) => {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) return Buffer.from(text, "base64");
  ctx.addIssue({ code: "custom", message: "must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)" });
  return z.NEVER;
});

// Process configuration, validated once at start-up: an invalid value stops the process with a
// message naming the variable (never a stack trace from deep inside a job).
const envSchema = z.object({
  DATABASE_URL: z.string().url("must be a postgresql:// URL").optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO_SEED: z.coerce.number().int().default(42),
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

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
