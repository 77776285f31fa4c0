// THE message contract between whoever raises an alert (rule evaluation, the weekly digest, the
// showback pack, "send test") and the delivery job: producers write an AlertPayload into a
// PENDING alert_delivery row (queueDeliveries, ./outbox.ts); each channel renders it its own way.
import { z } from "zod";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const alertLineSchema = z.object({
  text: z.string().min(1),
  /** Absolute URL (see absoluteUrl in ./links.ts): a link in Slack/Teams/email, plain in webhooks. */
  url: z.url().optional(),
  severity: z.enum(SEVERITIES).optional(),
});

export const alertAttachmentSchema = z.object({
  filename: z.string().min(1),
  contentType: z.string().min(1),
  contentBase64: z.base64(),
});

export const alertPayloadSchema = z.object({
  /** One sentence: the Slack/Teams headline, the first line of the email. */
  summary: z.string().min(1),
  /** Grouped findings: one message lists them all (chat channels truncate with "and N more"). */
  lines: z.array(alertLineSchema),
  footer: z.string().optional(),
  /** Absolute URL of the whole list (the page behind the message): chat channels link "and N more" to it. */
  url: z.url().optional(),
  /** Optional rich email body; email channels use it instead of the rendered lines. */
  html: z.string().optional(),
  /** Sent by email only (chat channels and webhooks name them, they cannot carry files). */
  attachments: z.array(alertAttachmentSchema).optional(),
});

export type AlertLine = z.infer<typeof alertLineSchema>;
export type AlertAttachment = z.infer<typeof alertAttachmentSchema>;
export type AlertPayload = z.infer<typeof alertPayloadSchema>;
