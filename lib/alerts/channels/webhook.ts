// Generic webhook: the whole message as JSON, signed so the receiver can tell it came from this
// dashboard and is fresh (docs/alerts.md shows how to verify; the replay window is 5 minutes).
import { createHmac } from "node:crypto";
import type { OutgoingMessage } from "./message";

export const SIGNATURE_HEADER = "X-KMS-FinOps-Signature";
export const TIMESTAMP_HEADER = "X-KMS-FinOps-Timestamp";
export const DELIVERY_HEADER = "X-KMS-FinOps-Delivery";

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the channel's signing secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Every line (no truncation: a program reads it); attachments named, not inlined. */
export function renderWebhook(message: OutgoingMessage): string {
  const { payload } = message;
  return JSON.stringify({
    id: message.id,
    kind: message.kind,
    title: message.title,
    summary: payload.summary,
    lines: payload.lines,
    footer: payload.footer ?? null,
    url: payload.url ?? null,
    attachments: (payload.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
    ruleId: message.ruleId,
    runId: message.runId,
    createdAt: message.createdAt.toISOString(),
  });
}

/** Headers of one attempt; the timestamp is the attempt's, so a retry is signed afresh. */
export function webhookHeaders(message: OutgoingMessage, secret: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body), [DELIVERY_HEADER]: message.id, "user-agent": "kms-finops-alerts/1" };
}
