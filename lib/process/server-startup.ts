// The web server's start-up checks (Node.js runtime only; instrumentation.ts imports this file
// only there, so the Edge build never sees process.exit): a server without a valid sign-in
// configuration refuses to start, naming the missing setting, instead of serving the
// organization's key inventory to anyone who reaches the port. AUTH_MODE=none must be explicit.
import { checkAlertsKeyAtStartup } from "@/lib/alerts/secrets";
import { parseAuthConfig } from "@/lib/auth/config";
import { env } from "@/lib/config/env";

export function checkServerStartup(): void {
  try {
    const config = env(parseAuthConfig);
    if (config.AUTH_MODE === "none") console.warn("AUTH_MODE=none: no sign-in, every visitor is an admin. Serve on 127.0.0.1 only (next start -H 127.0.0.1).");
    // Any invalid general setting (DATABASE_URL, APP_URL, ALERTS_SECRET_KEY, ...) stops here naming
    // it; a missing ALERTS_SECRET_KEY is a warning.
    const alertsWarning = checkAlertsKeyAtStartup(env());
    if (alertsWarning) console.warn(alertsWarning);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
