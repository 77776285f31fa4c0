// The two credentials the access-layer benchmarks send, created straight in the database as
// sign-in and the token admin would: a finops user's session (the cookie's secret) and a finops
// API token. finops is unscoped, like the AUTH_MODE=none admin, so all three callers are served
// the same cached overview and the difference is the access check alone.
import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { createSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";

export const BENCH_SESSION_LIMITS = { idleMinutes: 60, maxHours: 24 };

export async function benchCredentials(db: Db): Promise<{ session: string; token: string }> {
  // A new user per run: the dataset's database outlives the run.
  const id = `bench-${randomUUID()}`;
  const by: Principal = { kind: "session", id, name: "bench", role: "admin", businessUnits: null };
  const { secret: token } = await createApiToken(db, by, { name: "bench", role: "finops", businessUnits: [], expiresAt: new Date(Date.now() + 86_400_000) });
  await db.appUser.create({ data: { id, subject: id, role: "finops", businessUnits: [], groups: [] } });
  const session = await createSession(db, id, BENCH_SESSION_LIMITS);
  return { session, token };
}
