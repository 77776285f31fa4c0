// Sign-in configuration, validated at start-up like every setting: a missing or invalid value
// stops the server with a message naming the variable. Without AUTH_MODE the server refuses to
// start (an open dashboard on a company network is the bug this exists for); AUTH_MODE=none
// must be chosen explicitly.
import { z } from "zod";
import { ConfigError, env, type EnvSource } from "@/lib/config/env";
import { ROLES } from "./principal";

const roleMapSchema = z.record(
  z.string().min(1),
  z.union([z.enum(ROLES), z.strictObject({ role: z.enum(ROLES), businessUnits: z.array(z.string()).optional() })]),
);
export type RoleMapEntry = { role: (typeof ROLES)[number]; businessUnits: string[] };

const minutes = z.coerce.number().int().min(1);

const authSchema = z
  .object({
    AUTH_MODE: z.enum(["oidc", "demo", "none"], { error: "must be oidc, demo or none (none: no sign-in, bound to 127.0.0.1)" }),
    APP_URL: z.url({ error: "must be the public base URL, e.g. https://finops.example.com" }).optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_SCOPES: z.string().default("openid email profile"),
    OIDC_GROUPS_CLAIM: z.string().default("groups"),
    AUTH_ROLE_MAP: z
      .string()
      .default("{}")
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: 'must be JSON, e.g. {"finops-admins":"admin","eng-payments":{"role":"viewer","businessUnits":["payments"]}}' });
          return z.NEVER;
        }
      })
      .pipe(roleMapSchema),
    SESSION_IDLE_MINUTES: minutes.default(8 * 60),
    SESSION_MAX_HOURS: minutes.default(7 * 24),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE !== "oidc") return;
    for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "APP_URL"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when AUTH_MODE=oidc" });
    }
  });

export type AuthConfig = Omit<z.infer<typeof authSchema>, "AUTH_ROLE_MAP"> & { AUTH_ROLE_MAP: Record<string, RoleMapEntry> };

export function parseAuthConfig(source: EnvSource): AuthConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = authSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "AUTH_MODE"}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid sign-in configuration: ${problems}`);
  }
  const roleMap = Object.fromEntries(
    Object.entries(parsed.data.AUTH_ROLE_MAP).map(([group, entry]) => [
      group,
      typeof entry === "string" ? { role: entry, businessUnits: [] } : { role: entry.role, businessUnits: entry.businessUnits ?? [] },
    ]),
  );
  return { ...parsed.data, AUTH_ROLE_MAP: roleMap };
}

/** The process's sign-in configuration, validated once. */
export const authConfig = (): AuthConfig => env(parseAuthConfig);
