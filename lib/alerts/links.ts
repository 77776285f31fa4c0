import { env, type Env } from "@/lib/config/env";

/**
 * An absolute link into the dashboard for a message (chat and email need absolute URLs). The base
 * is APP_URL, the public URL people reach the dashboard by; without it, the local address
 * (http://localhost:PORT), which is right for `npm run demo` and wrong anywhere else.
 */
export function absoluteUrl(pathAndQuery: string, config: Env = env()): string {
  const base = config.APP_URL ?? `http://localhost:${config.PORT}`;
  // Relative to the base, so a dashboard served under a path (https://host/finops/) keeps it.
  return new URL(pathAndQuery.replace(/^\/+/, ""), base.endsWith("/") ? base : `${base}/`).toString();
}
