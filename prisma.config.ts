import { defineConfig } from "prisma/config";

// The CLI only needs a URL for migrate/studio; `prisma generate` ignores it. Queries at run
// time go through the node-postgres driver adapter (lib/db/client.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/kms_finops" },
});
