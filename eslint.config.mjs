import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layers point one way (docs/architecture.md): app → lib ← jobs, components → lib for types and
// client-safe helpers. Services never reach the HTTP layer, and the domain reaches nothing but
// itself. Said to the linter so a wrong import fails `npm run lint`, not a review;
// tests/unit/lint/import-boundaries.test.ts proves each zone still fires.
const SERVICES = ["store", "rollups", "kpi", "queries", "settings", "bill", "export", "alerts", "reports", "demo", "db", "config", "domain", "ingestion"].map((dir) => `./lib/${dir}`);
const HTTP_LAYER = ["./lib/api", "./lib/endpoints", "./lib/auth/with-access.ts"];

const boundaries = [
  {
    target: "./lib",
    from: ["./app", "./components", "./jobs"],
    message: "lib is the layer below app, components and jobs: move the shared code into lib instead.",
  },
  {
    target: SERVICES,
    from: HTTP_LAYER,
    message: "Services do not import the HTTP layer (lib/api, lib/endpoints, lib/auth/with-access): return data or a domain error, and let the endpoint answer HTTP.",
  },
  {
    target: "./lib/domain",
    from: ".",
    except: ["./lib/domain", "./node_modules"],
    message: "lib/domain is pure vocabulary and rules: it imports only lib/domain.",
  },
  {
    target: ["./app", "./components"],
    from: "./jobs",
    message: "The web app never imports jobs/ (the worker's AWS code): queue a job through lib instead (e.g. lib/ingestion/enqueue-run.ts).",
  },
  {
    target: "./jobs",
    from: ["./app", "./components", "./lib/endpoints"],
    message: "jobs/ (worker, collectors, CLIs) imports lib services only, never the web app or the HTTP endpoints.",
  },
];

// Views read server modules for their types only (the typed useEndpoint hook): a value import
// would pull Prisma, pg or the AWS SDK into the browser bundle.
const SERVER_ONLY = ["@/lib/db/*", "@/lib/queries/*", "@/lib/endpoints/*", "@/lib/store/*", "@/jobs/*"];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", "**/.next/**", "generated/**", "**/.data/**", "test-results/**", "playwright-report/**", "e2e/artifacts/**", "next-env.d.ts"],
  },
  {
    // no-cycle follows every import; packages and the generated Prisma client cannot be part of a
    // cycle of ours, and parsing them made it four fifths of the lint's time.
    settings: { "import/ignore": ["node_modules", "/generated/"] },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: boundaries }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: SERVER_ONLY, allowTypeImports: true, message: "Components import server modules only with `import type`." }] },
      ],
    },
  },
];
export default config;
