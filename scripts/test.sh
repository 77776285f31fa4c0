#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, typecheck, unit, integration (real Postgres:
# DATABASE_URL's server, else the embedded one), production build, end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n=== %s ===\n' "$1"; }

step "chromium"
bash scripts/ensure-chromium.sh
step "prisma client"
node scripts/prisma-generate.mjs >/dev/null
step "lint"
npx --no-install eslint . --max-warnings 0
step "typecheck"
npx --no-install tsc --noEmit -p .
step "unit tests"
npx --no-install vitest run --project unit
step "integration tests"
npx --no-install tsx scripts/with-db.ts npx --no-install vitest run --project integration
step "build"
npx --no-install next build
step "end-to-end tests"
npx --no-install tsx scripts/e2e.ts
