// The webhook signature (checked against a value computed with openssl, and against the
// receiver's own verification as docs/alerts.md shows it) and the retry schedule.
import { describe, expect, it } from "vitest";
import { GIVE_UP_AFTER_MS, MAX_ATTEMPTS, retryDelayMs } from "@/lib/alerts/backoff";
import { signWebhook } from "@/lib/alerts/channels/webhook";
import { verifySignature } from "@/tests/support/webhook-receiver";

const SECRET = "whsec-0123456789abcdef";
// 2026-12-05T16:00:00Z
const TS = 1796486400;

describe("signWebhook", () => {
  it("is HMAC-SHA256 over `<timestamp>.<body>` in hex", () => {
    // printf '%s' '1796486400.{"summary":"x"}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
    expect(signWebhook(SECRET, TS, '{"summary":"x"}')).toBe("sha256=ecd78fee78f8872dc759b766d870804ff2fc772e5d65890870ec0c1b0d7adeb1");
  });

  it("verifies at the receiver within 5 minutes, and not with another body, secret or an old timestamp", () => {
    const body = '{"summary":"x"}';
    const headers = { "x-kms-finops-timestamp": String(TS), "x-kms-finops-signature": signWebhook(SECRET, TS, body) };
    const at = (seconds: number) => (TS + seconds) * 1000;
    expect(verifySignature(SECRET, headers, body, at(299))).toBe(true);
    expect(verifySignature(SECRET, headers, body, at(301))).toBe(false);
    expect(verifySignature(SECRET, headers, '{"summary":"y"}', at(0))).toBe(false);
    expect(verifySignature("another-secret-0000", headers, body, at(0))).toBe(false);
  });
});

describe("retry schedule", () => {
  it("waits 1, 2, 4, 8, 16 minutes, then 30 minutes between attempts", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it("makes its last attempt once the waits pass 24 hours: attempt 53, 1,441 minutes after the first", () => {
    const waitedBefore = (attempt: number) => Array.from({ length: attempt - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    // 1+2+4+8+16 = 31 minutes, then 47 waits of 30: 1,441 minutes > 24 h; one attempt earlier, 1,411 ≤ 24 h.
    expect(MAX_ATTEMPTS).toBe(53);
    expect(waitedBefore(MAX_ATTEMPTS) / 60_000).toBe(1441);
    expect(waitedBefore(MAX_ATTEMPTS - 1)).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    // A channel down for one hour: attempts at 0, 1, 3, 7, 15, 31, 61 minutes: the 7th gets through.
    expect(waitedBefore(7) / 60_000).toBe(61);
  });
});
