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
step "benchmark smoke against the build (viewers: ETag revalidation, no failed request)"
# The integration step runs before the build, so the benchmarks that serve it are smoke-tested here.
BENCH_DB_PREFIX=kmsfinops_bench_app BENCH_RESULTS_DIR="$(mktemp -d)" npx --no-install tsx scripts/with-db.ts npx --no-install tsx bench/run.ts viewers --tiny
step "end-to-end tests"
npx --no-install tsx scripts/e2e.ts
