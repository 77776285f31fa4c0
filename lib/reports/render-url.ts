import { parseEnv } from "@/lib/config/env";

/**
 * The dashboard the showback renderer prints from: REPORTS_RENDER_URL, else the server that got
 * the download request (its Host passed the allowed-hosts check), else APP_URL, else the local
 * server (`npm run demo`).
 */
export function renderBaseUrl(requestOrigin?: string, source: NodeJS.ProcessEnv = process.env): string {
  const env = parseEnv(source);
  return env.REPORTS_RENDER_URL ?? requestOrigin ?? env.APP_URL ?? `http://localhost:${env.PORT}`;
}
