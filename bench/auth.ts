// What the access layer adds to a request: the same trivial handler called directly and through
// withAccess with a bearer token (one indexed lookup of the token's sha256) and with a session
// cookie, in process against the database of DATABASE_URL (run through scripts/with-db.ts):
//   DATABASE_URL=... npx tsx scripts/with-db.ts npx tsx bench/auth.ts
// The figure is the p95 of the difference, the budget 2 ms on top of a cached /api/overview;
// bench/auth-http.ts (`npm run bench -- auth`) measures that request over HTTP.
import { performance } from "node:perf_hooks";
import { migrate } from "@/lib/db/migrate";
import { db } from "@/lib/db/client";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { withRule } from "@/lib/auth/with-access";
import { benchCredentials } from "./lib/credentials";
import { percentile } from "./lib/stats";

Object.assign(process.env, { AUTH_MODE: "oidc", APP_URL: "http://127.0.0.1:3000", OIDC_ISSUER: "http://127.0.0.1:1", OIDC_CLIENT_ID: "b", OIDC_CLIENT_SECRET: "b" });

const N = 2000;
async function time(call: () => Promise<Response>): Promise<number[]> {
  for (let i = 0; i < 200; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  await migrate(process.env.DATABASE_URL!);
  const { session, token: secret } = await benchCredentials(db());
  const handler = async () => new Response("{}");
  const gated = withRule("GET /api/overview", "read", handler);
  const url = "http://127.0.0.1:3000/api/overview";
  const direct = await time(() => handler());
  const bearer = await time(() => gated(new Request(url, { headers: { authorization: `Bearer ${secret}` } })));
  const cookie = await time(() => gated(new Request(url, { headers: { cookie: `${SESSION_COOKIE}=${session}` } })));
  const row = (name: string, s: number[]) => `${name.padEnd(16)} p50 ${percentile(s, 50).toFixed(3)} ms  p95 ${percentile(s, 95).toFixed(3)} ms`;
  console.log(row("no auth", direct));
  console.log(row("bearer token", bearer));
  console.log(row("session cookie", cookie));
  console.log(`auth adds p95: bearer ${(percentile(bearer, 95) - percentile(direct, 95)).toFixed(3)} ms, session ${(percentile(cookie, 95) - percentile(direct, 95)).toFixed(3)} ms`);
  await db().$disconnect();
}

await main();
