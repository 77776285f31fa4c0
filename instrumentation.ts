// Runs once when the Next.js server starts: a server without a valid sign-in configuration
// refuses to start (naming the missing setting) instead of serving the organization's key
// inventory to anyone who reaches the port. AUTH_MODE=none must be chosen explicitly.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseAuthConfig } = await import("@/lib/auth/config");
  const { checkAlertsKeyAtStartup } = await import("@/lib/alerts/secrets");
  try {
    const config = parseAuthConfig();
    if (config.AUTH_MODE === "none") console.warn("AUTH_MODE=none: no sign-in, every visitor is an admin. Serve on 127.0.0.1 only (next start -H 127.0.0.1).");
    // An invalid ALERTS_SECRET_KEY stops here naming it; a missing one is a warning.
    const alertsWarning = checkAlertsKeyAtStartup();
    if (alertsWarning) console.warn(alertsWarning);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
