import { env, type Env } from "@/lib/config/env";

/**
 * The dashboard the showback renderer prints from: REPORTS_RENDER_URL, else the server that got
 * the download request (its Host passed the allowed-hosts check), else APP_URL, else the local
 * server (`npm run demo`).
 */
export function renderBaseUrl(requestOrigin?: string, config: Env = env()): string {
  return config.REPORTS_RENDER_URL ?? requestOrigin ?? config.APP_URL ?? `http://localhost:${config.PORT}`;
}
