// Records whose shown values are long unbroken words (names, hosts, addresses, URLs), created
// through the app's own API and sign-in: what a full e2e run leaves on /alerts and the admin pages
// after the alert, token and sign-in specs, made deterministic for the responsive matrix.
import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { base as oidcBase, signIn } from "../oidc-sign-in";

/** One word of about `length` characters (a stamp keeps names unique across runs and retries). */
const word = (prefix: string, length: number) => `${prefix}-${Date.now().toString(36)}-${"x".repeat(Math.max(0, length - prefix.length - 10))}`;

export async function createLongValues(request: APIRequestContext, browser: Browser, baseURL: string): Promise<void> {
  const headers = { "content-type": "application/json", origin: baseURL };
  const post = async (path: string, data: unknown) => {
    const response = await request.post(path, { headers, data });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  const address = `${word("recipient", 60)}@${word("mail", 40)}.example.test`;

  // A webhook to the harness receiver (any path answers) under a long path, sent a test message
  // so the history lists a delivery; without the receiver, to this server (never sent to).
  const hookBase = process.env.E2E_WEBHOOK_URL ?? baseURL;
  const webhook = await post("/api/alerts/channels", {
    kind: "WEBHOOK",
    name: word("webhook", 90),
    url: `${hookBase}/${word("responsive", 150)}`,
    signingSecret: process.env.E2E_WEBHOOK_SECRET ?? "responsive-signing-secret-0123456789",
  });
  if (process.env.E2E_WEBHOOK_URL) expect((await request.post(`/api/alerts/channels/${webhook.id}/test`, { headers, data: {} })).ok()).toBe(true);
  // An email channel: its destination reads host, sender and recipients in full.
  const email = await post("/api/alerts/channels", {
    kind: "EMAIL",
    name: word("mail", 90),
    host: `${word("smtp", 80)}.example.test`,
    port: 2525,
    tls: "none",
    from: address,
    recipients: [address],
  });
  // Disabled: nothing is evaluated or sent for them, so other specs' messages and counts stay as they were.
  await post("/api/alerts/rules", {
    kind: "INGESTION_HEALTH",
    name: word("rule", 110),
    params: { maxAgeHours: 48 },
    channelIds: [webhook.id],
    enabled: false,
  });
  await post("/api/reports/schedules", {
    kind: "WEEKLY_DIGEST",
    name: word("digest", 150),
    channelId: email.id,
    recipients: [address],
    businessUnits: [word("unit", 100)],
    enabled: false,
  });
  await post("/api/admin/tokens", { name: word("token", 95), role: "finops", expiresInDays: 1 });

  // A user with a long login (their e-mail and subject are shown): signed in through the test IdP
  // on the AUTH_MODE=oidc server of the same database, which records them.
  if (oidcBase) {
    const context = await browser.newContext();
    try {
      await signIn(await context.newPage(), word("long.login", 70));
    } finally {
      await context.close();
    }
  }
}
